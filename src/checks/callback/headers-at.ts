/** Which request header a finding points at, by family, mode and signature mutator (pointers `/headers/...`). */
import type { SignatureAuth } from "../../signatures/types.js";

/** The header carrying the signature: `Signature` (non-SNAP), `X-SIGNATURE` (SNAP), `Authorization` (bearer-only). */
export function signatureHeaderOf(auth: SignatureAuth): string {
  if (auth === "nonsnap-hmac") return "Signature";
  if (auth === "bearer-only") return "Authorization";
  return "X-SIGNATURE";
}

const BY_MUTATOR: Readonly<Record<string, (auth: SignatureAuth) => string>> = {
  "stale-timestamp": (auth) => (auth === "nonsnap-hmac" ? "Request-Timestamp" : "X-TIMESTAMP"),
  "future-timestamp": (auth) => (auth === "nonsnap-hmac" ? "Request-Timestamp" : "X-TIMESTAMP"),
  "missing-timestamp-header": (auth) => (auth === "nonsnap-hmac" ? "Request-Timestamp" : "X-TIMESTAMP"),
  "missing-client-id-header": (auth) => (auth === "nonsnap-hmac" ? "Client-Id" : "X-CLIENT-KEY"),
  "foreign-client-id": (auth) => (auth === "nonsnap-hmac" ? "Client-Id" : "X-CLIENT-KEY"),
  "missing-token": () => "Authorization",
  "foreign-token": () => "Authorization",
};

/** The pointer of the header a forged case attacks: the timestamp, client id, token or signature header. */
export function attackedHeader(mutator: string, auth: SignatureAuth): string {
  const pick = BY_MUTATOR[mutator];
  return `/headers/${pick ? pick(auth) : signatureHeaderOf(auth)}`;
}
