/**
 * runSuite builds its plan while the target starts (the mock's start-up overlaps planning), and a plan that
 * fails closes the started target: no mock is left running, and the plan's error is the run's.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/model/errors.js";
import type { RunOptions } from "../../src/runner/options.js";
import type { CaseSource } from "../../src/runner/planned.js";
import { runSuite } from "../../src/runner/suite.js";
import type { MockStarter } from "../../src/runner/target.js";
import { envFor, merchant, tempDir } from "./helpers.js";
import { startTestServer } from "./server.js";
import { bundle, caseSource } from "./spec.js";

/** A case source that tells when planning first asks it for an arbitrary. */
function watched(onPlan: () => void): CaseSource {
  return {
    ...caseSource,
    valid: (operation) => {
      onPlan();
      return caseSource.valid(operation);
    },
  };
}

const identity = {
  clientId: merchant.clientId,
  secretKey: merchant.secretKey,
  merchantPrivateKeyPem: merchant.privateKeyPem,
};

/** runSuite against the mock `startMock` gives, with the inline spec. */
async function runWith(
  startMock: MockStarter,
  options: Partial<RunOptions> & { caseSource?: CaseSource } = {},
) {
  const dir = await tempDir();
  return runSuite({
    bundle,
    caseSource,
    target: "mock",
    startMock,
    env: await envFor(dir),
    outputDir: join(dir, "report"),
    cwd: dir,
    seed: 42,
    ...options,
  });
}

describe("planning overlaps the target's start", () => {
  it("the plan is built before the mock has started (a mock that waits for planning still runs)", async () => {
    const server = await startTestServer(merchant, []);
    let planning!: () => void;
    const planned = new Promise<void>((resolve) => {
      planning = resolve;
    });
    let closed = 0;
    // The mock only finishes starting once planning has begun: if runSuite waited for the target before
    // planning, this would never resolve and the guard below would reject instead.
    const startMock: MockStarter = async () => {
      const guard = new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error("planning did not start before the mock was ready")), 5000),
      );
      await Promise.race([planned, guard]);
      return { url: server.url, identity, close: async () => void closed++ };
    };
    try {
      const summary = await runWith(startMock, { caseSource: watched(() => planning()), cases: 4 });
      expect(summary.summary.cases).toBeGreaterThan(0);
      expect(closed).toBe(1);
    } finally {
      await server.close();
    }
  });

  it("a plan that fails closes the started mock once, and its error is the run's", async () => {
    let closed = 0;
    const startMock: MockStarter = async () => ({
      url: "http://127.0.0.1:9",
      identity,
      close: async () => void closed++,
    });
    const run = runWith(startMock, { phases: ["property"], cases: 0 });
    await expect(run).rejects.toThrow(UsageError);
    await expect(run).rejects.toThrow(/nothing to check/);
    expect(closed).toBe(1);
  });

  it("a mock that fails to start while the plan fails: the plan's error, no unhandled rejection", async () => {
    const startMock: MockStarter = async () => {
      throw new Error("mock start failed");
    };
    const run = runWith(startMock, { phases: ["property"], cases: 0 });
    await expect(run).rejects.toThrow(/nothing to check/);
  });

  it("a mock that fails to start after a good plan: the mock's error is the run's", async () => {
    const startMock: MockStarter = async () => {
      throw new Error("mock start failed");
    };
    await expect(runWith(startMock, { cases: 2 })).rejects.toThrow(/mock start failed/);
  });
});
