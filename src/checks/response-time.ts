/** `response-time`: the response arrived within the kit's budget (policy, default 5000 ms; not a DOKU rule). */
import type { Check } from "./check.js";
import { violation } from "./response.js";

export const responseTime: Check = (ctx, exchange) => {
  const budget = ctx.policy.responseTimeBudgetMs;
  const took = Math.round(exchange.durationMs);
  if (took <= budget) return [];
  return [
    violation("response-time", exchange, ctx.operation, {
      pointer: "",
      rule: "response-time",
      expected: budget,
      actual: took,
      message: `${ctx.operation.id} took ${took} ms; the kit's budget is ${budget} ms (--response-time-budget)`,
      source: "kit policy",
    }),
  ];
};
