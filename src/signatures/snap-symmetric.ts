/**
 * SNAP symmetric signature (research §2.2):
 * `METHOD:path:accessToken:lowerhex(SHA-256(minify(body))):timestamp`, HMAC-SHA512 with the client secret,
 * Base64. Also what the docs prescribe for DOKU -> merchant callbacks (snap-hmac, EndpointUrl = merchant path).
 */
import { hmacBase64, snapBodyHash } from "./digest.js";
import type { BodyBytes } from "./types.js";

/** The inputs of a SNAP symmetric string to sign. */
export interface SnapSymmetricComponents {
  method: string;
  /** EndpointUrl: the path (with query, if any) on the receiving host. */
  path: string;
  /** The B2B access token without the "Bearer " prefix. */
  accessToken: string;
  /** Body as sent; hashed after lexical minification ("" hashes the empty string). */
  body: BodyBytes;
  /** Identical to the X-TIMESTAMP header value. */
  timestamp: string;
}

/** `METHOD:path:token:bodyhash:timestamp`. */
export function snapSymmetricStringToSign(c: SnapSymmetricComponents): string {
  return `${c.method}:${c.path}:${c.accessToken}:${snapBodyHash(c.body)}:${c.timestamp}`;
}

/** X-SIGNATURE: Base64(HMAC-SHA512(clientSecret, string to sign)), 88 characters. */
export function snapSymmetricSignature(clientSecret: string, c: SnapSymmetricComponents): string {
  return hmacBase64("sha512", clientSecret, snapSymmetricStringToSign(c));
}
