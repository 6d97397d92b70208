/** property: --cases valid cases per operation from the operation's arbitrary; failures shrink. */
import fc from "fast-check";
import { inPhase, type PhasePlanner } from "./context.js";

export const property: PhasePlanner = (ctx) => {
  if (ctx.cases === 0) return [];
  const arbitrary = ctx.source.valid(ctx.operation);
  return fc.sample(arbitrary, { seed: ctx.seed, numRuns: ctx.cases }).map((kase, index) => ({
    operation: ctx.operation,
    phase: "property",
    index,
    case: inPhase(kase, "property"),
    origin: { arbitrary, seed: ctx.seed },
  }));
};
