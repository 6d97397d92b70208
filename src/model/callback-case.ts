/**
 * A callback case: one request the kit sends as DOKU to the merchant. It extends the shared Case with its
 * kind (what it tests) and, for forged cases, the signature mutator; signature headers are added when it
 * is sent, so timestamps are fresh.
 */
import type { Case, Exchange, Phase } from "./case.js";

/**
 * What a case tests.
 * - `example`, `boundary`, `property`: valid callbacks built from the webhook's request schema.
 * - `pinned`: the body given with --body (a reference the merchant knows).
 * - `forged`: a signature mutator, a missing header, a wrong or absent token, a stale or future timestamp.
 * - `byte-variant`: a valid callback written with other bytes (whitespace, key order, escapes), signed
 *   over exactly those bytes.
 * - `duplicate`: the same callback (same Request-Id / X-EXTERNAL-ID and body) delivered twice.
 * - `token`, `token-forged`: the token handshake (SNAP, --token-url), valid and forged.
 */
export type CaseKind =
  | "example"
  | "boundary"
  | "property"
  | "pinned"
  | "forged"
  | "byte-variant"
  | "duplicate"
  | "token"
  | "token-forged";

/** The runner phase a kind is reported under (reporters group by phase). */
export const PHASE_OF: Readonly<Record<CaseKind, Phase>> = {
  example: "examples",
  boundary: "boundary",
  property: "property",
  pinned: "examples",
  forged: "signature",
  "byte-variant": "signature",
  duplicate: "signature",
  token: "signature",
  "token-forged": "signature",
};

export interface CallbackCase extends Case {
  kind: CaseKind;
  /** forged: the mutator name; byte-variant: the variant name; duplicate: "first" / "second". */
  variant?: string;
  /** Cases that belong together (a duplicate pair) share a group id. */
  group?: string;
  /** The exact bytes to send (always set for callbacks). */
  rawBody: string;
}

/** An exchange of a callback case. */
export interface CallbackExchange extends Exchange {
  case: CallbackCase;
  /** Set when the transport error means the endpoint cannot be reached at all (refused, unknown host, TLS). */
  fatal?: boolean;
  /** The second delivery of a duplicate pair: the first delivery's exchange (duplicate-consistent compares them). */
  previous?: CallbackExchange;
}
