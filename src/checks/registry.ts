/**
 * The one check registry: every check by its public name (reports, junit testcase names,
 * `Violation.check`), each wrapped in its skip conditions with the one guard idiom (wrappers.ts), in the
 * report order of the driver that runs it: `CHECKS` for `run`, `CALLBACK_CHECKS` for `callback`. Several
 * checks serve both; `response-time` and `latency` are one check (response-time.ts) under two names.
 */
import type { CallbackExchange } from "../model/callback-case.js";
import { acknowledgementLayout } from "./callback/acknowledgement-layout.js";
import { byteVariantAccepted } from "./callback/byte-variant-accepted.js";
import { callbackResponseCode } from "./callback/callback-response-code.js";
import type { CallbackCheckContext } from "./callback/context.js";
import { duplicateConsistent } from "./callback/duplicate-consistent.js";
import { forgedRejected } from "./callback/forged-rejected.js";
import {
  answered,
  byteVariant,
  documentedHeaders as callbackDocumentedHeaders,
  documentedAnswer,
  documentedCode,
  firstGenuine,
  forged,
  genuine,
  notAuthRefusal,
  redelivery,
  signedAnswer,
} from "./callback/guards.js";
import { latency } from "./callback/latency.js";
import { validAccepted } from "./callback/valid-accepted.js";
import type { Check, CheckEntry } from "./check.js";
import { contentType } from "./content-type.js";
import { negativeRejected } from "./negative-rejected.js";
import { no5xx } from "./no-5xx.js";
import { positiveAccepted } from "./positive-accepted.js";
import { documentedResponse } from "./response.js";
import { responseBodyValid } from "./response-body-valid.js";
import { responseCode } from "./response-code.js";
import { responseHeadersValid } from "./response-headers-valid.js";
import { responseReceived } from "./response-received.js";
import { responseSignature, signsResponse } from "./response-signature.js";
import { responseTime } from "./response-time.js";
import { signatureRejected } from "./signature-rejected.js";
import { statusCodeDocumented } from "./status-code-documented.js";
import {
  guard,
  onlyAuthRejection,
  onlyNegative,
  onlyNonSnap,
  onlyPositive,
  onlySnap,
  withResponse,
} from "./wrappers.js";

const withSecret = guard((ctx) => ctx.credentials !== undefined);
/** The documented response for the status declares a Signature header. */
const signedResponse = guard(
  (ctx, ex) => ex.response !== undefined && signsResponse(ctx.operation, ex.response.status),
);
/** The documented response for the status has a header schema. */
const documentedHeaders = guard(
  (ctx, ex) =>
    ex.response !== undefined && documentedResponse(ctx.operation, ex.response.status)?.headers !== undefined,
);
/** The documented response for the status exists (undocumented ones are status-code-documented's). */
const documentedStatus = guard(
  (ctx, ex) =>
    ex.response !== undefined && documentedResponse(ctx.operation, ex.response.status) !== undefined,
);

/** `run`'s checks, in report order. */
export const CHECKS: Readonly<Record<string, Check>> = {
  "response-received": responseReceived,
  "no-5xx": withResponse(no5xx),
  "status-code-documented": withResponse(statusCodeDocumented),
  "content-type": withResponse(contentType),
  "response-body-valid": documentedStatus(responseBodyValid),
  "response-headers-valid": documentedHeaders(responseHeadersValid),
  "response-code": onlySnap(withResponse(responseCode)),
  "positive-accepted": onlyPositive(withResponse(positiveAccepted)),
  "negative-rejected": onlyNegative(withResponse(negativeRejected)),
  "signature-rejected": onlyAuthRejection(withResponse(signatureRejected)),
  "response-signature": onlyNonSnap(withSecret(signedResponse(responseSignature))),
  "response-time": withResponse(responseTime),
};

/** All of `run`'s check names, in report order. */
export const CHECK_NAMES: readonly string[] = Object.keys(CHECKS);

/** The registry entries for the named `run` checks (the engine's check runner takes entries). */
export function checkEntries(names: readonly string[]): CheckEntry[] {
  return names.flatMap((name) => {
    const check = CHECKS[name];
    return check ? [{ name, check }] : [];
  });
}

/** `callback`'s checks, in report order (the ledger probe, which asks the merchant, is callbacks/ledger.ts). */
export const CALLBACK_CHECKS: readonly CheckEntry<CallbackCheckContext, CallbackExchange>[] = [
  { name: "response-received", check: responseReceived },
  { name: "no-5xx", check: answered(no5xx) },
  { name: "valid-accepted", check: firstGenuine(validAccepted) },
  { name: "forged-rejected", check: forged(forgedRejected) },
  { name: "byte-variant-accepted", check: byteVariant(byteVariantAccepted) },
  { name: "content-type", check: genuine(contentType) },
  { name: "status-code-documented", check: genuine(notAuthRefusal(statusCodeDocumented)) },
  { name: "response-body-valid", check: documentedAnswer(acknowledgementLayout(responseBodyValid)) },
  {
    name: "response-headers-valid",
    check: documentedAnswer(callbackDocumentedHeaders(responseHeadersValid)),
  },
  {
    name: "response-code",
    check: documentedAnswer(documentedCode(acknowledgementLayout(callbackResponseCode))),
  },
  { name: "response-signature", check: signedAnswer(responseSignature) },
  { name: "latency", check: answered(latency) },
  { name: "duplicate-consistent", check: redelivery(duplicateConsistent) },
];
