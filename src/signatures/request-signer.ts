/**
 * signRequest: one entry point for every scheme and callback mode. The scheme table (schemes.ts) gives
 * the headers each adds; the body is passed through untouched, so the bytes signed are the bytes sent.
 */
import { UsageError } from "../model/errors.js";
import { withHeaders } from "./headers.js";
import { SCHEMES } from "./schemes.js";
import type { SignatureAuth, SignedRequest, SignInput } from "./types.js";

/** The timestamp a scheme uses when none is given: UTC `Z` for non-SNAP, WIB offset for SNAP. */
export function defaultTimestamp(auth: SignatureAuth, epochMs: number = Date.now()): string {
  return SCHEMES[auth].timestamp(epochMs);
}

/** Signs `input`: returns the request with its signature headers added and the body unchanged. */
export function signRequest(input: SignInput): SignedRequest {
  const scheme = Object.hasOwn(SCHEMES, input.auth) ? SCHEMES[input.auth] : undefined;
  if (scheme === undefined) throw new UsageError(`unknown signature scheme "${String(input.auth)}"`);
  const timestamp = input.timestamp ?? scheme.timestamp(Date.now());
  const headers = withHeaders(input.headers ?? {}, scheme.sign(input, timestamp, scheme.headers));
  return { method: input.method, path: input.path, headers, body: input.body };
}
