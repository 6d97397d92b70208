/**
 * The certification's checks by name, each with the cases it applies to. The runner's checks are reused
 * where they fit (response-received, no-5xx, status-code-documented, content-type, response-body-valid,
 * response-headers-valid, response-signature, and response-code made conflict-aware); the rest are
 * callback specific. Reporters tell "passed" from "did not apply" with `appliesTo`.
 */
import { contentType } from "../../checks/content-type.js";
import { no5xx } from "../../checks/no-5xx.js";
import { responseBodyValid } from "../../checks/response-body-valid.js";
import { responseHeadersValid } from "../../checks/response-headers-valid.js";
import { responseReceived } from "../../checks/response-received.js";
import { responseSignature, signsResponse } from "../../checks/response-signature.js";
import { statusCodeDocumented } from "../../checks/status-code-documented.js";
import { selectResponse } from "../../validation/validate.js";
import type { CallbackExchange, CaseKind } from "../case.js";
import { byteVariantAccepted } from "./byte-variant-accepted.js";
import { callbackResponseCode, responseCodeSchema } from "./callback-response-code.js";
import { type CallbackCheck, type CallbackCheckContext, isAuthRefusal } from "./context.js";
import { forgedRejected } from "./forged-rejected.js";
import { latency } from "./latency.js";
import { validAccepted } from "./valid-accepted.js";

export interface CallbackCheckEntry {
  name: string;
  check: CallbackCheck;
  appliesTo(ctx: CallbackCheckContext, exchange: CallbackExchange): boolean;
}

const GENERATED: readonly CaseKind[] = ["example", "boundary", "property", "pinned", "token"];
const FORGED: readonly CaseKind[] = ["forged", "token-forged"];

const kinds =
  (list: readonly CaseKind[]) =>
  (_ctx: CallbackCheckContext, ex: CallbackExchange): boolean =>
    list.includes(ex.case.kind);
const answered = (_ctx: CallbackCheckContext, ex: CallbackExchange) => ex.response !== undefined;
const genuine = (_ctx: CallbackCheckContext, ex: CallbackExchange) => ex.case.expect.kind === "accept";
/** Genuine answers, and refusals of forged cases where the spec documents the status (e.g. SNAP 401). */
const documentedAnswer = (ctx: CallbackCheckContext, ex: CallbackExchange) =>
  ex.response !== undefined &&
  (genuine(ctx, ex) || selectResponse(ctx.operation, ex.response.status) !== undefined);
const firstDelivery = (_ctx: CallbackCheckContext, ex: CallbackExchange) =>
  ex.case.kind !== "duplicate" || ex.case.variant === "first";

/** Every per-exchange check, in report order. */
export const CALLBACK_CHECKS: readonly CallbackCheckEntry[] = [
  { name: "response-received", check: responseReceived, appliesTo: () => true },
  { name: "no-5xx", check: no5xx, appliesTo: answered },
  {
    name: "valid-accepted",
    check: validAccepted,
    appliesTo: (ctx, ex) =>
      answered(ctx, ex) &&
      (kinds(GENERATED)(ctx, ex) || (ex.case.kind === "duplicate" && firstDelivery(ctx, ex))),
  },
  {
    name: "forged-rejected",
    check: forgedRejected,
    appliesTo: (ctx, ex) => answered(ctx, ex) && kinds(FORGED)(ctx, ex),
  },
  {
    name: "byte-variant-accepted",
    check: byteVariantAccepted,
    appliesTo: (ctx, ex) => answered(ctx, ex) && ex.case.kind === "byte-variant",
  },
  { name: "content-type", check: contentType, appliesTo: (ctx, ex) => answered(ctx, ex) && genuine(ctx, ex) },
  {
    name: "status-code-documented",
    check: statusCodeDocumented,
    // A genuine callback refused as unauthorized is valid-accepted's / byte-variant-accepted's finding.
    appliesTo: (ctx, ex) =>
      answered(ctx, ex) && genuine(ctx, ex) && !isAuthRefusal(ctx, ex.response?.status ?? 0),
  },
  { name: "response-body-valid", check: responseBodyValid, appliesTo: documentedAnswer },
  {
    name: "response-headers-valid",
    check: responseHeadersValid,
    appliesTo: (ctx, ex) =>
      documentedAnswer(ctx, ex) &&
      selectResponse(ctx.operation, ex.response?.status ?? 0)?.headers !== undefined,
  },
  {
    name: "response-code",
    check: callbackResponseCode,
    appliesTo: (ctx, ex) =>
      documentedAnswer(ctx, ex) && responseCodeSchema(ctx, ex.response?.status ?? 0) !== undefined,
  },
  {
    name: "response-signature",
    check: responseSignature,
    appliesTo: (ctx, ex) =>
      ex.response !== undefined &&
      ctx.credentials !== undefined &&
      signsResponse(ctx.operation, ex.response.status),
  },
  { name: "latency", check: latency, appliesTo: answered },
];

/** Runs every check that applies; returns the violations and the check names that applied. */
export function runChecks(
  ctx: CallbackCheckContext,
  exchange: CallbackExchange,
): { violations: ReturnType<CallbackCheck>; applied: string[] } {
  const violations: ReturnType<CallbackCheck> = [];
  const applied: string[] = [];
  for (const entry of CALLBACK_CHECKS) {
    if (!entry.appliesTo(ctx, exchange)) continue;
    applied.push(entry.name);
    violations.push(...entry.check(ctx, exchange));
  }
  return { violations, applied };
}
