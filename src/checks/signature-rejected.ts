/**
 * `signature-rejected`: a request with a broken signature, token or timestamp is rejected as unauthorized
 * (401; SNAP responseCode 401 + service code), and a replayed X-EXTERNAL-ID / Request-Id is refused as a
 * conflict (409: SNAP "Conflict" 409xx00, non-SNAP idempotency D-IDEMP). When the spec documents no 401 for
 * the operation, any 4xx counts (DOKU does not document the status there).
 */
import type { Operation } from "../model/operation.js";
import { headerAttackedBy } from "../signatures/mutators.js";
import type { Check } from "./check.js";
import { isSnap, snapEnvelope, violation } from "./response.js";

/** Expected status by mutator name when it is not 401. */
export const AUTH_REJECTION_STATUS: Readonly<Record<string, number>> = {
  "reused-external-id": 409,
  "reused-request-id": 409,
};

/** The status a reject-auth case must get, or undefined for "any 4xx". */
export function expectedAuthStatus(operation: Operation, mutator: string): number | undefined {
  const status = AUTH_REJECTION_STATUS[mutator] ?? 401;
  return operation.responses.some((r) => r.status === String(status)) || isSnap(operation)
    ? status
    : undefined;
}

/** The header a mutator breaks (the scheme table names it). */
export function mutatedHeader(operation: Operation, mutator: string): string {
  return headerAttackedBy(mutator, operation.auth);
}

export const signatureRejected: Check = (ctx, exchange) => {
  const response = exchange.response;
  const expect = exchange.case.expect;
  if (!response || expect.kind !== "reject-auth") return [];
  const op = ctx.operation;
  const wanted = expectedAuthStatus(op, expect.mutator);
  const status = response.status;
  const ok = wanted === undefined ? status >= 400 && status < 500 : status === wanted;
  const found = (rule: string, expected: unknown, actual: unknown, message: string) => [
    violation("signature-rejected", exchange, op, {
      direction: "request",
      pointer: `/headers/${mutatedHeader(op, expect.mutator)}`,
      rule,
      expected,
      actual,
      message: `${op.id}: ${message} (${expect.mutator}: ${expect.reason})`,
    }),
  ];
  if (!ok) {
    const verb = status < 400 ? "accepted" : `answered ${status} to`;
    return found("signature", wanted ?? "4xx", status, `${verb} a request it must refuse`);
  }
  if (!isSnap(op) || wanted === undefined) return [];
  const code = snapEnvelope(response.json)?.responseCode;
  const prefix = `${wanted}${op.serviceCode ?? ""}`;
  if (typeof code !== "string" || !code.startsWith(prefix)) {
    return found(
      "response-code",
      `${prefix}xx`,
      code ?? null,
      `refused with responseCode ${String(code)}; expected ${prefix}xx`,
    );
  }
  return [];
};
