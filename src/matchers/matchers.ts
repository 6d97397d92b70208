/**
 * Test matchers over a spec bundle, for `expect.extend` in Vitest or Jest: request and response bodies
 * against an operation's schema and DOKU rules, a request's signature under a scheme, and a certification
 * summary. Each returns `{ pass, message }`; the message lists the violations as the console does.
 */
import type { RunSummary } from "../engine/events.js";
import type { SpecBundle } from "../model/operation.js";
import { hasErrors, type Violation } from "../model/violation.js";
import { violationText } from "../reporters/violation-text.js";
import { verifyRequest } from "../signatures/request-verifier.js";
import type { ReceivedRequest, SignatureAuth } from "../signatures/types.js";
import { operationValidation, validateRequest, validateResponse } from "../validation/index.js";

/** What a matcher returns (the shape Vitest and Jest both expect). */
export interface MatcherResult {
  pass: boolean;
  message: () => string;
}

/** How toHaveValidDokuSignature verifies: the scheme and the key material of the signer. */
export interface SignatureExpectation {
  scheme: SignatureAuth;
  /** HMAC schemes: the merchant's Secret Key (SNAP: clientSecret). */
  secret?: string;
  /** RSA schemes: the signer's public key (PEM). */
  publicKey?: string;
  /** When set, the request's client id header must match it. */
  clientId?: string;
  /** Bearer token(s) the receiver issued (required by bearer-only). */
  accessToken?: string;
  /** Allowed clock skew in ms; default off (a recorded request may be old). */
  maxSkewMs?: number;
}

/** The matchers, bound to a bundle (a type alias, so `expect.extend` sees an indexable object). */
export type DokuMatcherSet = {
  toBeValidDokuRequest(received: unknown, operationId: string): MatcherResult;
  toBeValidDokuResponse(received: unknown, operationId: string, status?: number): MatcherResult;
  toHaveValidDokuSignature(received: ReceivedRequest, expected: SignatureExpectation): MatcherResult;
  toBeCertified(received: RunSummary): MatcherResult;
};

/** A body given as JSON text is parsed; anything else is taken as the parsed body. */
const bodyOf = (received: unknown): unknown => {
  if (typeof received !== "string") return received;
  try {
    return JSON.parse(received);
  } catch {
    return received;
  }
};

function verdict(what: string, violations: readonly Violation[]): MatcherResult {
  const pass = !hasErrors(violations);
  return {
    pass,
    message: () =>
      pass
        ? `expected ${what} to break its contract, but it has no violation`
        : `expected ${what} to be valid; ${violations.length} violation(s):\n${violations.map(violationText).join("\n")}`,
  };
}

/** The matchers for `bundle` (the package's `doku-conformance/vitest` binds the DOKU bundle). */
export function createDokuMatchers(bundle: SpecBundle): DokuMatcherSet {
  return {
    toBeValidDokuRequest(received, operationId) {
      const violations = validateRequest(operationValidation(bundle, operationId), {
        body: bodyOf(received),
      });
      return verdict(`the ${operationId} request body`, violations);
    },
    toBeValidDokuResponse(received, operationId, status = 200) {
      const target = operationValidation(bundle, operationId);
      const violations = validateResponse(target, { status, body: bodyOf(received) });
      return verdict(`the ${operationId} ${status} response body`, violations);
    },
    toHaveValidDokuSignature(received, expected) {
      const result = verifyRequest(received, {
        auth: expected.scheme,
        credentials: {
          ...(expected.secret === undefined ? {} : { secretKey: expected.secret }),
          ...(expected.publicKey === undefined ? {} : { publicKey: expected.publicKey }),
          ...(expected.clientId === undefined ? {} : { clientId: expected.clientId }),
        },
        ...(expected.accessToken === undefined ? {} : { accessToken: expected.accessToken }),
        maxSkewMs: expected.maxSkewMs ?? null,
      });
      return {
        pass: result.ok,
        message: () =>
          result.ok
            ? `expected the request's ${expected.scheme} signature to be invalid, but it verifies`
            : `expected a valid ${expected.scheme} signature: ${result.rule}${result.header ? ` (${result.header})` : ""}: ${result.reason}`,
      };
    },
    toBeCertified(received) {
      return verdict(`the certification (seed ${received.seed})`, received.violations);
    },
  };
}
