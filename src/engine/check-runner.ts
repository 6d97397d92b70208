/** Runs the selected checks over one exchange: the violations and which checks applied. */

import { appliesTo, unguarded } from "../checks/wrappers.js";
import type { Exchange } from "../model/case.js";
import type { Operation } from "../model/operation.js";
import type { Violation } from "../model/violation.js";
import type { Runtime } from "../runner/runtime.js";

export interface Checked {
  violations: Violation[];
  applied: string[];
}

export function runChecks(rt: Runtime, operation: Operation, exchange: Exchange): Checked {
  const ctx = rt.contextFor(operation);
  const violations: Violation[] = [];
  const applied: string[] = [];
  for (const [name, check] of rt.checks) {
    if (!appliesTo(check, ctx, exchange)) continue;
    applied.push(name);
    // The guards were just evaluated: run the bare check rather than evaluating them a second time.
    const found = unguarded(check)(ctx, exchange);
    for (const v of found) violations.push(v);
  }
  return { violations, applied };
}
