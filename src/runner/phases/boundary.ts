/** boundary: deterministic values at and just outside every length, range and enum limit (src/arbitraries). */
import { inPhase, type PhasePlanner } from "./context.js";

export const boundary: PhasePlanner = (ctx) =>
  ctx.source.boundary(ctx.operation).map((kase, index) => ({
    operation: ctx.operation,
    phase: "boundary",
    index,
    case: inPhase(kase, "boundary"),
  }));
