/**
 * `response-code` (SNAP): `responseCode` is 7 digits = HTTP status (3) + the operation's service code (2) +
 * a case code (2) that the spec documents for that status (`x-doku-case-codes`). Catches "200 with an error
 * code" and a missing or malformed envelope. Conflict-aware: a code that a recorded x-doku-conflict quotes
 * (e.g. the SDK README's 401 `4010000`, also the spec's own 401 example) is a warning naming the conflict.
 */
import type { Violation } from "../model/violation.js";
import { conflictCovering, coveredBy } from "../validation/conflict-covers.js";
import type { Check } from "./check.js";
import { documentedResponse, snapEnvelope, violation } from "./response.js";

const SHAPE = /^[0-9]{7}$/;

export const responseCode: Check = (ctx, exchange) => {
  const response = exchange.response;
  if (!response) return [];
  const op = ctx.operation;
  const code = snapEnvelope(response.json)?.responseCode;
  // Whether a recorded conflict quotes the code is asked only of a finding (most responses have none).
  const found = (rule: string, expected: unknown, actual: unknown, message: string): Violation[] => {
    const covering = conflictCovering(op.conflicts, code);
    const v = violation("response-code", exchange, op, {
      pointer: "/responseCode",
      rule,
      expected,
      actual,
      message,
    });
    return [covering === undefined ? v : { ...v, ...coveredBy(covering, message) }];
  };
  if (typeof code !== "string" || !SHAPE.test(code)) {
    return found(
      "response-code",
      "a 7-digit string",
      code ?? null,
      `${op.id} ${response.status}: responseCode is ${JSON.stringify(code) ?? "missing"}; SNAP requires 7 digits (HTTP status + service code + case code)`,
    );
  }
  const status = String(response.status);
  if (code.slice(0, 3) !== status) {
    return found(
      "response-code",
      `${status}${op.serviceCode ?? "xx"}xx`,
      code,
      `${op.id}: responseCode ${code} does not agree with HTTP status ${status}`,
    );
  }
  if (op.serviceCode !== undefined && code.slice(3, 5) !== op.serviceCode) {
    return found(
      "response-code",
      `${status}${op.serviceCode}xx`,
      code,
      `${op.id}: responseCode ${code} carries service code ${code.slice(3, 5)}; the operation's service code is ${op.serviceCode}`,
    );
  }
  const caseCodes = documentedResponse(op, response.status)?.caseCodes;
  const caseCode = code.slice(5);
  if (caseCodes && caseCodes.length > 0 && !caseCodes.includes(caseCode)) {
    return found(
      "x-doku-case-codes",
      caseCodes,
      caseCode,
      `${op.id}: responseCode ${code} uses case code ${caseCode}; documented for ${status}: ${caseCodes.join(", ")}`,
    );
  }
  return [];
};
