/**
 * A case: one request the kit will send (runner: merchant -> DOKU target; callbacks: DOKU -> merchant).
 * Signature headers are not part of a case; the signer adds them when the case is sent.
 */
import type { HttpMethod } from "./operation.js";

export type Phase = "examples" | "boundary" | "property" | "negative" | "signature";

/** What the target must do with the case. */
export type Expectation =
  /** A valid request: must be accepted (2xx). */
  | { kind: "accept" }
  /** A request breaking exactly one rule: must be rejected, ideally naming `pointer`. */
  | { kind: "reject"; pointer: string; rule: string; reason: string }
  /** A request with a broken signature/token/timestamp: must be rejected as unauthorized. */
  | { kind: "reject-auth"; mutator: string; reason: string };

export interface Case {
  operationId: string;
  phase: Phase;
  method: HttpMethod;
  /** Concrete path, path parameters already substituted. */
  path: string;
  pathParams: Record<string, string>;
  /** Non-signature headers (X-PARTNER-ID, CHANNEL-ID, Client-Id, ...). */
  headers: Record<string, string>;
  /** JSON body; undefined for no body. */
  body?: unknown;
  /** Exact bytes to send, when the case fixes them (byte variants, re-serialised bodies). */
  rawBody?: string;
  expect: Expectation;
  /** Short human label: "boundary: /customer/name at maxLength 64". */
  label: string;
}

/** The request as it went on the wire: these exact bytes are what replay files and curl lines show. */
export interface SentRequest {
  method: HttpMethod;
  url: string;
  headers: Record<string, string>;
  body: string;
}

export interface ReceivedResponse {
  status: number;
  headers: Record<string, string>;
  /** Raw body text as received. */
  body: string;
  /** Parsed JSON when the body parsed; undefined otherwise. */
  json?: unknown;
}

/** An exchange: a case, the request sent for it, and what came back (or the transport error). */
export interface Exchange {
  case: Case;
  request: SentRequest;
  response?: ReceivedResponse;
  /** Transport failure (refused, reset, timeout) when there is no response. */
  error?: string;
  durationMs: number;
}
