/**
 * `response-time` (run) and `latency` (callback): the answer arrived within the kit's budget. One check
 * under two public names: the budget is kit policy (default 5000 ms), not a DOKU rule, and each driver
 * says in its own words which flag sets it.
 */
import type { Exchange } from "../model/case.js";
import type { Check, CheckContext } from "./check.js";
import { violation } from "./response.js";

/** How one driver names the check, finds the budget and words the message. */
export interface Budget<C extends CheckContext, E extends Exchange> {
  name: string;
  budgetOf(ctx: C): number;
  message(ctx: C, exchange: E, took: number, budget: number): string;
}

/** The over-budget check for one driver; no answer is response-received's finding, not this one's. */
export function withinBudget<C extends CheckContext, E extends Exchange>(spec: Budget<C, E>): Check<C, E> {
  return (ctx, exchange) => {
    const budget = spec.budgetOf(ctx);
    const took = Math.round(exchange.durationMs);
    if (!exchange.response || took <= budget) return [];
    return [
      violation(spec.name, exchange, ctx.operation, {
        pointer: "",
        rule: spec.name,
        expected: budget,
        actual: took,
        message: spec.message(ctx, exchange, took, budget),
        source: "kit policy",
      }),
    ];
  };
}

export const responseTime: Check = withinBudget({
  name: "response-time",
  budgetOf: (ctx) => ctx.policy.responseTimeBudgetMs,
  message: (ctx, _exchange, took, budget) =>
    `${ctx.operation.id} took ${took} ms; the kit's budget is ${budget} ms (--response-time-budget)`,
});
