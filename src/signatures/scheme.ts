/**
 * What one signature scheme is (see schemes.ts for the table): its family, the header of each role, the
 * timestamp it writes, how it signs and verifies, the mutators a verifier must reject and DOKU's answers.
 */
import type { SchemeFaults } from "./faults.js";
import type { ReceivedRequest, SignatureAuth, SignInput, VerifyOptions, VerifyResult } from "./types.js";

/** SNAP (X-SIGNATURE family, responseCode envelope) or DOKU's older non-SNAP HMAC scheme. */
export type SchemeFamily = "snap" | "non-snap";

/** The part a header plays in a scheme. */
export type HeaderRole = "signature" | "timestamp" | "token" | "clientId" | "partnerId" | "requestId";

/**
 * Header names by role. `clientId` is the one the verifier compares (X-CLIENT-KEY, Client-Id); `partnerId`
 * the sender's id the caller sets (X-PARTNER-ID; non-SNAP: Client-Id); `requestId` the idempotency key.
 */
export type SchemeHeaders = Readonly<Partial<Record<HeaderRole, string>>> & { readonly timestamp: string };

/** The stable ids of the signature mutators (src/signatures/mutators.ts). */
export type MutatorName =
  | "tampered-body"
  | "reserialised-body"
  | "tampered-header"
  | "wrong-secret"
  | "wrong-key"
  | "hex-instead-of-base64"
  | "case-folded-signature"
  | "sha256-instead-of-sha512"
  | "stale-timestamp"
  | "future-timestamp"
  | "wrong-path"
  | "wrong-method"
  | "missing-signature-header"
  | "missing-timestamp-header"
  | "missing-client-id-header"
  | "foreign-client-id"
  | "missing-token"
  | "foreign-token";

/** The headers a scheme adds to `input`, given the timestamp and the scheme's header names. */
export type SchemeSigner = (input: SignInput, timestamp: string, h: SchemeHeaders) => Record<string, string>;

/** A scheme's verdict on a received request, reading the scheme's header names. */
export type SchemeVerifier = (
  request: ReceivedRequest,
  options: VerifyOptions,
  h: SchemeHeaders,
) => VerifyResult;

/** The idempotency key: how it is written, and the replay case the runner sends (where DOKU documents 409). */
export interface RequestIdRule {
  /** numeric: SNAP X-EXTERNAL-ID (digits, unique per day); text: non-SNAP Request-Id. */
  format: "numeric" | "text";
  replay?: {
    /** The runner's case name ("reused-external-id"). */
    mutator: string;
    reason: string;
    /** True: replayed with the same body (non-SNAP idempotency), so bodiless GETs are left out. */
    sameBody: boolean;
  };
}

/** One scheme: everything the runner, checks, mock, client, callbacks and CLI need to know about it. */
export interface SignatureScheme {
  name: SignatureAuth;
  /** operation: an `x-doku-auth` value; callback: a `--callback-auth` mode (DOKU -> merchant, SNAP flows). */
  use: "operation" | "callback";
  family: SchemeFamily;
  summary: string;
  headers: SchemeHeaders;
  /** The header roles verify() reads (with an issued token given, for an optional bearer token). */
  reads: readonly HeaderRole[];
  /** required: signing needs an access token; optional: sent and checked when there is one. */
  bearer: "required" | "optional" | "none";
  /** The timestamp the kit writes when none is given. */
  timestamp: (epochMs: number) => string;
  sign: SchemeSigner;
  verify: SchemeVerifier;
  /** The mutators a correct verifier rejects (mutators.ts keeps their order); optional-token ones aside. */
  mutators: readonly MutatorName[];
  requestId?: RequestIdRule;
  /** How DOKU answers a request that fails verification (the mock); absent where the merchant answers. */
  faults?: SchemeFaults;
}
