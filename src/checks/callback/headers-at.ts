/** Which request header a finding points at, by scheme and signature mutator (pointers `/headers/...`). */
import { headerAttackedBy } from "../../signatures/mutators.js";
import { proofHeader } from "../../signatures/schemes.js";
import type { SignatureAuth } from "../../signatures/types.js";

/** The header carrying the signature: `Signature` (non-SNAP), `X-SIGNATURE` (SNAP), `Authorization` (bearer-only). */
export function signatureHeaderOf(auth: SignatureAuth): string {
  return proofHeader(auth);
}

/** The pointer of the header a forged case attacks: the timestamp, client id, token or signature header. */
export function attackedHeader(mutator: string, auth: SignatureAuth): string {
  return `/headers/${headerAttackedBy(mutator, auth)}`;
}
