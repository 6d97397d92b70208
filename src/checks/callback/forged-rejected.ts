/**
 * `forged-rejected`: a forged callback (signature mutator, missing header, wrong or absent token, stale or
 * future timestamp) is refused before it is processed.
 * - Always a 4xx (a 2xx means it was taken as genuine; a 5xx is a crash, not a refusal).
 * - When the spec documents a 401 for the operation: exactly 401, and for SNAP a responseCode of that
 *   status + service code + a documented case code (e.g. 4012400, 4012500, 4017300). Otherwise any 4xx
 *   (DOKU documents no unauthorized answer for non-SNAP callbacks or the DANA notification).
 * - An inquiry refused with a bill status (`virtual_account_inquiry.status` / `virtualAccountData`) was
 *   looked up before its signature was checked: it leaks billing data to anyone.
 * The pointer names the header the forgery attacks (signature, timestamp, token, client id).
 * Severity follows the consequence (forgery-severity.ts): accepting a forgery that needs no secret is an
 * error; accepting one validly signed for another client id is a warning that says why. A refusal whose
 * responseCode a recorded conflict quotes (the SDK's 4010000) is a warning naming the conflict.
 */

import type { Violation } from "../../model/violation.js";
import { conflictCovering, coveredBy } from "../../validation/conflict-covers.js";
import { violation } from "../response.js";
import type { CallbackCheck, CallbackCheckContext } from "./context.js";
import { acceptedForgerySeverity } from "./forgery-severity.js";
import { attackedHeader } from "./headers-at.js";

/** The documented unauthorized answer: 401 and its responseCodes, when the spec has them. */
export function documentedRefusal(ctx: CallbackCheckContext): { status?: number; codes?: string[] } {
  const refusal = ctx.operation.responses.find((r) => r.status === "401");
  if (refusal === undefined) return {};
  const svc = ctx.operation.serviceCode;
  const codes = svc === undefined ? undefined : (refusal.caseCodes ?? []).map((c) => `401${svc}${c}`);
  return { status: 401, ...(codes && codes.length > 0 ? { codes } : {}) };
}

function leaksBill(json: unknown): string | undefined {
  if (typeof json !== "object" || json === null) return undefined;
  const body = json as Record<string, unknown>;
  const inquiry = body.virtual_account_inquiry as { status?: unknown } | undefined;
  if (typeof inquiry?.status === "string") return "/virtual_account_inquiry/status";
  if (typeof body.virtualAccountData === "object" && body.virtualAccountData !== null)
    return "/virtualAccountData";
  return undefined;
}

export const forgedRejected: CallbackCheck = (ctx, exchange) => {
  const response = exchange.response;
  const expect = exchange.case.expect;
  if (!response || expect.kind !== "reject-auth") return [];
  const pointer = attackedHeader(expect.mutator, ctx.auth);
  const code = (response.json as { responseCode?: unknown } | undefined)?.responseCode;
  const answer = `${response.status}${typeof code === "string" ? ` ${code}` : ""}`;
  const found = (rule: string, expected: unknown, message: string): Violation[] =>
    [
      violation("forged-rejected", exchange, ctx.operation, {
        pointer,
        rule,
        expected,
        actual: answer,
        message: `${message} (${expect.mutator}: ${expect.reason})`,
      }),
    ].map((v) => ({ ...v, mutation: expect.mutator }));
  const { status, codes } = documentedRefusal(ctx);
  if (response.status < 400) {
    const { severity, why } = acceptedForgerySeverity(expect.mutator);
    const message = `the merchant accepted a forged callback (${answer}); it must refuse it with ${status ?? "a 4xx"}`;
    return found("status-code", status ?? "4xx", message).map((v) =>
      why === undefined ? v : { ...v, severity, message: `${v.message}; ${why}` },
    );
  }
  if (response.status >= 500) {
    return found(
      "status-code",
      status ?? "4xx",
      `the merchant crashed on a forged callback (${answer}); it must refuse it with ${status ?? "a 4xx"}`,
    );
  }
  if (status !== undefined && response.status !== status) {
    return found(
      "status-code",
      status,
      `the merchant refused a forged callback with ${response.status}; ${ctx.operation.id} documents ${status} for an unauthorized request`,
    );
  }
  if (ctx.flow.kind === "inquiry" && exchange.case.kind === "forged") {
    const leak = leaksBill(response.json);
    if (leak !== undefined) {
      return found(
        "processed-before-auth",
        "a refusal without bill data",
        `the merchant answered a forged inquiry with bill data (${leak}): it looked the bill up before verifying the request`,
      );
    }
  }
  if (codes !== undefined && (typeof code !== "string" || !codes.includes(code))) {
    const covering = conflictCovering(ctx.operation.conflicts, code);
    return found(
      "response-code",
      codes,
      `the merchant refused a forged callback with responseCode ${typeof code === "string" ? code : "(none)"}; documented: ${codes.join(", ")}`,
    ).map((v) => (covering === undefined ? v : { ...v, ...coveredBy(covering, v.message) }));
  }
  return [];
};
