/** Starts the mock on the real bundle (generated/) for a test file and closes it afterwards. */
import { afterAll, beforeAll } from "vitest";
import { loadSpecBundle } from "../../conformance/bundle.js";
import { type MockOptions, type RunningMock, startMock } from "../../src/mock/index.js";
import type { SpecBundle } from "../../src/model/operation.js";
import { fetchToken } from "./helpers.js";

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
