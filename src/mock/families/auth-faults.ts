/**
 * Verification failures (src/signatures VerifyRule) -> DOKU's 401 answers: the scheme's `faults` in the
 * scheme table (src/signatures/faults.ts cites the sources) turned into the mock's Fault.
 */
import type { AuthScheme } from "../../model/operation.js";
import { AUTH_MESSAGES, answerFor, SCHEMES, type VerifyResult } from "../../signatures/index.js";
import { fault } from "../errors.js";
import type { Fault } from "../reply.js";

type Failure = Extract<VerifyResult, { ok: false }>;

/** DOKU's SNAP 401 messages (src/signatures/faults.ts). */
export const MESSAGES = AUTH_MESSAGES;

/** The 401 a request of scheme `auth` gets when it failed verification; `field` names the header at fault. */
export function authFault(auth: AuthScheme, v: Failure): Fault {
  const faults = SCHEMES[auth].faults;
  if (faults === undefined) throw new Error(`the scheme table gives no mock answers for ${auth}`);
  const answer = answerFor(faults, v.rule);
  return {
    ...fault(401, answer.caseCode, answer.message, answer.code, v.reason),
    ...(v.header !== undefined ? { field: v.header } : {}),
  };
}
