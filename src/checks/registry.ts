/**
 * Every check by name, with its skip conditions. The names are stable: they appear in reports, in junit
 * testcase names and in `Violation.check`.
 */
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

/** The registry, in report order. */
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

/** All check names, in report order. */
export const CHECK_NAMES: readonly string[] = Object.keys(CHECKS);

/** The registry entries for the named checks (the engine's check runner takes entries). */
export function checkEntries(names: readonly string[]): CheckEntry[] {
  return names.flatMap((name) => {
    const check = CHECKS[name];
    return check ? [{ name, check }] : [];
  });
}
