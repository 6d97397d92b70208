/**
 * The one check loop of both drivers: runs the registry entries that apply to an exchange and says which
 * applied (reporters tell "passed" from "did not apply"). Guards are evaluated once per entry.
 */
import type { Check, CheckContext, CheckEntry } from "../checks/check.js";
import { appliesTo, unguarded } from "../checks/wrappers.js";
import type { Exchange } from "../model/case.js";
import type { Violation } from "../model/violation.js";

/** What one exchange showed: the violations, and the names of the checks that applied. */
export interface Checked {
  violations: Violation[];
  applied: string[];
}

/** Runs every entry whose guards hold for this exchange. */
export function runChecks<C extends CheckContext, E extends Exchange>(
  entries: readonly CheckEntry<C, E>[],
  ctx: C,
  exchange: E,
): Checked {
  const violations: Violation[] = [];
  const applied: string[] = [];
  for (const { name, check } of entries) {
    if (!appliesTo(check, ctx, exchange)) continue;
    applied.push(name);
    // The guards were just evaluated: run the bare check rather than evaluating them a second time.
    const found = (unguarded(check) as Check<C, E>)(ctx, exchange);
    for (const v of found) violations.push(v);
  }
  return { violations, applied };
}
