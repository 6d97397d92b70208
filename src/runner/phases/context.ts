/** What a phase planner gets: one operation, its phase seed and the case source. */
import type { Phase } from "../../model/case.js";
import type { Operation, SpecBundle } from "../../model/operation.js";
import type { CaseSource, PlannedCase } from "../planned.js";

export interface PhaseContext {
  operation: Operation;
  bundle: SpecBundle;
  source: CaseSource;
  /** Seed derived from the run seed, the operation and the phase. */
  seed: number;
  /** --cases: valid cases per operation in the property phase. */
  cases: number;
  /** Random labelled negatives per operation, after the deterministic list. */
  negativeCases: number;
}

/** Plans the cases of one phase for one operation, in a stable order. */
export type PhasePlanner = (ctx: PhaseContext) => PlannedCase[];

/** The case re-labelled for its phase. */
export function inPhase<T extends { phase: Phase }>(value: T, phase: Phase): T {
  return value.phase === phase ? value : { ...value, phase };
}
