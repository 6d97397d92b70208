/**
 * `byte-variant-accepted`: a valid callback written with other bytes (pretty-printed, keys reordered,
 * string characters escaped) and signed over exactly those bytes is accepted like its compact twin. A
 * merchant that verifies a re-serialised body (JSON.parse then JSON.stringify before hashing) refuses some:
 * DOKU's serializer is not JavaScript's, so such a merchant would refuse real callbacks.
 * "Accepted like its compact twin": a variant must get the same kind of answer as the probe (the first
 * genuine callback). Notifications (a fresh payment per variant) must be acknowledged like a compact one;
 * an inquiry variant (the probe's bill, re-encoded) must get the probe's exact answer. When the merchant
 * refused every genuine compact callback (`ctx.genuineAccepted` false) the check says nothing: that is
 * valid-accepted's finding, and a refused variant is then answered exactly like its twin.
 */
import { violation } from "../response.js";
import type { CallbackCheck } from "./context.js";
import { isSuccess, outcome } from "./context.js";

export const byteVariantAccepted: CallbackCheck = (ctx, exchange) => {
  const response = exchange.response;
  if (!response || exchange.case.kind !== "byte-variant") return [];
  const got = outcome(exchange);
  const baseline = ctx.baseline?.response ? ctx.baseline : undefined;
  if (ctx.genuineAccepted === false) return [];
  const twin = ctx.flow.kind === "notification" || baseline === undefined;
  const expected = twin ? "2xx (acknowledged)" : outcome(baseline);
  const ok = twin ? isSuccess(exchange) : got === expected;
  if (ok) return [];
  return [
    violation("byte-variant-accepted", exchange, ctx.operation, {
      pointer: "",
      rule: "raw-body-signature",
      expected,
      actual: got,
      message: `the merchant answered ${got} to ${exchange.case.label} (signed over exactly the bytes sent); expected ${expected}, like its compact twin. Verify the signature over the raw request body, before parsing`,
    }),
  ];
};
