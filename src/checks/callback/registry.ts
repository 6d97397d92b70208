/**
 * The certification's checks by name, in report order, guarded with the runner's idiom (checks/wrappers.ts
 * `guard`) so the engine's one check runner tells "passed" from "did not apply". The runner's checks are
 * reused where they fit (response-received, no-5xx, status-code-documented, content-type,
 * response-body-valid, response-headers-valid, response-signature, response-code made conflict-aware,
 * latency = response-time under its callback name); the rest are callback specific.
 */

import type { CallbackExchange, CaseKind } from "../../model/callback-case.js";
import { selectResponse } from "../../validation/validate.js";
import type { CheckEntry } from "../check.js";
import { contentType } from "../content-type.js";
import { no5xx } from "../no-5xx.js";
import { responseBodyValid } from "../response-body-valid.js";
import { responseHeadersValid } from "../response-headers-valid.js";
import { responseReceived } from "../response-received.js";
import { responseSignature, signsResponse } from "../response-signature.js";
import { statusCodeDocumented } from "../status-code-documented.js";
import { guard } from "../wrappers.js";
import { byteVariantAccepted } from "./byte-variant-accepted.js";
import { callbackResponseCode, responseCodeSchema } from "./callback-response-code.js";
import { type CallbackCheckContext, isAuthRefusal } from "./context.js";
import { forgedRejected } from "./forged-rejected.js";
import { latency } from "./latency.js";
import { validAccepted } from "./valid-accepted.js";

type Ctx = CallbackCheckContext;
type Ex = CallbackExchange;

const GENERATED: readonly CaseKind[] = ["example", "boundary", "property", "pinned", "token"];
const FORGED: readonly CaseKind[] = ["forged", "token-forged"];

const isAnswered = (_ctx: Ctx, ex: Ex) => ex.response !== undefined;
const isGenuine = (_ctx: Ctx, ex: Ex) => ex.case.expect.kind === "accept";
/** Genuine answers, and refusals of forged cases where the spec documents the status (e.g. SNAP 401). */
const isDocumentedAnswer = (ctx: Ctx, ex: Ex) =>
  ex.response !== undefined &&
  (isGenuine(ctx, ex) || selectResponse(ctx.operation, ex.response.status) !== undefined);

/** Only when the merchant answered. */
const answered = guard(isAnswered);
/** Only for genuine callbacks that were answered. */
const genuine = guard((ctx: Ctx, ex: Ex) => isAnswered(ctx, ex) && isGenuine(ctx, ex));
/** Only for answers the spec documents (genuine ones, documented refusals). */
const documentedAnswer = guard(isDocumentedAnswer);
/** Only for the first delivery of generated, pinned and token cases (a redelivery is duplicate-consistent's). */
const firstGenuine = guard(
  (ctx: Ctx, ex: Ex) =>
    isAnswered(ctx, ex) &&
    (GENERATED.includes(ex.case.kind) || (ex.case.kind === "duplicate" && ex.case.variant === "first")),
);
const forged = guard((ctx: Ctx, ex: Ex) => isAnswered(ctx, ex) && FORGED.includes(ex.case.kind));
const byteVariant = guard((ctx: Ctx, ex: Ex) => isAnswered(ctx, ex) && ex.case.kind === "byte-variant");
/** A genuine callback refused as unauthorized is valid-accepted's / byte-variant-accepted's finding. */
const notAuthRefusal = guard((ctx: Ctx, ex: Ex) => !isAuthRefusal(ctx, ex.response?.status ?? 0));
const documentedHeaders = guard(
  (ctx: Ctx, ex: Ex) => selectResponse(ctx.operation, ex.response?.status ?? 0)?.headers !== undefined,
);
const documentedCode = guard(
  (ctx: Ctx, ex: Ex) => responseCodeSchema(ctx, ex.response?.status ?? 0) !== undefined,
);
const signedAnswer = guard(
  (ctx: Ctx, ex: Ex) =>
    ex.response !== undefined &&
    ctx.credentials !== undefined &&
    signsResponse(ctx.operation, ex.response.status),
);

/** Every per-exchange check, in report order. */
export const CALLBACK_CHECKS: readonly CheckEntry<Ctx, Ex>[] = [
  { name: "response-received", check: responseReceived },
  { name: "no-5xx", check: answered(no5xx) },
  { name: "valid-accepted", check: firstGenuine(validAccepted) },
  { name: "forged-rejected", check: forged(forgedRejected) },
  { name: "byte-variant-accepted", check: byteVariant(byteVariantAccepted) },
  { name: "content-type", check: genuine(contentType) },
  { name: "status-code-documented", check: genuine(notAuthRefusal(statusCodeDocumented)) },
  { name: "response-body-valid", check: documentedAnswer(responseBodyValid) },
  { name: "response-headers-valid", check: documentedAnswer(documentedHeaders(responseHeadersValid)) },
  { name: "response-code", check: documentedAnswer(documentedCode(callbackResponseCode)) },
  { name: "response-signature", check: signedAnswer(responseSignature) },
  { name: "latency", check: answered(latency) },
];
