/**
 * conformance/plan-thread.ts's starter policy, before any worker is started: a run over a bundle other than
 * the package's draws in-thread (the worker would plan over generated/), and a cold worker is not started for
 * a plan smaller than `coldMinCases`. The worker itself runs through the bin (test/cli/run-worker.test.ts).
 */
import { describe, expect, it } from "vitest";
import { loadSpecBundle } from "../../conformance/bundle.js";
import { COLD_MIN_CASES, planThreadStarter } from "../../conformance/plan-thread.js";
import type { PlanParams } from "../../src/runner/plan-thread.js";

const params: PlanParams = {
  seed: 1,
  operations: ["snapCreateVa"],
  phases: ["property"],
  cases: 10,
  negativeCases: 0,
};

describe("planThreadStarter", () => {
  it("declines a bundle that is not the package's: the worker would plan over generated/", async () => {
    const bundle = await loadSpecBundle();
    const copy = { ...bundle };
    expect(planThreadStarter()(params, () => {}, { total: 10_000, bundle: copy })).toBeUndefined();
  });

  it("declines to start a cold worker for a plan smaller than coldMinCases", async () => {
    const bundle = await loadSpecBundle();
    const start = planThreadStarter({ coldMinCases: COLD_MIN_CASES });
    expect(start(params, () => {}, { total: COLD_MIN_CASES - 1, bundle })).toBeUndefined();
  });
});
