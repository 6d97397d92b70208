/**
 * How many cases each phase plans for one operation, without drawing them: the run announces its total
 * before the first case is drawn (the plan is lazy). Each count mirrors its planner in this folder.
 */
import type { Phase } from "../../model/case.js";
import { mutatorsFor } from "../../signatures/mutators.js";
import type { PhaseContext } from "./context.js";
import { reusedIdMutator } from "./signature.js";

/** Counts the cases a phase's planner yields for the context's operation. */
export type PhaseCount = (ctx: Omit<PhaseContext, "seed">) => number;

export const PHASE_COUNTS: Readonly<Record<Phase, PhaseCount>> = {
  examples: (ctx) => ctx.operation.request.examples.length,
  boundary: (ctx) => ctx.source.boundary(ctx.operation).length,
  property: (ctx) => ctx.cases,
  negative: (ctx) => (ctx.source.negatives?.(ctx.operation).length ?? 0) + Math.max(0, ctx.negativeCases),
  signature: (ctx) => mutatorsFor(ctx.operation.auth).length + (reusedIdMutator(ctx.operation) ? 1 : 0),
};
