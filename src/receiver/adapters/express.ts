/**
 * Express adapter: `app.post(path, expressCallbackHandler(handle))`. The raw bytes come from
 * `express.raw({ type: "*\/*" })` mounted on the route (req.body is then a Buffer) or, with no body parser,
 * straight from the request stream. A parsed req.body (express.json ran first) cannot be verified: DOKU signs
 * bytes, not objects, so the adapter refuses to guess and passes a UsageError to next().
 */
import { UsageError } from "../../model/errors.js";
import { type AdapterOptions, answerOf } from "./node.js";
import {
  BodyTooLarge,
  type CallbackHandler,
  DEFAULT_MAX_BYTES,
  type IncomingLike,
  readBody,
} from "./request.js";

/** The part of an Express request the adapter reads. */
export interface ExpressRequestLike extends IncomingLike {
  body?: unknown;
  readableEnded?: boolean;
}

/** The part of an Express response the adapter writes. */
export interface ExpressResponseLike {
  status(code: number): ExpressResponseLike;
  set(headers: Record<string, string>): ExpressResponseLike;
  send(body: string): unknown;
}

async function rawOf(req: ExpressRequestLike, maxBytes: number): Promise<Buffer> {
  if (Buffer.isBuffer(req.body)) {
    if (req.body.length > maxBytes) throw new BodyTooLarge(maxBytes);
    return req.body;
  }
  if (req.readableEnded !== true) return readBody(req, maxBytes);
  throw new UsageError(
    'expressCallbackHandler: the body was already parsed; mount express.raw({ type: "*/*" }) on this route instead of express.json()',
  );
}

/** An Express route handler around `handle`. */
export function expressCallbackHandler(handle: CallbackHandler, options: AdapterOptions = {}) {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  return (req: ExpressRequestLike, res: ExpressResponseLike, next: (error?: unknown) => void): void => {
    let misuse: unknown;
    const run = () =>
      rawOf(req, maxBytes).catch((error: unknown) => {
        if (error instanceof UsageError) misuse = error;
        throw error;
      });
    void answerOf(handle, run, req, options).then((answer) => {
      if (misuse !== undefined) return next(misuse);
      res.status(answer.status).set(answer.headers).send(answer.body);
    });
  };
}
