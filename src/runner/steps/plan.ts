/**
 * Step 2 of runSuite: the plan. It draws only the selected (operation, phase) pairs, in canonical order,
 * lazily; unique keys are partitioned per pair over the whole spec (unique.ts), so `--seed N --operation X
 * --phase P` sends exactly what the full run sent for X's P cases.
 */
import { buildPlan, type Plan } from "../build.js";
import { defaultCaseSource } from "../case-source.js";
import { PHASES } from "../options.js";
import { keyPartitions, UniqueKeys } from "../unique.js";
import type { ResolvedRun, SuiteOptions } from "./resolve.js";

/** The selected cases of the canonical plan (and its `prepare`, for shrinking). */
export function planRun(run: ResolvedRun, options: SuiteOptions): Plan {
  const { o, operations, seed } = run;
  const paths = o.bundle.operations.filter((op) => op.kind === "path");
  const selected = new Set(operations.map((op) => op.id));
  return buildPlan({
    bundle: o.bundle,
    operations: paths.filter((op) => selected.has(op.id)),
    phases: PHASES.filter((phase) => o.phases.includes(phase)),
    seed,
    cases: o.cases,
    negativeCases: o.negativeCases,
    source: options.caseSource ?? defaultCaseSource,
    unique: new UniqueKeys(o.bundle.validators, keyPartitions(paths)),
  });
}
