/**
 * Small node:http helpers for the reference merchants. The one rule that matters: read the body as RAW
 * BYTES and verify the signature over exactly those bytes, before JSON.parse. Never re-serialise
 * (JSON.stringify) a parsed body to hash it: DOKU's JSON writer is not JavaScript's.
 */
import type { IncomingMessage, ServerResponse } from "node:http";

/** The request body exactly as received. */
export async function rawBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** A header value (node lower-cases header names). */
export function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/** Sends JSON text exactly as given (sign this same text when the answer is signed). */
export function sendText(
  res: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { "Content-Type": "application/json", ...headers });
  res.end(text);
}

/** Sends `body` as JSON. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  sendText(res, status, JSON.stringify(body), headers);
}

/** Parses JSON, or undefined. */
export function parseJson(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString("utf8"));
  } catch {
    return undefined;
  }
}

/** Allowed clock difference for X-TIMESTAMP / Request-Timestamp. DOKU documents none: 5 minutes is our choice. */
export const MAX_SKEW_MS = 5 * 60 * 1000;

/** True when an ISO-8601 timestamp ("2024-03-26T16:01:41+07:00", "2020-08-11T08:45:42Z") is within the window. */
export function freshTimestamp(value: string | undefined, now: number = Date.now()): boolean {
  if (
    value === undefined ||
    !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/.test(value)
  ) {
    return false;
  }
  const at = Date.parse(value);
  return Number.isFinite(at) && Math.abs(now - at) <= MAX_SKEW_MS;
}
