/** `response-received`: the target answered (no reset, hang-up or per-request timeout). */
import type { Check } from "./check.js";
import { violation } from "./response.js";

export const responseReceived: Check = (ctx, exchange) =>
  exchange.error === undefined
    ? []
    : [
        violation("response-received", exchange, ctx.operation, {
          pointer: "",
          rule: "response-received",
          expected: "an HTTP response",
          actual: exchange.error,
          message: `no response to ${exchange.case.label}: ${exchange.error}`,
        }),
      ];
