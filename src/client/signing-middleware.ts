/**
 * openapi-fetch middleware that signs each request by its operation's x-doku-auth. It reads the body text
 * the client serialised, signs exactly that string, and sends that same string.
 */
import { randomUUID } from "node:crypto";
import type { Middleware } from "openapi-fetch";
import type { AuthScheme } from "../model/operation.js";
import { type Credentials, defaultTimestamp, SCHEMES, signRequest } from "../signatures/index.js";
import type { TokenSource } from "./token-source.js";

/** The auth scheme of a request, by method and OpenAPI path template; undefined: send unsigned. */
export type AuthResolver = (method: string, schemaPath: string) => AuthScheme | undefined;

/** `"POST /virtual-accounts/..."` -> scheme (method upper-case, path as in the spec). */
export type AuthTable = Readonly<Record<string, AuthScheme>>;

/** A resolver over a table keyed "METHOD /path/{template}". */
export function authFromTable(table: AuthTable): AuthResolver {
  return (method, schemaPath) => table[`${method.toUpperCase()} ${schemaPath}`];
}

export interface SigningMiddlewareOptions {
  auth: AuthResolver;
  credentials: Credentials;
  tokens: TokenSource;
  now?: () => number;
  /** Request-Id for non-SNAP requests that carry none. */
  requestId?: () => string;
  /** Sees each signed request; pass headers through redactHeaders before printing them. */
  onSigned?: (request: Request) => void;
}

/** The signing middleware: one per client; dispatches on each operation's scheme. */
export function signingMiddleware(options: SigningMiddlewareOptions): Middleware {
  const now = options.now ?? Date.now;
  const requestId = options.requestId ?? randomUUID;
  return {
    async onRequest({ request, schemaPath }) {
      const auth = options.auth(request.method, schemaPath);
      if (auth === undefined) return undefined;
      const body = await request.text();
      const url = new URL(request.url);
      const headers = Object.fromEntries(request.headers.entries());
      const scheme = SCHEMES[auth];
      const idHeader = scheme.headers.requestId;
      // A request id the signature covers (non-SNAP Request-Id) is filled in; SNAP's X-EXTERNAL-ID is the caller's.
      if (
        idHeader !== undefined &&
        scheme.reads.includes("requestId") &&
        headers[idHeader.toLowerCase()] === undefined
      )
        headers[idHeader] = requestId();
      const signed = signRequest({
        auth,
        method: request.method,
        path: url.pathname + url.search,
        body,
        headers,
        credentials: options.credentials,
        ...(scheme.bearer === "required" ? { accessToken: await options.tokens.get() } : {}),
        timestamp: defaultTimestamp(auth, now()),
      });
      const init: RequestInit = { method: signed.method, headers: signed.headers, signal: request.signal };
      if (signed.body !== "") init.body = signed.body;
      const out = new Request(request.url, init);
      options.onSigned?.(out);
      return out;
    },
  };
}
