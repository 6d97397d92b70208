/**
 * Shrinking against the target: the first failing property or negative case of a violation group is
 * replayed through fast-check (same seed, path = its index) and its shrinks are sent one by one; a shrink
 * "still fails" when it shows the same (operation, check, pointer, rule). Bounded by a request budget.
 * The driver says how to send a case and how many requests it has sent.
 */
import fc from "fast-check";
import type { Case, Phase } from "../model/case.js";
import { type CaseOutcome, groupKey } from "./results.js";

/** Checks whose failures depend on timing or setup, not on the input: never shrunk. */
const NOT_SHRUNK = new Set(["response-time", "latency", "setup", "response-received"]);

/** Where a generated case came from: regenerates it (run = index - offset). */
export interface CaseOrigin {
  arbitrary: fc.Arbitrary<Case>;
  seed: number;
  offset?: number;
}

/** What shrinking needs of a planned case. */
export interface ShrinkTarget {
  phase: Phase;
  index: number;
  origin?: CaseOrigin;
}

/** The driver's side: send one case and count requests. */
export interface ShrinkDriver<P extends ShrinkTarget> {
  /** Every request the driver has sent so far. */
  requests(): number;
  /** True once the run must stop. */
  stopped(): boolean;
  /** Sends a (prepared) case in place of `planned.case`, with `planned`'s other parts, and checks it. */
  run(planned: P, kase: Case, prerequisite: Case | undefined): Promise<CaseOutcome>;
}

/** One violation group to shrink: its first failing case, its key and check, a budget. */
export interface ShrinkRequest<P extends ShrinkTarget> {
  planned: P;
  key: string;
  check: string;
  /** Request budget for this shrink. */
  budget: number;
  /** Makes a generated case sendable (unique keys) and gives it a fresh prerequisite; `attempt` counts up. */
  prepare(kase: Case, attempt: number): { case: Case; prerequisite?: Case };
}

/** A smaller case that still fails, and how many shrink steps found it. */
export interface Shrunk {
  outcome: CaseOutcome;
  steps: number;
}

/** True when a group of this check, found in this case, is worth shrinking. */
export function shrinkable(planned: ShrinkTarget, check: string): boolean {
  return planned.origin !== undefined && !NOT_SHRUNK.has(check);
}

/** Shrinks; undefined when no smaller failing case was found (or the failure did not reproduce). */
export async function shrink<P extends ShrinkTarget>(
  driver: ShrinkDriver<P>,
  request: ShrinkRequest<P>,
): Promise<Shrunk | undefined> {
  const { planned } = request;
  const origin = planned.origin;
  if (!origin || request.budget <= 0) return undefined;
  const startRequests = driver.requests();
  let attempt = 0;
  let last: CaseOutcome | undefined;
  let steps = -1;
  let fatal: unknown;
  const property = fc.asyncProperty(origin.arbitrary, async (generated) => {
    if (fatal !== undefined || driver.requests() - startRequests >= request.budget || driver.stopped())
      return true;
    const ready = request.prepare({ ...generated, phase: planned.phase }, ++attempt);
    let outcome: CaseOutcome;
    try {
      outcome = await driver.run(planned, ready.case, ready.prerequisite);
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
