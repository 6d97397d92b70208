/**
 * Non-SNAP (DOKU VA v2) signatures for a merchant: verifying DOKU's Inquiry / HTTP Notification requests
 * and signing the Direct Inquiry answer. Both are HMAC-SHA256 with the merchant's Secret Key over
 * component lines joined by "\n" (no trailing newline), sent as "HMACSHA256=<Base64>".
 *
 *   Client-Id:<Client-Id>
 *   Request-Id:<Request-Id>
 *   Request-Timestamp:<Request-Timestamp>      (the answer: Response-Timestamp:<Response-Timestamp>)
 *   Request-Target:<path of YOUR Inquiry / Notification URL, e.g. /payments/notifications>
 *   Digest:<Base64(SHA-256(raw body bytes))>
 */
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { freshTimestamp, header } from "./http.js";

export interface NonSnapConfig {
  clientId: string;
  secretKey: string;
}

function sign(secretKey: string, lines: string[], body: Buffer): string {
  const all =
    body.length > 0 ? [...lines, `Digest:${createHash("sha256").update(body).digest("base64")}`] : lines;
  return `HMACSHA256=${createHmac("sha256", secretKey).update(all.join("\n")).digest("base64")}`;
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Why DOKU's request does not verify, or undefined when it does. `body` are the raw bytes received. */
export function verifyDokuRequest(
  req: IncomingMessage,
  body: Buffer,
  config: NonSnapConfig,
): string | undefined {
  const clientId = header(req, "Client-Id");
  const requestId = header(req, "Request-Id");
  const timestamp = header(req, "Request-Timestamp");
  const signature = header(req, "Signature");
  if (!clientId || !requestId || !timestamp || !signature)
    return "missing Client-Id, Request-Id, Request-Timestamp or Signature";
  if (clientId !== config.clientId) return "unknown Client-Id";
  if (!freshTimestamp(timestamp)) return "Request-Timestamp outside the allowed window";
  // Request-Target is the path DOKU was given (your URL's path), as the request arrived.
  const target = req.url ?? "/";
  const lines = [
    `Client-Id:${clientId}`,
    `Request-Id:${requestId}`,
    `Request-Timestamp:${timestamp}`,
    `Request-Target:${target}`,
  ];
  return same(signature, sign(config.secretKey, lines, body)) ? undefined : "Signature does not match";
}

/** The headers that sign an answer to DOKU (Direct Inquiry): same Client-Id and Request-Id, a fresh Response-Timestamp. */
export function signAnswer(
  req: IncomingMessage,
  answer: string,
  config: NonSnapConfig,
): Record<string, string> {
  const requestId = header(req, "Request-Id") ?? "";
  const timestamp = new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
  const lines = [
    `Client-Id:${config.clientId}`,
    `Request-Id:${requestId}`,
    `Response-Timestamp:${timestamp}`,
    `Request-Target:${req.url ?? "/"}`,
  ];
  return {
    "Client-Id": config.clientId,
    "Request-Id": requestId,
    "Response-Timestamp": timestamp,
    Signature: sign(config.secretKey, lines, Buffer.from(answer, "utf8")),
  };
}
