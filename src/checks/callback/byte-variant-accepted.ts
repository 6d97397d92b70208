/**
 * `byte-variant-accepted`: a valid callback written with other bytes (pretty-printed, keys reordered,
 * string characters escaped) and signed over exactly those bytes is accepted like its compact twin. A
 * merchant that verifies a re-serialised body (JSON.parse then JSON.stringify before hashing) refuses some:
 * DOKU's serializer is not JavaScript's, so such a merchant would refuse real callbacks.
 * Notifications (a fresh payment per variant) must be acknowledged with a success; an inquiry variant
 * (the probe's bill, re-encoded) must get the same answer as the probe.
 */
import { violation } from "../response.js";
import type { CallbackCheck } from "./context.js";
import { isSuccess, outcome } from "./context.js";

export const byteVariantAccepted: CallbackCheck = (ctx, exchange) => {
  const response = exchange.response;
  if (!response || exchange.case.kind !== "byte-variant") return [];
  const got = outcome(exchange);
  const baseline = ctx.baseline?.response ? ctx.baseline : undefined;
  const expected =
    ctx.flow.kind === "notification" || baseline === undefined ? "2xx (acknowledged)" : outcome(baseline);
  const ok = expected === "2xx (acknowledged)" ? isSuccess(exchange) : got === expected;
  if (ok) return [];
  return [
    violation("byte-variant-accepted", exchange, ctx.operation, {
      pointer: "",
      rule: "raw-body-signature",
      expected,
      actual: got,
      message: `the merchant answered ${got} to ${exchange.case.label} (signed over exactly the bytes sent); expected ${expected}. Verify the signature over the raw request body, before parsing`,
    }),
  ];
};
