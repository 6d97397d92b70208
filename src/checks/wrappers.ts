/**
 * Skip conditions as wrappers: `onlyPositive(check)` runs `check` only for cases that must be accepted.
 * A wrapped check carries `applies`, so reporters can tell "passed" from "did not apply". This is the one
 * guard idiom of every registry (the runner's and the callback certifier's).
 */
import type { Exchange } from "../model/case.js";
import type { Check, CheckContext } from "./check.js";
import { isSnap } from "./response.js";

export type Predicate<C extends CheckContext = CheckContext, E extends Exchange = Exchange> = (
  ctx: C,
  exchange: E,
) => boolean;

/** A check that knows when it applies. */
export interface GuardedCheck<C extends CheckContext = CheckContext, E extends Exchange = Exchange>
  extends Check<C, E> {
  applies: Predicate<C, E>;
  /** The check without its guards: what runs once `applies` holds (so a runner tests the guards only once). */
  base: Check<C, E>;
}

/** Wraps a check so it runs only when `predicate` (and any inner guard) holds. */
export function guard<PC extends CheckContext, PE extends Exchange>(
  predicate: Predicate<PC, PE>,
): <C extends PC, E extends PE>(check: Check<C, E>) => GuardedCheck<C, E> {
  return <C extends PC, E extends PE>(check: Check<C, E>) => {
    const inner = (check as Partial<GuardedCheck<C, E>>).applies;
    const applies: Predicate<C, E> = inner ? (ctx, ex) => predicate(ctx, ex) && inner(ctx, ex) : predicate;
    const base = (check as Partial<GuardedCheck<C, E>>).base ?? check;
    const guarded = ((ctx: C, ex: E) => (applies(ctx, ex) ? base(ctx, ex) : [])) as GuardedCheck<C, E>;
    guarded.applies = applies;
    guarded.base = base;
    return guarded;
  };
}

/** The check without its guards (itself when unguarded): call it only where `appliesTo` holds. */
export function unguarded<C extends CheckContext, E extends Exchange>(check: Check<C, E>): Check<C, E> {
  return (check as Partial<GuardedCheck<C, E>>).base ?? check;
}

/** True when `check` applies to this exchange (unguarded checks always apply). */
export function appliesTo<C extends CheckContext, E extends Exchange>(
  check: Check<C, E>,
  ctx: C,
  exchange: E,
): boolean {
  const applies = (check as Partial<GuardedCheck<C, E>>).applies;
  return applies ? applies(ctx, exchange) : true;
}

/** Only when a response arrived. */
export const withResponse = guard((_ctx: CheckContext, ex: Exchange) => ex.response !== undefined);
/** Only for cases the target must accept (examples, boundary, property). */
export const onlyPositive = guard((_ctx: CheckContext, ex: Exchange) => ex.case.expect.kind === "accept");
/** Only for labelled negative cases (one broken rule). */
export const onlyNegative = guard((_ctx: CheckContext, ex: Exchange) => ex.case.expect.kind === "reject");
/** Only for signature-phase cases (broken signature, token, timestamp, reused id). */
export const onlyAuthRejection = guard(
  (_ctx: CheckContext, ex: Exchange) => ex.case.expect.kind === "reject-auth",
);
/** Only for SNAP operations (responseCode envelope). */
export const onlySnap = guard((ctx: CheckContext) => isSnap(ctx.operation));
/** Only for non-SNAP operations. */
export const onlyNonSnap = guard((ctx: CheckContext) => !isSnap(ctx.operation));
