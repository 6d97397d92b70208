/**
 * Non-SNAP signature (research §2.1): `Name:value` component lines joined by "\n", no trailing newline,
 * HMAC-SHA256 with the Secret Key, header value `HMACSHA256=<Base64>`. The Digest line is present only when
 * there is a body; the response variant uses the Response-Timestamp label.
 */
import { bodyDigest, hasBody, hmacBase64 } from "./digest.js";
import type { BodyBytes } from "./types.js";

/** The literal prefix of a non-SNAP Signature header value. */
export const NONSNAP_SIGNATURE_PREFIX = "HMACSHA256=";

/** The inputs of a non-SNAP component string. */
export interface NonSnapComponents {
  clientId: string;
  requestId: string;
  /** Request-Timestamp (requests) or Response-Timestamp (responses) value. */
  timestamp: string;
  /** Request-Target: the path called; for DOKU -> merchant calls, the path of the merchant's URL. */
  target: string;
  /** Exact body bytes; undefined or empty means no Digest line (GET variant). */
  body?: BodyBytes;
  /** "Request-Timestamp" (default) or "Response-Timestamp" for the response variant. */
  timestampLabel?: "Request-Timestamp" | "Response-Timestamp";
}

/** The component string, e.g. "Client-Id:...\nRequest-Id:...\nRequest-Timestamp:...\nRequest-Target:...\nDigest:...". */
export function nonSnapStringToSign(c: NonSnapComponents): string {
  const lines = [
    `Client-Id:${c.clientId}`,
    `Request-Id:${c.requestId}`,
    `${c.timestampLabel ?? "Request-Timestamp"}:${c.timestamp}`,
    `Request-Target:${c.target}`,
  ];
  if (hasBody(c.body)) lines.push(`Digest:${bodyDigest(c.body)}`);
  return lines.join("\n");
}

/** The Signature header value: `HMACSHA256=` + Base64(HMAC-SHA256(secretKey, component string)). */
export function nonSnapSignature(secretKey: string, c: NonSnapComponents): string {
  return NONSNAP_SIGNATURE_PREFIX + hmacBase64("sha256", secretKey, nonSnapStringToSign(c));
}
