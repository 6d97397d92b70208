/**
 * `response-body-valid`: the body validates against the documented response schema for its status, and
 * the operation's response x-doku-rules hold (validation layer: every length, format, enum, required ...).
 * Undocumented statuses are left to `status-code-documented`.
 */
import type { Violation } from "../model/violation.js";
import { validateResponse } from "../validation/validate.js";
import type { Check } from "./check.js";
import { documentedResponse } from "./response.js";

export const responseBodyValid: Check = (ctx, exchange) => {
  const response = exchange.response;
  if (!response || !documentedResponse(ctx.operation, response.status)) return [];
  const target = { operation: ctx.operation, validators: ctx.validators };
  const found = validateResponse(
    target,
    { status: response.status, body: response.json },
    { strict: ctx.strict === true, quotedConflicts: "warning" },
  );
  return found
    .filter((v) => v.check !== "status-code")
    .map((v): Violation => ({ ...v, check: "response-body-valid" }));
};
