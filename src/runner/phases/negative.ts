/**
 * negative: labelled cases that each break exactly one rule (pointer + rule); the target must reject them,
 * naming the field. First every breakable rule once (the source's deterministic list), then `negativeCases`
 * random labelled negatives (default 25, kit policy), drawn lazily; failures among the random ones shrink,
 * keeping the label.
 */
import type { PlannedCase } from "../planned.js";
import { lazySample } from "../sample.js";
import { inPhase, type PhasePlanner } from "./context.js";

export const negative: PhasePlanner = function* (ctx): Generator<PlannedCase> {
  const listed = ctx.source.negatives?.(ctx.operation) ?? [];
  for (const [index, kase] of listed.entries())
    yield { operation: ctx.operation, phase: "negative", index, case: inPhase(kase, "negative") };
  const more = ctx.negativeCases;
  if (more <= 0) return;
  const arbitrary = ctx.source.negative(ctx.operation);
  // The random part has its own seed, so its indices (and shrink paths) do not depend on the list's length.
  const seed = ctx.seed ^ 0x5bd1e995;
  let i = 0;
  for (const kase of lazySample(arbitrary, seed, more)) {
    yield {
      operation: ctx.operation,
      phase: "negative",
      index: listed.length + i++,
      case: inPhase(kase, "negative"),
      origin: { from: "negative", arbitrary, seed, offset: listed.length },
    };
  }
};
