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

/**
 * Plans the cases of one phase for one operation, in a stable order; an iterable, so a large phase is drawn
 * as it is pulled (case i of the iterable is the same whether or not earlier ones were kept).
 */
export type PhasePlanner = (ctx: PhaseContext) => Iterable<PlannedCase>;

/** The case re-labelled for its phase. */
export function inPhase<T extends { phase: Phase }>(value: T, phase: Phase): T {
  return value.phase === phase ? value : { ...value, phase };
}
