/**
 * property: --cases valid cases per operation from the operation's arbitrary, drawn lazily (one at a time,
 * as the run pulls them: case i is a function of the phase seed and i); failures shrink.
 */
import type { PlannedCase } from "../planned.js";
import { lazySample } from "../sample.js";
import { inPhase, type PhasePlanner } from "./context.js";

export const property: PhasePlanner = function* (ctx): Generator<PlannedCase> {
  if (ctx.cases === 0) return;
  const arbitrary = ctx.source.valid(ctx.operation);
  let index = 0;
  for (const kase of lazySample(arbitrary, ctx.seed, ctx.cases)) {
    yield {
      operation: ctx.operation,
      phase: "property",
      index: index++,
      case: inPhase(kase, "property"),
      origin: { from: "valid", arbitrary, seed: ctx.seed },
    };
  }
};
