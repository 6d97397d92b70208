/**
 * The minimal guards a merchant puts around doku-nodejs-library 1.0.52 (src/checks/sdk/defects.ts names
 * the defect each one closes): a missing Authorization is an invalid token, the X-SIGNATURE is compared
 * exactly and computed over the raw body, X-TIMESTAMP must be within ±5 minutes, and answers carry string
 * response codes with the callback's service code.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import { freshTimestamp } from "../lib/http.js";
import { tokenService } from "./sdk.js";

/** Guard against sdk-crash-without-authorization: no header, no token (the SDK would throw). */
export const hasAuthorization = (value: string | undefined): value is string =>
  value !== undefined && value !== "";

/** Guard against sdk-no-timestamp-window: X-TIMESTAMP within ±5 minutes of now. */
export const withinWindow = (timestamp: string | undefined): boolean => freshTimestamp(timestamp);

/** JSON text without the whitespace between tokens (string contents, key order and escapes kept). */
export function minifyJson(text: string): string {
  let out = "";
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (inString) {
      out += c;
      if (c === "\\") out += text.charAt(++i);
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
      out += c;
    } else if (!/\s/.test(c)) out += c;
  }
  return out;
}

/**
 * Guard against sdk-reserialised-body and sdk-case-insensitive-signature: the SNAP symmetric signature over
 * the RAW body (the SDK hashes JSON.stringify of the parsed body), signed with the SDK's own HMAC helper and
 * compared byte for byte.
 */
export function exactSymmetricSignature(
  received: string | undefined,
  input: { path: string; token: string; raw: Buffer; timestamp: string; secretKey: string },
): boolean {
  if (received === undefined) return false;
  const hash = createHash("sha256")
    .update(minifyJson(input.raw.toString("utf8")))
    .digest("hex");
  const expected = tokenService.generateExpectedSignature(
    `POST:${input.path}:${input.token}:${hash}:${input.timestamp}`,
    input.secretKey,
  );
  const a = Buffer.from(received);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
