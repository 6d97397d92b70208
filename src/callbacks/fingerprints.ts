/**
 * Names the SDK defect behind each finding of a callback exchange (src/checks/sdk): the merchant's status,
 * answer body and the forged case's mutator are what the fingerprints look at.
 */
import { type FingerprintInput, fingerprinted } from "../checks/sdk/fingerprint.js";
import type { CallbackExchange } from "../model/callback-case.js";
import type { Violation } from "../model/violation.js";

/** What the fingerprints need to know of an exchange. */
export function fingerprintInput(exchange: CallbackExchange): FingerprintInput {
  const expect = exchange.case.expect;
  const response = exchange.response;
  return {
    ...(response === undefined ? {} : { status: response.status, json: response.json }),
    ...(expect.kind === "reject-auth" ? { mutator: expect.mutator } : {}),
    ...(exchange.case.kind === "byte-variant" && exchange.case.variant !== undefined
      ? { variant: exchange.case.variant }
      : {}),
  };
}

/** The violations, each with its SDK fingerprint when one matches. */
export function withFingerprints(violations: readonly Violation[], exchange: CallbackExchange): Violation[] {
  const input = fingerprintInput(exchange);
  return violations.map((v) => fingerprinted(v, input));
}
