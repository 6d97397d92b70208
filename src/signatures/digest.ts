/** The hashes and MACs DOKU signatures are built from, over exact bytes (UTF-8 for strings). */
import { createHmac, createSecretKey, hash, type KeyObject } from "node:crypto";
import { isMinifiedJson, minifyJsonBytes } from "./minify.js";
import type { BodyBytes } from "./types.js";

/** The bytes of a body: strings are UTF-8 encoded, byte arrays are used as they are. */
export function toBytes(body: BodyBytes): Uint8Array {
  return typeof body === "string" ? Buffer.from(body, "utf8") : body;
}

/** True when the body has at least one byte ("" and empty arrays are "no body"). */
export function hasBody(body: BodyBytes | undefined): body is BodyBytes {
  return body !== undefined && body.length > 0;
}

/** Non-SNAP `Digest`: Base64(SHA-256(exact body bytes)), standard alphabet, padded. */
export function bodyDigest(body: BodyBytes): string {
  return hash("sha256", toBytes(body), "base64");
}

/** SNAP body hash: lowercase hex SHA-256 of the minified body; an empty body hashes "" (e3b0c442...). */
export function snapBodyHash(body: BodyBytes): string {
  // A string already minified (JSON.stringify's output) is hashed as it is: crypto encodes it, no copy here.
  if (typeof body === "string" && isMinifiedJson(body)) return hash("sha256", body, "hex");
  return hash("sha256", minifyJsonBytes(toBytes(body)), "hex");
}

/** The last HMAC key used, as a KeyObject (a run signs with one secret: not re-imported per call). */
let lastKey: { text: string; object: KeyObject } | undefined;

/** Base64 HMAC with a UTF-8 key over a UTF-8 message. */
export function hmacBase64(algorithm: "sha256" | "sha512", key: string, message: string): string {
  if (lastKey?.text !== key) lastKey = { text: key, object: createSecretKey(Buffer.from(key, "utf8")) };
  return createHmac(algorithm, lastKey.object).update(message, "utf8").digest("base64");
}
