/**
 * SNAP asymmetric signatures (research §2.3): SHA256withRSA (RSASSA-PKCS1-v1_5), Base64. The token form
 * signs `clientId|X-TIMESTAMP`; the transactional form signs `METHOD:path:lowerhex(sha256(minify(body))):timestamp`.
 */
import { constants, type KeyObject, sign, verify } from "node:crypto";
import { snapBodyHash } from "./digest.js";
import type { BodyBytes } from "./types.js";

/** `clientId|timestamp`, signed for Get Token B2B/B2B2C and DOKU's token request to the merchant. */
export function snapTokenStringToSign(clientId: string, timestamp: string): string {
  return `${clientId}|${timestamp}`;
}

/** The inputs of the transactional asymmetric string (no access token). */
export interface SnapTransactionalComponents {
  method: string;
  path: string;
  body: BodyBytes;
  timestamp: string;
}

/** `METHOD:path:bodyhash:timestamp`. */
export function snapTransactionalStringToSign(c: SnapTransactionalComponents): string {
  return `${c.method}:${c.path}:${snapBodyHash(c.body)}:${c.timestamp}`;
}

/** The last message each private key signed, and its signature. */
const lastSigned = new WeakMap<KeyObject, { message: string; signature: string }>();

/**
 * Base64(SHA256withRSA(privateKey, UTF-8 message)), PKCS#1 v1.5 padding, no line breaks. PKCS#1 v1.5 is
 * deterministic, so the same key and message give the same bytes: the last signature of each key is
 * reused when the message repeats (a token request signs `clientId|X-TIMESTAMP`, which changes once a
 * second, and an RSA-2048 signature costs about a millisecond).
 */
export function rsaSignBase64(privateKey: KeyObject, message: string): string {
  const last = lastSigned.get(privateKey);
  if (last?.message === message) return last.signature;
  const key = { key: privateKey, padding: constants.RSA_PKCS1_PADDING };
  const signature = sign("sha256", Buffer.from(message, "utf8"), key).toString("base64");
  lastSigned.set(privateKey, { message, signature });
  return signature;
}

/**
 * True when `signature` is the canonical Base64 of a valid SHA256withRSA signature of `message`.
 * Canonical: Node's Base64 decoder is lenient (skips stray characters, ignores padding bits), so the
 * value must re-encode to itself — a case-folded or otherwise altered value never passes.
 */
export function rsaVerifyBase64(publicKey: KeyObject, message: string, signature: string): boolean {
  const bytes = Buffer.from(signature, "base64");
  if (bytes.length === 0 || bytes.toString("base64") !== signature) return false;
  const key = { key: publicKey, padding: constants.RSA_PKCS1_PADDING };
  return verify("sha256", Buffer.from(message, "utf8"), key, bytes);
}
