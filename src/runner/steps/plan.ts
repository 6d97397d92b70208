/**
 * Step 2 of runSuite: the plan. It draws only the selected (operation, phase) pairs, in canonical order,
 * lazily; unique keys are partitioned per pair over the whole spec (unique.ts), so `--seed N --operation X
 * --phase P` sends exactly what the full run sent for X's P cases.
 */

import type { Phase } from "../../model/case.js";
import type { SpecBundle } from "../../model/operation.js";
import { buildPlan, type Plan } from "../build.js";
import { defaultCaseSource } from "../case-source.js";
import { PHASES } from "../options.js";
import type { PlanParams } from "../plan-thread.js";
import type { CaseSource } from "../planned.js";
import { type KeyWriter, keyPartitions, UniqueKeys } from "../unique.js";
import type { ResolvedRun, SuiteOptions } from "./resolve.js";

/** What planning reads of the run: no target (it is still starting). */
export type PlanningRun = Pick<ResolvedRun, "o" | "operations" | "seed">;

/** The selected cases of the canonical plan (and its `prepare`, for shrinking). */
export function planRun(run: PlanningRun, options: SuiteOptions): Plan {
  return planFor(run.o.bundle, planParams(run), options.caseSource ?? defaultCaseSource);
}

/** What the plan depends on besides the bundle and the case source (what a drawing thread is told). */
export function planParams(run: PlanningRun): PlanParams {
  const { o, operations, seed } = run;
  return {
    seed,
    operations: operations.map((op) => op.id),
    phases: PHASES.filter((phase) => o.phases.includes(phase)),
    cases: o.cases,
    negativeCases: o.negativeCases,
  };
}

/** The plan of `params` over `bundle`: the same cases on any thread that loads the same bundle. */
export function planFor(bundle: SpecBundle, params: PlanParams, source: CaseSource): Plan {
  const paths = bundle.operations.filter((op) => op.kind === "path");
  const selected = new Set(params.operations);
  return buildPlan({
    bundle,
    operations: paths.filter((op) => selected.has(op.id)),
    phases: params.phases,
    seed: params.seed,
    cases: params.cases,
    negativeCases: params.negativeCases,
    source,
    unique: new UniqueKeys(bundle.validators, keyPartitions(paths, weightOf(params.cases))),
  });
}

/** Keys a writer of a phase other than property draws, about (kit policy: a share of a key space each). */
const FEW: Readonly<Record<Exclude<Phase, "property">, number>> = {
  examples: 4,
  boundary: 25,
  negative: 2,
  signature: 25,
};

/**
 * How many keys a writer is expected to draw: the property phase --cases, the others a few. Each writer's
 * share of a key space follows it, so the writers that draw most find their keys in the fewest tries.
 */
const weightOf =
  (cases: number) =>
  (writer: KeyWriter): number =>
    writer.phase === "property" ? Math.max(1, cases) : FEW[writer.phase];
