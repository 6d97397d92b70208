/**
 * `latency`: the merchant answered within the kit's budget (--latency-budget). DOKU documents no callback
 * timeout, so the budget is kit policy (default in options.ts), not a DOKU rule; the source says so.
 */
import { violation } from "../../checks/response.js";
import type { CallbackCheck } from "./context.js";

export const latency: CallbackCheck = (ctx, exchange) => {
  const took = Math.round(exchange.durationMs);
  if (!exchange.response || took <= ctx.latencyBudgetMs) return [];
  return [
    violation("latency", exchange, ctx.operation, {
      pointer: "",
      rule: "latency",
      expected: ctx.latencyBudgetMs,
      actual: took,
      message: `the merchant took ${took} ms to answer ${exchange.case.label}; the kit's budget is ${ctx.latencyBudgetMs} ms (--latency-budget; DOKU documents no callback timeout)`,
      source: "kit policy",
    }),
  ];
};
