/**
 * One HTTP exchange: route, read the body (limit), hand the call to its family (token / SNAP / non-SNAP by
 * the operation's x-doku-auth), write the reply. Unknown paths get 404, known paths with another method 405,
 * bodies over the limit 413 (DOKU documents no limit: kit behaviour). An unexpected error answers 500 and
 * is reported through `onError`; the server keeps serving.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { validateHeaderName, validateHeaderValue } from "node:http";
import type { AuthScheme, Operation } from "../model/operation.js";
import { isSnapScheme } from "../signatures/schemes.js";
import { readBody } from "./body.js";
import type { Call, MockContext } from "./context.js";
import { fault, snapErrorReply } from "./errors.js";
import { nonSnapCall } from "./families/nonsnap.js";
import { snapCall } from "./families/snap.js";
import { tokenCall } from "./families/token.js";
import { parsePrefer } from "./prefer.js";
import { receivedHeaders } from "./received-headers.js";
import { type Fault, jsonReply, type Reply } from "./reply.js";
import type { RouteResult } from "./routes.js";

type Family = (ctx: MockContext, call: Call) => Promise<Reply>;

const FAMILIES: Record<AuthScheme, Family> = {
  "snap-asymmetric-token": tokenCall,
  "snap-symmetric": snapCall,
  "nonsnap-hmac": nonSnapCall,
};

export type ErrorSink = (error: unknown) => void;

/** The request listener for node:http. */
export function createDispatcher(
  ctx: MockContext,
  route: (method: string, path: string) => RouteResult,
  onError: ErrorSink,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    handle(ctx, route, req, res).catch((error: unknown) => {
      onError(error);
      if (res.headersSent) res.destroy();
      else
        send(
          res,
          jsonReply(500, { error: { code: "internal_error", message: "the mock failed; see its log" } }),
        );
    });
  };
}

async function handle(
  ctx: MockContext,
  route: (method: string, path: string) => RouteResult,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const target = req.url ?? "/";
  const method = (req.method ?? "GET").toUpperCase();
  const path = target.split("?")[0] ?? "/";
  const found = route(method, path);
  if ("notFound" in found || "wrongMethod" in found) {
    req.resume();
    const allowed = "wrongMethod" in found ? found.wrongMethod : [];
    const status = allowed.length > 0 ? 405 : 404;
    const message =
      allowed.length > 0 ? `${method} is not allowed on ${path}` : `no DOKU operation at ${method} ${path}`;
    const headers: Record<string, string> = allowed.length > 0 ? { Allow: allowed.join(", ") } : {};
    send(
      res,
      jsonReply(
        status,
        { error: { code: status === 405 ? "method_not_allowed" : "not_found", message } },
        headers,
      ),
    );
    return;
  }
  const { op, params } = found.found;
  let body: Awaited<ReturnType<typeof readBody>>;
  try {
    body = await readBody(req, ctx.settings.bodyLimitBytes);
  } catch {
    res.destroy();
    return;
  }
  if (!body.ok) {
    const detail = `the body has ${body.received} bytes; the mock accepts at most ${ctx.settings.bodyLimitBytes} (kit limit, DOKU documents none)`;
    send(
      res,
      errorFor(ctx, op, fault(413, "00", "Request Entity Too Large", "body_too_large", detail)),
      true,
    );
    return;
  }
  const call: Call = {
    op,
    method,
    target,
    params,
    headers: receivedHeaders(req),
    raw: body.bytes,
    prefs: parsePrefer(first(req.headers.prefer)),
    now: ctx.clock(),
  };
  send(res, await FAMILIES[op.auth](ctx, call));
}

function errorFor(ctx: MockContext, op: Operation, f: Fault): Reply {
  return isSnapScheme(op.auth)
    ? snapErrorReply(op, f)
    : jsonReply(f.status, ctx.settings.nonSnapErrorBody(f, op));
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(", ") : value;
}

/** Writes a reply; a header that Node would refuse (e.g. non-Latin-1 text) is dropped, never thrown. */
function send(res: ServerResponse, reply: Reply, close = false): void {
  for (const [name, value] of Object.entries(reply.headers)) {
    try {
      validateHeaderName(name);
      validateHeaderValue(name, value);
      res.setHeader(name, value);
    } catch {
      // dropped: a header must never take the server down (cf. Prism's sl-violations crash)
    }
  }
  if (close) res.setHeader("Connection", "close");
  res.setHeader("Content-Length", Buffer.byteLength(reply.body));
  res.writeHead(reply.status);
  res.end(reply.body);
}
