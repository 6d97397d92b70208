/**
 * verifyRequest: the scheme's verifier (schemes.ts, verifiers.ts) over the raw bytes received, after
 * header, token, client-id and timestamp-window checks. Returns data; it throws only for a verifier
 * misconfiguration (missing secret or key, unknown scheme: a UsageError).
 */
import { UsageError } from "../model/errors.js";
import { SCHEMES } from "./schemes.js";
import type { ReceivedRequest, VerifyOptions, VerifyResult } from "./types.js";

/** Verifies a received request under `options.auth`; `{ ok: false, rule, reason, header }` when it fails. */
export function verifyRequest(request: ReceivedRequest, options: VerifyOptions): VerifyResult {
  const scheme = Object.hasOwn(SCHEMES, options.auth) ? SCHEMES[options.auth] : undefined;
  if (scheme === undefined) throw new UsageError(`unknown signature scheme "${String(options.auth)}"`);
  return scheme.verify(request, options, scheme.headers);
}
