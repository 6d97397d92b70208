/**
 * Step 2 of runSuite: the plan. It walks every phase of every operation whose unique keys interact with the
 * selected ones, in canonical order, and yields only the selected cases, lazily: unique keys are assigned in
 * that order, so `--seed N --operation X --phase P` sends exactly what the full run sent.
 */
import type { Operation } from "../../model/operation.js";
import { buildPlan, type Plan } from "../build.js";
import { defaultCaseSource } from "../case-source.js";
import { PHASES } from "../options.js";
import { keySpaces, UniqueKeys } from "../unique.js";
import type { ResolvedRun, SuiteOptions } from "./resolve.js";

/** The selected cases of the canonical plan (and its `prepare`, for shrinking). */
export function planRun(run: ResolvedRun, options: SuiteOptions): Plan {
  const { o, operations, seed } = run;
  const selected = new Set(operations.map((op) => op.id));
  return buildPlan({
    bundle: o.bundle,
    operations: interacting(
      o.bundle.operations.filter((op) => op.kind === "path"),
      operations,
    ),
    phases: PHASES,
    seed,
    cases: o.cases,
    negativeCases: o.negativeCases,
    source: options.caseSource ?? defaultCaseSource,
    unique: new UniqueKeys(o.bundle.validators),
    selected: (operation, phase) => selected.has(operation.id) && o.phases.includes(phase),
  });
}

/** The operations (spec order) sharing a unique-key namespace with a selected one, and the selected ones. */
function interacting(all: readonly Operation[], selected: readonly Operation[]): Operation[] {
  const spaces = (op: Operation) => new Set(keySpaces(op, all));
  const wanted = new Set(selected.flatMap((op) => [...spaces(op)]));
  const ids = new Set(selected.map((op) => op.id));
  return all.filter((op) => ids.has(op.id) || [...spaces(op)].some((s) => wanted.has(s)));
}
