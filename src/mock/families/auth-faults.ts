/**
 * Verification failures (src/signatures VerifyRule) -> DOKU's 401 answers. Sources: D-RC table (401xx00
 * "Unauthorized. [reason]", 01 invalid token, 03 token not found), OBS-SANDBOX (4017300 "Unauthorized.
 * Unknown Client", 4012601 "Access Token Invalid (B2B)"), SDK simulator (4012700 "Unauthorized. Signature
 * Not Match"), SDK merchant-side helpers (4017300 "Unauthorized. Invalid Signature": DOKU's own answer to a
 * bad token signature is undocumented). "Invalid Timestamp" is the kit's [reason]: DOKU documents no window.
 */
import type { VerifyResult } from "../../signatures/index.js";
import { fault } from "../errors.js";
import type { Fault } from "../reply.js";

type Failure = Extract<VerifyResult, { ok: false }>;

export const MESSAGES = {
  signatureNotMatch: "Unauthorized. Signature Not Match",
  invalidSignature: "Unauthorized. Invalid Signature",
  invalidTimestamp: "Unauthorized. Invalid Timestamp",
  unknownClient: "Unauthorized. Unknown Client",
  tokenInvalid: "Access Token Invalid (B2B)",
  tokenNotFound: "Token Not Found (B2B)",
} as const;

const unauthorized = (caseCode: string, message: string, v: Failure, code: string): Fault => ({
  ...fault(401, caseCode, message, code, v.reason),
  ...(v.header !== undefined ? { field: v.header } : {}),
});

/** A SNAP transactional request (snap-symmetric) that failed verification. */
export function snapAuthFault(v: Failure): Fault {
  switch (v.rule) {
    case "token-missing":
      return unauthorized("03", MESSAGES.tokenNotFound, v, "token_not_found");
    case "token-unknown":
      return unauthorized("01", MESSAGES.tokenInvalid, v, "invalid_token");
    case "timestamp-missing":
    case "timestamp-format":
    case "timestamp-window":
      return unauthorized("00", MESSAGES.invalidTimestamp, v, "invalid_timestamp");
    case "client-id-missing":
    case "client-id-mismatch":
      return unauthorized("00", MESSAGES.unknownClient, v, "unknown_client");
    default:
      return unauthorized("00", MESSAGES.signatureNotMatch, v, "invalid_signature");
  }
}

/** A Get Token B2B request (snap-asymmetric-token) that failed verification. */
export function tokenAuthFault(v: Failure): Fault {
  switch (v.rule) {
    case "client-id-missing":
    case "client-id-mismatch":
      return unauthorized("00", MESSAGES.unknownClient, v, "unknown_client");
    case "timestamp-missing":
    case "timestamp-format":
    case "timestamp-window":
      return unauthorized("00", MESSAGES.invalidTimestamp, v, "invalid_timestamp");
    default:
      return unauthorized("00", MESSAGES.invalidSignature, v, "invalid_signature");
  }
}

/** A non-SNAP request that failed verification (the kit's codes; DOKU documents no non-SNAP error body). */
export function nonSnapAuthFault(v: Failure): Fault {
  const code: Record<string, string> = {
    "client-id-missing": "missing_client_id",
    "client-id-mismatch": "unknown_client",
    "request-id-missing": "missing_request_id",
    "timestamp-missing": "invalid_timestamp",
    "timestamp-format": "invalid_timestamp",
    "timestamp-window": "invalid_timestamp",
    "signature-missing": "missing_signature",
  };
  return unauthorized("00", "Unauthorized", v, code[v.rule] ?? "invalid_signature");
}
