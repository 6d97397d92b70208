/**
 * negative: labelled cases that each break exactly one rule (pointer + rule); the target must reject them,
 * naming the field. First every breakable rule once (the source's deterministic list), then `negativeCases`
 * random labelled negatives (default 25, kit policy); failures among the random ones shrink, keeping the label.
 */
import fc from "fast-check";
import type { PlannedCase } from "../planned.js";
import { inPhase, type PhasePlanner } from "./context.js";

export const negative: PhasePlanner = (ctx) => {
  const listed = ctx.source.negatives?.(ctx.operation) ?? [];
  const planned: PlannedCase[] = listed.map((kase, index) => ({
    operation: ctx.operation,
    phase: "negative",
    index,
    case: inPhase(kase, "negative"),
  }));
  const more = ctx.negativeCases;
  if (more <= 0) return planned;
  const arbitrary = ctx.source.negative(ctx.operation);
  // The random part has its own seed, so its indices (and shrink paths) do not depend on the list's length.
  const seed = ctx.seed ^ 0x5bd1e995;
  for (const [i, kase] of fc.sample(arbitrary, { seed, numRuns: more }).entries()) {
    planned.push({
      operation: ctx.operation,
      phase: "negative",
      index: listed.length + i,
      case: inPhase(kase, "negative"),
      origin: { arbitrary, seed, offset: listed.length },
    });
  }
  return planned;
};
