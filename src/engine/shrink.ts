/**
 * Shrinking against the target: the first failing property or negative case of a violation group is
 * replayed through fast-check (same seed, path = its index) and its shrinks are sent one by one; a shrink
 * "still fails" when it shows the same (operation, check, pointer, rule). Bounded by a request budget.
 */
import fc from "fast-check";
import type { Case } from "../model/case.js";
import { runPlanned } from "../runner/case-runner.js";
import type { PlannedCase } from "../runner/planned.js";
import { type CaseOutcome, groupKey } from "./results.js";
import type { Runtime } from "../runner/runtime.js";

/** Checks whose failures depend on timing or setup, not on the input: never shrunk. */
const NOT_SHRUNK = new Set(["response-time", "setup", "response-received"]);

export interface ShrinkRequest {
  planned: PlannedCase;
  key: string;
  check: string;
  /** Request budget for this shrink. */
  budget: number;
  /** Makes a generated case sendable (unique keys) and gives it a fresh prerequisite; `attempt` counts up. */
  prepare(kase: Case, attempt: number): { case: Case; prerequisite?: Case };
}

export interface Shrunk {
  outcome: CaseOutcome;
  steps: number;
}

/** True when a group of this check, found in this phase, is worth shrinking. */
export function shrinkable(planned: PlannedCase, check: string): boolean {
  return planned.origin !== undefined && !NOT_SHRUNK.has(check);
}

/** Shrinks; undefined when no smaller failing case was found (or the failure did not reproduce). */
export async function shrink(rt: Runtime, request: ShrinkRequest): Promise<Shrunk | undefined> {
  const { planned } = request;
  const origin = planned.origin;
  if (!origin || request.budget <= 0) return undefined;
  const startRequests = rt.requests;
  let attempt = 0;
  let last: CaseOutcome | undefined;
  let steps = -1;
  let fatal: unknown;
  const property = fc.asyncProperty(origin.arbitrary, async (generated) => {
    if (fatal !== undefined || rt.requests - startRequests >= request.budget || rt.stop.signal.aborted)
      return true;
    const ready = request.prepare({ ...generated, phase: planned.phase }, ++attempt);
    let outcome: CaseOutcome;
    try {
      outcome = await runPlanned(
        rt,
        { ...planned, ...(ready.prerequisite ? { prerequisite: ready.prerequisite } : {}) },
        ready.case,
      );
    } catch (error) {
      fatal = error;
      return true;
    }
    if (!outcome.violations.some((v) => groupKey(v) === request.key)) return true;
    last = outcome;
    steps++;
    return false;
  });
  const run = planned.index - (origin.offset ?? 0);
  const result = await fc.check(property, { seed: origin.seed, path: String(run), numRuns: run + 1 });
  if (fatal !== undefined) throw fatal;
  return result.failed && last && steps > 0 ? { outcome: last, steps } : undefined;
}
