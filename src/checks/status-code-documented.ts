/** `status-code-documented`: the HTTP status is one the spec documents for the operation. */
import type { Check } from "./check.js";
import { documentedResponse, violation } from "./response.js";

export const statusCodeDocumented: Check = (ctx, exchange) => {
  const status = exchange.response?.status ?? 0;
  if (documentedResponse(ctx.operation, status)) return [];
  const documented = ctx.operation.responses.map((r) => r.status);
  return [
    violation("status-code-documented", exchange, ctx.operation, {
      pointer: "",
      rule: "status-code",
      expected: documented,
      actual: status,
      message: `${ctx.operation.id} answered ${status}; the spec documents ${documented.join(", ")}`,
    }),
  ];
};
