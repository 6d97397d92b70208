/**
 * startMock options and their defaults. Every behaviour DOKU does not document is a setting here, with the
 * kit's choice as the default (docs/mock.md lists them).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { SpecBundle } from "../model/operation.js";
import { JAKARTA_OFFSET_MINUTES } from "./day.js";
import { defaultNonSnapErrorBody, type NonSnapErrorBody } from "./errors.js";
import type { MockIdentity } from "./identity.js";

export interface MockOptions {
  bundle: SpecBundle;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0 (any free port). */
  port?: number;
  /** Default: a generated test identity (RSA-2048 key pair + random secret). */
  identity?: MockIdentity;
  /** Epoch milliseconds; inject to test token expiry and timestamp windows. Default Date.now. */
  clock?: () => number;
  /** Allowed |now - X-TIMESTAMP| (and Request-Timestamp). DOKU documents none; default 300000 (5 min). */
  timestampWindowMs?: number;
  /** Largest request body accepted; larger ones get 413. DOKU documents none; default 1 MiB. */
  bodyLimitBytes?: number;
  /** Lifetime of issued B2B tokens, seconds; default 900 (what DOKU answers, observed). */
  tokenTtlSeconds?: number;
  /** UTC offset of the day X-EXTERNAL-ID must be unique in; undocumented, default +420 (Asia/Jakarta). */
  dayOffsetMinutes?: number;
  /** A request (headers + body) must arrive within this; default 30000. */
  requestTimeoutMs?: number;
  /** Idle keep-alive connections are closed after this; default 5000. */
  keepAliveTimeoutMs?: number;
  /** Reject requests whose only findings are x-doku-conflict warnings (`--strict`); default false. */
  strict?: boolean;
  /** Body of non-SNAP errors; DOKU documents none. Default `{"error":{"code","message","field"?}}`. */
  nonSnapErrorBody?: NonSnapErrorBody;
  /**
   * Non-SNAP: the same Request-Id again with a DIFFERENT body (undocumented by DOKU). "conflict" (default):
   * 409 with an error body; "process": handled as a new request.
   */
  requestIdReuse?: "conflict" | "process";
  /** transaction.status that check status reports for a payment code cancelled with status DELETE. */
  cancelledTransactionStatus?: string;
  /**
   * Direct debit / e-wallet payments stay pending (check status latestTransactionStatus 03) until the payment
   * simulator settles them, as DOKU's redirect / jump-app payments wait for the customer. Default false: a
   * payment completes at once (the mock has no customer to approve it).
   */
  debitPaymentsPending?: boolean;
  /** Entries each in-memory store keeps before forgetting the oldest; default 100000. */
  stateLimit?: number;
  /**
   * Sees every request first; returns true when it answered it (the payment simulator's /_simulator routes).
   * Default: none.
   */
  intercept?: (req: IncomingMessage, res: ServerResponse) => boolean;
  /** Called with unexpected errors (the request got a 500); default: ignored. */
  onError?: (error: unknown) => void;
}

export type MockSettings = Required<
  Omit<MockOptions, "bundle" | "identity" | "clock" | "host" | "port" | "onError" | "intercept">
>;

/** Fills in the defaults. */
export function resolveSettings(options: MockOptions): MockSettings {
  return {
    timestampWindowMs: options.timestampWindowMs ?? 300_000,
    bodyLimitBytes: options.bodyLimitBytes ?? 1024 * 1024,
    tokenTtlSeconds: options.tokenTtlSeconds ?? 900,
    dayOffsetMinutes: options.dayOffsetMinutes ?? JAKARTA_OFFSET_MINUTES,
    requestTimeoutMs: options.requestTimeoutMs ?? 30_000,
    keepAliveTimeoutMs: options.keepAliveTimeoutMs ?? 5_000,
    strict: options.strict ?? false,
    nonSnapErrorBody: options.nonSnapErrorBody ?? defaultNonSnapErrorBody,
    requestIdReuse: options.requestIdReuse ?? "conflict",
    cancelledTransactionStatus: options.cancelledTransactionStatus ?? "EXPIRED",
    stateLimit: options.stateLimit ?? 100_000,
    debitPaymentsPending: options.debitPaymentsPending ?? false,
  };
}
