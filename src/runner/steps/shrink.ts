/**
 * Step 5 of runSuite: the first failing property or negative case of each violation group is shrunk
 * against the target (engine/shrink.ts), at most MAX_SHRUNK_GROUPS groups per run.
 */
import type { Emitter } from "../../engine/emitter.js";
import type { Recorder } from "../../engine/results.js";
import { type ShrinkDriver, shrink, shrinkable } from "../../engine/shrink.js";
import type { Plan } from "../build.js";
import { runPlanned } from "../case-runner.js";
import type { PlannedCase } from "../planned.js";
import { type Runtime, Stopped } from "../runtime.js";
import type { Executed } from "./execute.js";

/** Kit policy: at most this many violation groups are shrunk per run. */
const MAX_SHRUNK_GROUPS = 20;

/** The engine's shrinker driven by the runner: sends through the runtime, counts its requests. */
const driverOf = (rt: Runtime): ShrinkDriver<PlannedCase> => ({
  requests: () => rt.requests,
  stopped: () => rt.stop.signal.aborted,
  run: (planned, kase, prerequisite) =>
    runPlanned(rt, { ...planned, ...(prerequisite ? { prerequisite } : {}) }, kase),
});

/** Whether shrinkFailures may shrink anything: the run was not stopped, has a budget and a violation to shrink. */
export function willShrink(rt: Runtime, executed: Executed): boolean {
  return !rt.stop.signal.aborted && rt.options.shrinkBudget > 0 && executed.byGroup.size > 0;
}

/** Shrinks what it can; records and announces each smaller case; keeps a fatal error as the failure. */
export async function shrinkFailures(
  rt: Runtime,
  plan: Plan,
  recorder: Recorder,
  executed: Executed,
  events: Emitter,
): Promise<void> {
  if (!willShrink(rt, executed)) return;
  const budget = rt.options.shrinkBudget;
  const driver = driverOf(rt);
  let shrunk = 0;
  for (const group of recorder.violationGroups()) {
    const planned = executed.byGroup.get(group.key);
    const check = group.violation.check;
    if (!planned || !shrinkable(planned, check) || shrunk >= MAX_SHRUNK_GROUPS || rt.stop.signal.aborted)
      continue;
    shrunk++;
    try {
      const result = await shrink(driver, {
        planned,
        key: group.key,
        check,
        budget,
        prepare: (kase, attempt) => plan.prepare(planned, kase, attempt),
      });
      if (!result) continue;
      recorder.shrunk(group.key, result.outcome);
      const told = events.emit({
        type: "shrunk",
        operationId: planned.operation.id,
        check,
        steps: result.steps,
        from: planned.case.label,
        to: result.outcome.exchange.case.label,
      });
      if (told) await told;
    } catch (error) {
      if (!(error instanceof Stopped)) executed.failure ??= error;
      break;
    }
  }
}
