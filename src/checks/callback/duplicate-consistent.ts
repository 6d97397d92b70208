/**
 * `duplicate-consistent`: the same callback delivered twice — same Request-Id / X-EXTERNAL-ID
 * and body, the second re-signed at send time as a DOKU retry would be — gets a successful answer both
 * times, and the same answer (status, and responseCode or inquiry status). A receiver that processes the
 * second delivery again typically answers differently ("already paid", 409) or errors; one that silently
 * credits twice and answers identically is not observable here (see --ledger-url, docs/callbacks.md).
 * It runs on the second delivery, whose exchange carries the first one (`previous`).
 */

import { DEFAULT_CALLBACK_AUTH_MODE } from "../../signatures/callback-modes.js";
import { headerValue } from "../../signatures/headers.js";
import { callbackScheme, headerOf } from "../../signatures/schemes.js";
import { violation } from "../response.js";
import { type CallbackCheck, isSuccess, outcome } from "./context.js";

export const duplicateConsistent: CallbackCheck = (ctx, second) => {
  const first = second.previous;
  if (!first?.response || !second.response) return [];
  const header = headerOf(callbackScheme(ctx.flow.family, DEFAULT_CALLBACK_AUTH_MODE).name, "requestId");
  const key = headerValue(second.request.headers, header) ?? "";
  const found = (rule: string, expected: unknown, actual: unknown, message: string) => [
    violation("duplicate-consistent", second, ctx.operation, {
      pointer: `/headers/${header}`,
      rule,
      expected,
      actual,
      message: `${message} (${header} ${key})`,
    }),
  ];
  const [a, b] = [outcome(first), outcome(second)];
  if (ctx.flow.kind === "notification" && !isSuccess(second)) {
    return found(
      "redelivery-acknowledged",
      "2xx (acknowledged again)",
      b,
      `the merchant answered ${b} to the second delivery of a notification it answered ${a} the first time; a redelivery must be acknowledged, or DOKU keeps retrying`,
    );
  }
  if (a !== b) {
    return found(
      "redelivery-same-answer",
      a,
      b,
      `the merchant answered ${a} to the first delivery and ${b} to the identical second one; a redelivery must get the same answer (was it processed twice?)`,
    );
  }
  return [];
};
