/**
 * A check: one small pure rule over an exchange, `(ctx, exchange) => Violation[]`. Checks never print and
 * never throw for a contract breach; skip conditions live in wrappers (wrappers.ts), not inside checks.
 */
import type { Exchange } from "../model/case.js";
import type { Operation, ValidatorSet } from "../model/operation.js";
import type { Violation } from "../model/violation.js";

/** Kit policy knobs (not DOKU rules): documented in docs/runner.md. */
export interface CheckPolicy {
  /** A response slower than this is a `response-time` violation. Kit policy, not a DOKU rule. */
  responseTimeBudgetMs: number;
}

export const DEFAULT_POLICY: CheckPolicy = { responseTimeBudgetMs: 5000 };

/** Client credentials a check may need (non-SNAP response signatures are HMACs over the secret key). */
export interface CheckCredentials {
  clientId: string;
  secretKey: string;
}

/** Everything a check may look at besides the exchange. */
export interface CheckContext {
  operation: Operation;
  validators: ValidatorSet;
  policy: CheckPolicy;
  credentials?: CheckCredentials;
  /** Conflict warnings become errors (`--strict`). */
  strict?: boolean;
}

export type Check = (ctx: CheckContext, exchange: Exchange) => Violation[];
