/**
 * Skip conditions as wrappers: `onlyPositive(check)` runs `check` only for cases that must be accepted.
 * A wrapped check carries `applies`, so reporters can tell "passed" from "did not apply".
 */
import type { Exchange } from "../model/case.js";
import type { Check, CheckContext } from "./check.js";
import { isSnap } from "./response.js";

export type Predicate = (ctx: CheckContext, exchange: Exchange) => boolean;

/** A check that knows when it applies. */
export interface GuardedCheck extends Check {
  applies: Predicate;
  /** The check without its guards: what runs once `applies` holds (so a runner tests the guards only once). */
  base: Check;
}

/** Wraps `check` so it runs only when `predicate` (and any inner guard) holds. */
export function guard(predicate: Predicate): (check: Check) => GuardedCheck {
  return (check) => {
    const inner = (check as Partial<GuardedCheck>).applies;
    const applies: Predicate = inner ? (ctx, ex) => predicate(ctx, ex) && inner(ctx, ex) : predicate;
    const base = (check as Partial<GuardedCheck>).base ?? check;
    const guarded = ((ctx, ex) => (applies(ctx, ex) ? base(ctx, ex) : [])) as GuardedCheck;
    guarded.applies = applies;
    guarded.base = base;
    return guarded;
  };
}

/** The check without its guards (itself when unguarded): call it only where `appliesTo` holds. */
export function unguarded(check: Check): Check {
  return (check as Partial<GuardedCheck>).base ?? check;
}

/** True when `check` applies to this exchange (unguarded checks always apply). */
export function appliesTo(check: Check, ctx: CheckContext, exchange: Exchange): boolean {
  const applies = (check as Partial<GuardedCheck>).applies;
  return applies ? applies(ctx, exchange) : true;
}

/** Only when a response arrived. */
export const withResponse = guard((_ctx, ex) => ex.response !== undefined);
/** Only for cases the target must accept (examples, boundary, property). */
export const onlyPositive = guard((_ctx, ex) => ex.case.expect.kind === "accept");
/** Only for labelled negative cases (one broken rule). */
export const onlyNegative = guard((_ctx, ex) => ex.case.expect.kind === "reject");
/** Only for signature-phase cases (broken signature, token, timestamp, reused id). */
export const onlyAuthRejection = guard((_ctx, ex) => ex.case.expect.kind === "reject-auth");
/** Only for SNAP operations (responseCode envelope). */
export const onlySnap = guard((ctx) => isSnap(ctx.operation));
/** Only for non-SNAP operations. */
export const onlyNonSnap = guard((ctx) => !isSnap(ctx.operation));
