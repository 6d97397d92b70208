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

/** A check; drivers with a richer context or exchange (callbacks) narrow the two type parameters. */
export type Check<C extends CheckContext = CheckContext, E extends Exchange = Exchange> = (
  ctx: C,
  exchange: E,
) => Violation[];

/**
 * One registry entry: the check's public name (reports, junit testcase names, `Violation.check`) and the
 * check, usually wrapped in guards (wrappers.ts) so a runner can tell "passed" from "did not apply".
 */
export interface CheckEntry<C extends CheckContext = CheckContext, E extends Exchange = Exchange> {
  readonly name: string;
  readonly check: Check<C, E>;
}
