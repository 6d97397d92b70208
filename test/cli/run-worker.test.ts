/**
 * The compiled bin runs `run --target mock`'s mock in a worker thread (conformance/mock-thread.ts) by default;
 * DOKU_CONFORMANCE_MOCK_THREAD=main keeps it in-process; --debug says which. Real process, real mock
 * (run `npm run build` after changing src/ or conformance/). No timing is asserted. Signals in either mode:
 * test/reliability/signals.test.ts.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { COLD_MIN_CASES } from "../../conformance/plan-thread.js";
import { spawnBin } from "../reliability/bin.js";

const WORKER_LINE = /^doku-conformance: mock http:\/\/127\.0\.0\.1:\d+ in worker thread \d+$/m;

function smallRun(env: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), "doku-run-worker-"));
  const args = ["run", "--debug", "--operation", "snapCreateVa", "--phase", "examples", "--reporter", "json"];
  return { dir, run: spawnBin([...args, "--output-dir", dir], { env }) };
}

describe("run --target mock from the bin", () => {
  it("by default the mock runs in a worker thread and is stopped at the end", async () => {
    const { dir, run } = smallRun();
    expect(await run.exit).toBe(0);
    expect(run.stderr()).toMatch(WORKER_LINE);
    const report = JSON.parse(readFileSync(join(dir, "report.json"), "utf8")) as Record<string, unknown>;
    expect(report).toMatchObject({ target: "mock", exitCode: 0 });
  }, 60_000);

  it("a usage error exits 2 with its one line: the worker started ahead is stopped, not left running", async () => {
    const run = spawnBin(["run", "--debug", "--operation", "nope"]);
    // A worker left running would keep the process alive until the test's timeout.
    expect(await run.exit).toBe(2);
    expect(run.stderr()).toMatch(/^doku-conformance: unknown operation "nope"/m);
    expect(run.stderr()).not.toMatch(/worker thread/);
  }, 60_000);

  it("DOKU_CONFORMANCE_MOCK_THREAD=main keeps the mock in-process", async () => {
    const { dir, run } = smallRun({ DOKU_CONFORMANCE_MOCK_THREAD: "main" });
    expect(await run.exit).toBe(0);
    expect(run.stderr()).not.toMatch(/worker thread/);
    const report = JSON.parse(readFileSync(join(dir, "report.json"), "utf8")) as Record<string, unknown>;
    expect(report).toMatchObject({ target: "mock", exitCode: 0 });
  }, 60_000);
});

const PLAN_LINE = /^doku-conformance: plan thread \d+ drew (\d+) cases, the main thread (\d+)$/m;

describe("run's plan thread from the bin", () => {
  /** The report's outcome without its times and signed request lines. */
  const outcome = (dir: string) => {
    const report = JSON.parse(readFileSync(join(dir, "report.json"), "utf8")) as {
      summary: unknown;
      exitCode: number;
      violations: Array<Record<string, unknown>>;
    };
    const violations = report.violations.map(({ operationId, check, pointer, rule, severity }) => ({
      operationId,
      check,
      pointer,
      rule,
      severity,
    }));
    return { summary: report.summary, exitCode: report.exitCode, violations };
  };
  /** `run --debug --reporter json` with `args` into a fresh output directory. */
  const jsonRun = (args: string[], env: Record<string, string>) => {
    const dir = mkdtempSync(join(tmpdir(), "doku-plan-thread-"));
    const all = ["run", "--debug", ...args, "--reporter", "json", "--output-dir", dir];
    return { dir, run: spawnBin(all, { env }) };
  };
  const bigRun = (env: Record<string, string> = {}, cases = 2000) =>
    jsonRun(
      ["--operation", "snapCreateVa", "--phase", "property", "--cases", String(cases), "--seed", "5"],
      env,
    );

  it("draws a large plan on a worker thread, says so with --debug, and reports what an in-thread run reports", async () => {
    const threaded = bigRun({ DOKU_CONFORMANCE_PLAN_THREAD: "worker" });
    expect(await threaded.run.exit).toBe(0);
    const line = PLAN_LINE.exec(threaded.run.stderr());
    expect(line).not.toBeNull();
    const [thread, main] = [Number(line?.[1]), Number(line?.[2])];
    expect(thread + main).toBe(2000);
    expect(thread).toBeGreaterThan(0);
    const own = bigRun({ DOKU_CONFORMANCE_PLAN_THREAD: "main" });
    expect(await own.run.exit).toBe(0);
    expect(own.run.stderr()).not.toMatch(PLAN_LINE);
    expect(outcome(threaded.dir)).toEqual(outcome(own.dir));
  }, 120_000);

  it("unset, the plan thread is used for plans of COLD_MIN_CASES or more when a core is free for it besides the main and mock threads", async () => {
    const cores = availableParallelism();
    const inProcessMock = bigRun({ DOKU_CONFORMANCE_MOCK_THREAD: "main" }, COLD_MIN_CASES);
    expect(await inProcessMock.run.exit).toBe(0);
    expect(PLAN_LINE.test(inProcessMock.run.stderr())).toBe(cores >= 2);
    const mockThread = bigRun({}, COLD_MIN_CASES);
    expect(await mockThread.run.exit).toBe(0);
    expect(PLAN_LINE.test(mockThread.run.stderr())).toBe(cores >= 3);
    // A smaller plan does not pay for a cold worker's start-up: drawn in-thread.
    const small = bigRun({ DOKU_CONFORMANCE_MOCK_THREAD: "main" }, COLD_MIN_CASES - 1);
    expect(await small.run.exit).toBe(0);
    expect(small.run.stderr()).not.toMatch(PLAN_LINE);
  }, 180_000);

  it("the default run's whole plan (every operation and phase) drawn on the plan thread reports the same", async () => {
    const full = (plan: string) => jsonRun(["--seed", "7"], { DOKU_CONFORMANCE_PLAN_THREAD: plan });
    const threaded = full("worker");
    expect(await threaded.run.exit).toBe(0);
    expect(Number(PLAN_LINE.exec(threaded.run.stderr())?.[1])).toBeGreaterThan(0);
    const own = full("main");
    expect(await own.run.exit).toBe(0);
    expect(outcome(threaded.dir)).toEqual(outcome(own.dir));
  }, 240_000);
});

describe("the thread variables", () => {
  it.each([
    ["DOKU_CONFORMANCE_MOCK_THREAD", "threads"],
    ["DOKU_CONFORMANCE_PLAN_THREAD", "pool"],
  ])(
    "an unknown %s is a usage error: exit 2, one line",
    async (name, value) => {
      const run = spawnBin(["run", "--operation", "snapCreateVa", "--phase", "examples"], {
        env: { [name]: value },
      });
      expect(await run.exit).toBe(2);
      expect(run.stderr().trim().split("\n")).toEqual([
        `doku-conformance: ${name} must be main or worker; got "${value}"`,
      ]);
    },
    60_000,
  );
});
