/**
 * How much an accepted forgery matters, by mutator. Most forgeries need no secret (a tampered body, a
 * stale or future timestamp, a missing token, a case-changed signature, a replay): accepting one fails
 * certification. A few are validly signed with the merchant's own secret or DOKU's key and only change
 * who the request claims to come from: accepting them is poor hygiene, not exploitable without the
 * secret, so they are warnings that say why.
 */
import type { Severity } from "../../model/violation.js";

/** Mutators whose acceptance is a warning, with the reason the finding gives. */
export const HYGIENE_ONLY: Readonly<Record<string, string>> = {
  "foreign-client-id":
    "a warning: the request is validly signed with the merchant's own secret or DOKU's key, so forging it needs that secret; checking the Client-Id is good hygiene",
  "missing-client-id-header":
    "a warning: the request is validly signed with the merchant's own secret or DOKU's key and only lacks the client id header; requiring it is good hygiene",
};

/** The severity of accepting a forgery made by `mutator`, and why when it is only a warning. */
export function acceptedForgerySeverity(mutator: string): { severity: Severity; why?: string } {
  const why = HYGIENE_ONLY[mutator];
  return why === undefined ? { severity: "error" } : { severity: "warning", why };
}
