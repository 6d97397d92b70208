/** node:http adapter: `createServer(nodeCallbackHandler(handle))` collects the body (capped) and sends the answer. */
import type { DokuAnswer } from "../answers.js";
import {
  BodyTooLarge,
  type CallbackHandler,
  DEFAULT_MAX_BYTES,
  FAILED,
  type IncomingLike,
  readBody,
  received,
  TOO_LARGE,
} from "./request.js";

/** The part of node's ServerResponse the adapter writes. */
export interface ServerResponseLike {
  writeHead(status: number, headers: Record<string, string>): unknown;
  end(body: string): unknown;
}

/** Adapter options: body cap (bytes, default 1 MiB) and where a handler's error goes. */
export interface AdapterOptions {
  maxBytes?: number;
  onError?: (error: unknown) => void;
}

/** Runs `handle` and turns a throw into FAILED (500), reporting the error to onError. */
export async function answerOf(
  handle: CallbackHandler,
  run: () => Promise<Buffer>,
  req: IncomingLike,
  options: AdapterOptions,
): Promise<DokuAnswer> {
  let body: Buffer;
  try {
    body = await run();
  } catch (error) {
    if (error instanceof BodyTooLarge) return TOO_LARGE;
    options.onError?.(error);
    return FAILED;
  }
  try {
    return await handle(received(req, body));
  } catch (error) {
    options.onError?.(error);
    return FAILED;
  }
}

/** A node:http request listener around `handle`. */
export function nodeCallbackHandler(handle: CallbackHandler, options: AdapterOptions = {}) {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  return (req: IncomingLike, res: ServerResponseLike): void => {
    void answerOf(handle, () => readBody(req, maxBytes), req, options).then((answer) => {
      res.writeHead(answer.status, answer.headers);
      res.end(answer.body);
    });
  };
}
