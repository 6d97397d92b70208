/** `response-headers-valid`: the response headers validate against the documented header schema for the status. */
import type { Violation } from "../model/violation.js";
import { headerViolations } from "../validation/headers.js";
import type { Check } from "./check.js";
import { documentedResponse } from "./response.js";

export const responseHeadersValid: Check = (ctx, exchange) => {
  const response = exchange.response;
  const ref = response && documentedResponse(ctx.operation, response.status)?.headers;
  const validator = ref && ctx.validators[ref.key];
  if (!response || !ref || !validator) return [];
  const check = {
    operationId: ctx.operation.id,
    direction: "response" as const,
    check: "headers",
    ref,
    validator,
    source: ctx.operation.source,
  };
  return headerViolations(check, response.headers).map(
    (v): Violation => ({
      ...v,
      check: "response-headers-valid",
      severity: ctx.strict ? "error" : v.severity,
    }),
  );
};
