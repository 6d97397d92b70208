/**
 * `latency`: the merchant answered within the kit's budget (--latency-budget). The runner's response-time
 * check under its callback name: DOKU documents no callback timeout, so the budget is kit policy (default
 * in options.ts), not a DOKU rule; the source says so.
 */

import type { CallbackExchange } from "../../model/callback-case.js";
import { withinBudget } from "../response-time.js";
import type { CallbackCheck, CallbackCheckContext } from "./context.js";

export const latency: CallbackCheck = withinBudget<CallbackCheckContext, CallbackExchange>({
  name: "latency",
  budgetOf: (ctx) => ctx.latencyBudgetMs,
  message: (_ctx, exchange, took, budget) =>
    `the merchant took ${took} ms to answer ${exchange.case.label}; the kit's budget is ${budget} ms (--latency-budget; DOKU documents no callback timeout)`,
});
