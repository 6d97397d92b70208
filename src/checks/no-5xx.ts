/** `no-5xx`: the target never answers with a server error, whatever the input. */
import type { Check } from "./check.js";
import { violation } from "./response.js";

export const no5xx: Check = (ctx, exchange) => {
  const status = exchange.response?.status ?? 0;
  if (status < 500) return [];
  return [
    violation("no-5xx", exchange, ctx.operation, {
      pointer: "",
      rule: "server-error",
      expected: "a status below 500",
      actual: status,
      message: `${ctx.operation.id} answered ${status} to ${exchange.case.label}`,
    }),
  ];
};
