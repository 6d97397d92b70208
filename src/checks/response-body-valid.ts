/**
 * `response-body-valid`: the body validates against the documented response schema for its status, and
 * the operation's response x-doku-rules hold (validation layer: every length, format, enum, required ...).
 * Undocumented statuses are left to `status-code-documented`.
 */
import type { Operation, ValidatorSet } from "../model/operation.js";
import type { Violation } from "../model/violation.js";
import { validateResponse } from "../validation/validate.js";
import type { Check } from "./check.js";
import { documentedResponse } from "./response.js";

/**
 * The last body validated per operation and status, with what it gave. Validation is a pure function of
 * (operation, validators, status, body text, strict), so a body byte-identical to the last one gives the same
 * violations without validating again: targets often answer the very same bytes (a stub's fixed answer, the
 * same error body for every negative case).
 */
interface Validated {
  validators: ValidatorSet;
  strict: boolean;
  body: string;
  found: readonly Violation[];
}
const lastValidated = new WeakMap<Operation, Map<number, Validated>>();

export const responseBodyValid: Check = (ctx, exchange) => {
  const response = exchange.response;
  if (!response || !documentedResponse(ctx.operation, response.status)) return [];
  const strict = ctx.strict === true;
  let byStatus = lastValidated.get(ctx.operation);
  const last = byStatus?.get(response.status);
  if (
    last !== undefined &&
    last.body === response.body &&
    last.strict === strict &&
    last.validators === ctx.validators
  )
    return last.found.map((v) => ({ ...v }));
  const target = { operation: ctx.operation, validators: ctx.validators };
  const found = validateResponse(
    target,
    { status: response.status, body: response.json },
    { strict, quotedConflicts: "warning" },
  )
    .filter((v) => v.check !== "status-code")
    .map((v): Violation => ({ ...v, check: "response-body-valid" }));
  if (!byStatus) {
    byStatus = new Map();
    lastValidated.set(ctx.operation, byStatus);
  }
  byStatus.set(response.status, { validators: ctx.validators, strict, body: response.body, found });
  return found.map((v) => ({ ...v }));
};
