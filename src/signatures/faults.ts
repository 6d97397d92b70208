/**
 * DOKU's 401 answers to a request that fails verification, per scheme, as data (the mock answers them).
 * Sources: D-RC table (401xx00 "Unauthorized. [reason]", 01 invalid token, 03 token not found), OBS-SANDBOX
 * (4017300 "Unauthorized. Unknown Client", 4012601 "Access Token Invalid (B2B)"), SDK simulator (4012700
 * "Unauthorized. Signature Not Match"), SDK merchant-side helpers (4017300 "Unauthorized. Invalid
 * Signature": DOKU's own answer to a bad token signature is undocumented). "Invalid Timestamp" is the kit's
 * [reason]: DOKU documents no window. Non-SNAP codes are the kit's: DOKU documents no non-SNAP error body.
 */
import type { VerifyRule } from "./types.js";

/** The messages DOKU's SNAP answers carry. */
export const AUTH_MESSAGES = {
  signatureNotMatch: "Unauthorized. Signature Not Match",
  invalidSignature: "Unauthorized. Invalid Signature",
  invalidTimestamp: "Unauthorized. Invalid Timestamp",
  unknownClient: "Unauthorized. Unknown Client",
  tokenInvalid: "Access Token Invalid (B2B)",
  tokenNotFound: "Token Not Found (B2B)",
} as const;

/** One 401 answer: SNAP case code (the last two digits of 401xxNN), message, and the kit's error code. */
export interface AuthAnswer {
  caseCode: string;
  message: string;
  code: string;
}

/** The answer per failed rule, and the answer to every other rule. */
export interface SchemeFaults {
  byRule: Readonly<Partial<Record<VerifyRule, AuthAnswer>>>;
  otherwise: AuthAnswer;
}

const answer = (caseCode: string, message: string, code: string): AuthAnswer => ({ caseCode, message, code });
const timestamp = answer("00", AUTH_MESSAGES.invalidTimestamp, "invalid_timestamp");
const unknownClient = answer("00", AUTH_MESSAGES.unknownClient, "unknown_client");
const timestampRules = {
  "timestamp-missing": timestamp,
  "timestamp-format": timestamp,
  "timestamp-window": timestamp,
};
const clientRules = { "client-id-missing": unknownClient, "client-id-mismatch": unknownClient };

/** A SNAP transactional request (snap-symmetric). */
export const SNAP_FAULTS: SchemeFaults = {
  byRule: {
    "token-missing": answer("03", AUTH_MESSAGES.tokenNotFound, "token_not_found"),
    "token-unknown": answer("01", AUTH_MESSAGES.tokenInvalid, "invalid_token"),
    ...timestampRules,
    ...clientRules,
  },
  otherwise: answer("00", AUTH_MESSAGES.signatureNotMatch, "invalid_signature"),
};

/** A Get Token B2B request (snap-asymmetric-token). */
export const TOKEN_FAULTS: SchemeFaults = {
  byRule: { ...clientRules, ...timestampRules },
  otherwise: answer("00", AUTH_MESSAGES.invalidSignature, "invalid_signature"),
};

const nonSnap = (code: string) => answer("00", "Unauthorized", code);

/** A non-SNAP request (nonsnap-hmac). */
export const NONSNAP_FAULTS: SchemeFaults = {
  byRule: {
    "client-id-missing": nonSnap("missing_client_id"),
    "client-id-mismatch": nonSnap("unknown_client"),
    "request-id-missing": nonSnap("missing_request_id"),
    "timestamp-missing": nonSnap("invalid_timestamp"),
    "timestamp-format": nonSnap("invalid_timestamp"),
    "timestamp-window": nonSnap("invalid_timestamp"),
    "signature-missing": nonSnap("missing_signature"),
  },
  otherwise: nonSnap("invalid_signature"),
};

/** The answer `faults` gives to a failed `rule`. */
export function answerFor(faults: SchemeFaults, rule: VerifyRule): AuthAnswer {
  return faults.byRule[rule] ?? faults.otherwise;
}
