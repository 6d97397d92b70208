/**
 * `doku-conformance/vitest`: test matchers and an in-process certifier for a merchant's own tests, bound to
 * the DOKU bundle. Works with Vitest and Jest (`expect.extend(dokuMatchers)`). Types: the test project adds
 * one line extending its framework's `Matchers` with `DokuMatchers` (docs/reports.md); the entry itself
 * names no test framework, so it type-checks without Vitest or Jest installed.
 */
import type { CertificationSummary } from "../src/callbacks/summary.js";
import {
  type CertifyHandlerOptions,
  certifyHandler as certifyWith,
} from "../src/matchers/certify-handler.js";
import type { FetchHandler } from "../src/matchers/handler-transport.js";
import { createDokuMatchers, type SignatureExpectation } from "../src/matchers/matchers.js";
import { loadSpecBundle } from "./bundle.js";

export type { CertificationSummary } from "../src/callbacks/summary.js";
export type { CertifyHandlerOptions } from "../src/matchers/certify-handler.js";
export type { FetchHandler } from "../src/matchers/handler-transport.js";
export type { MatcherResult, SignatureExpectation } from "../src/matchers/matchers.js";
export type { ReceivedRequest } from "../src/signatures/types.js";

const bundle = await loadSpecBundle();

/** The matchers for `expect.extend(dokuMatchers)`. */
export const dokuMatchers = createDokuMatchers(bundle);

/** Certifies a fetch-style handler `(Request) => Response` for a callback flow, in-process. */
export function certifyHandler(
  flow: string,
  handler: FetchHandler,
  options: CertifyHandlerOptions,
): Promise<CertificationSummary> {
  return certifyWith(bundle, flow, handler, options);
}

/** The matcher methods as they appear on `expect(...)` (R is the framework's return type). */
export interface DokuMatchers<R = unknown> {
  /** The body (object or JSON text) is a valid request of `operationId`. */
  toBeValidDokuRequest(operationId: string): R;
  /** The body is a valid `status` (default 200) response of `operationId`. */
  toBeValidDokuResponse(operationId: string, status?: number): R;
  /** The request `{ method, path, headers, body }` carries a valid signature under `scheme`. */
  toHaveValidDokuSignature(expected: SignatureExpectation): R;
  /** A certifyHandler summary has no error violation. */
  toBeCertified(): R;
}
