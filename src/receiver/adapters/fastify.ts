/**
 * Fastify adapter: `app.register(fastifyCallbackRoutes([{ url, handle }]))`. Inside its own encapsulated
 * scope it replaces the content-type parsers with one that keeps every body as a Buffer
 * (`parseAs: "buffer"`), so the rest of the app keeps its JSON parser and DOKU's bytes reach the handler
 * untouched. Fastify's own bodyLimit caps the size (413).
 */
import type { AdapterOptions } from "./node.js";
import { answerOf } from "./node.js";
import { type CallbackHandler, DEFAULT_MAX_BYTES, type IncomingLike } from "./request.js";

/** The part of a Fastify request the adapter reads. */
export interface FastifyRequestLike {
  raw: IncomingLike;
  body?: unknown;
}

/** The part of a Fastify reply the adapter writes. */
export interface FastifyReplyLike {
  code(status: number): FastifyReplyLike;
  headers(headers: Record<string, string>): FastifyReplyLike;
  send(body: string): unknown;
}

type ParserDone = (error: Error | null, body?: unknown) => void;

/** The part of a Fastify instance (scope) the plugin uses. */
export interface FastifyScopeLike {
  removeAllContentTypeParsers(): void;
  addContentTypeParser(
    type: string,
    options: { parseAs: "buffer"; bodyLimit?: number },
    parser: (req: unknown, body: Buffer, done: ParserDone) => void,
  ): void;
  route(options: {
    method: string;
    url: string;
    handler: (request: FastifyRequestLike, reply: FastifyReplyLike) => Promise<unknown>;
  }): unknown;
}

/** One route: URL, handler, method (default POST). */
export interface FastifyCallbackRoute {
  url: string;
  handle: CallbackHandler;
  method?: string;
}

/** A Fastify plugin registering `routes` with raw-Buffer bodies. */
export function fastifyCallbackRoutes(routes: readonly FastifyCallbackRoute[], options: AdapterOptions = {}) {
  const bodyLimit = options.maxBytes ?? DEFAULT_MAX_BYTES;
  return async (scope: FastifyScopeLike): Promise<void> => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser("*", { parseAs: "buffer", bodyLimit }, (_req, body, done) => done(null, body));
    for (const route of routes) {
      scope.route({
        method: route.method ?? "POST",
        url: route.url,
        handler: async (request, reply) => {
          const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
          const answer = await answerOf(route.handle, async () => body, request.raw, options);
          return reply.code(answer.status).headers(answer.headers).send(answer.body);
        },
      });
    }
  };
}
