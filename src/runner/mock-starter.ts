/**
 * The default MockStarter: the embedded mock (src/mock) with a fresh generated identity, on 127.0.0.1:0.
 * Imported lazily: the mock loads Stoplight Prism, which URL and sandbox runs do not need.
 */
import type { MockStarter } from "./target.js";

export const defaultMockStarter: MockStarter = async ({ bundle }) => {
  const { startMock } = await import("../mock/index.js");
  return startMock({ bundle });
};
