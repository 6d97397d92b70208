/**
 * negative: labelled cases that each break exactly one rule (pointer + rule); the target must reject them,
 * naming the field. As many as --cases (kit policy); failures shrink, keeping the label.
 */
import fc from "fast-check";
import { inPhase, type PhasePlanner } from "./context.js";

export const negative: PhasePlanner = (ctx) => {
  if (ctx.cases === 0) return [];
  const arbitrary = ctx.source.negative(ctx.operation);
  return fc.sample(arbitrary, { seed: ctx.seed, numRuns: ctx.cases }).map((kase, index) => ({
    operation: ctx.operation,
    phase: "negative",
    index,
    case: inPhase(kase, "negative"),
    origin: { arbitrary, seed: ctx.seed },
  }));
};
