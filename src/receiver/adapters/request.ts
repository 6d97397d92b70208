/**
 * What every adapter hands the merchant's handler: the request as received, headers with every copy kept
 * (node:http joins or drops repeated headers in `req.headers`; `rawHeaders` keeps them all, so a signed
 * header sent twice reaches verifyDokuCallback as a list) and the raw body bytes.
 */
import type { HeaderBag } from "../../signatures/types.js";
import type { DokuAnswer } from "../answers.js";

/** A request as the adapters deliver it; spread it into verifyDokuCallback. */
export interface ReceivedCallback {
  method: string;
  path: string;
  headers: HeaderBag;
  rawBody: Buffer;
}

/** The merchant's handler: verify, act, and return the answer to send. */
export type CallbackHandler = (request: ReceivedCallback) => DokuAnswer | Promise<DokuAnswer>;

/** The part of node's IncomingMessage the adapters read (express and fastify requests carry one). */
export interface IncomingLike extends AsyncIterable<unknown> {
  method?: string | undefined;
  url?: string | undefined;
  rawHeaders?: readonly string[];
  headers: Readonly<Record<string, string | readonly string[] | undefined>>;
}

/** Default body cap: 1 MiB (DOKU's callbacks are a few kB). */
export const DEFAULT_MAX_BYTES = 1024 * 1024;

/** Headers by lower-case name, each with every value received, in order. */
export function headersOf(req: IncomingLike): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const raw = req.rawHeaders;
  if (raw !== undefined) {
    for (let i = 0; i + 1 < raw.length; i += 2) {
      const name = (raw[i] as string).toLowerCase();
      const values = out[name] ?? [];
      values.push(raw[i + 1] as string);
      out[name] = values;
    }
    return out;
  }
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) out[name.toLowerCase()] = typeof value === "string" ? [value] : [...value];
  }
  return out;
}

/** Thrown by readBody when the body exceeds the cap (the adapters answer 413). */
export class BodyTooLarge extends Error {
  constructor(readonly maxBytes: number) {
    super(`the body exceeds ${maxBytes} bytes`);
  }
}

/** The body's bytes, collected from the stream, at most `maxBytes`. */
export async function readBody(req: AsyncIterable<unknown>, maxBytes = DEFAULT_MAX_BYTES): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : Buffer.from(chunk as Uint8Array);
    size += bytes.length;
    if (size > maxBytes) throw new BodyTooLarge(maxBytes);
    chunks.push(bytes);
  }
  return Buffer.concat(chunks);
}

/** The callback as the handler receives it. */
export function received(req: IncomingLike, rawBody: Buffer): ReceivedCallback {
  return { method: req.method ?? "GET", path: req.url ?? "/", headers: headersOf(req), rawBody };
}

/** The answer to a body over the cap. */
export const TOO_LARGE: DokuAnswer = {
  status: 413,
  headers: { "Content-Type": "application/json" },
  body: JSON.stringify({ error: { code: "body_too_large", message: "the body exceeds the receiver's cap" } }),
};

/** The answer when the merchant's handler throws (its error goes to onError). */
export const FAILED: DokuAnswer = {
  status: 500,
  headers: { "Content-Type": "application/json" },
  body: "{}",
};
