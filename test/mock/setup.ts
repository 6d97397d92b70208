/** Starts the mock on the real bundle (generated/) for a test file and closes it afterwards. */
import { afterAll, beforeAll } from "vitest";
import { loadSpecBundle } from "../../conformance/bundle.js";
import { type MockOptions, type RunningMock, startMock } from "../../src/mock/index.js";
import type { SpecBundle } from "../../src/model/operation.js";
import { formatNonSnapTimestamp, signRequest } from "../../src/signatures/index.js";
import { type Answer, fetchToken, nonSnapInput, op, sendSigned } from "./helpers.js";

export interface MockFixture {
  bundle: SpecBundle;
  mock: RunningMock;
  /** A fresh B2B token. */
  token: () => Promise<string>;
  /** Errors the mock reported (500s); a test that expects none asserts it is empty. */
  errors: unknown[];
}

/** Registers beforeAll/afterAll; the returned object is filled in before the first test runs. */
export function useMock(options: Partial<MockOptions> = {}): MockFixture {
  const fixture = { errors: [] as unknown[] } as MockFixture;
  beforeAll(async () => {
    fixture.bundle = await loadSpecBundle();
    fixture.mock = await startMock({
      bundle: fixture.bundle,
      onError: (e) => fixture.errors.push(e),
      ...options,
    });
    fixture.token = () => fetchToken(fixture.mock.url, fixture.bundle, fixture.mock.identity);
  });
  afterAll(async () => {
    await fixture.mock?.close();
  });
  return fixture;
}

/** Signed non-SNAP calls to the fixture's mock, timestamped at `now()`: any operation, and check status by id. */
export function nonSnapCalls(f: MockFixture, now: () => number) {
  function nonSnap(id: string, body: unknown, path?: string, requestId?: string): Promise<Answer> {
    const operation = op(f.bundle, id);
    const extra = requestId === undefined ? {} : { "Request-Id": requestId };
    const input = nonSnapInput(operation, f.mock.identity, body, path ?? operation.path, extra);
    return sendSigned(f.mock.url, signRequest({ ...input, timestamp: formatNonSnapTimestamp(now()) }));
  }
  const status = (id: string) =>
    nonSnap("orderStatus", undefined, `/orders/v1/status/${encodeURIComponent(id)}`);
  return { nonSnap, status };
}
