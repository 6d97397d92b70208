/** An interrupted run's junit.xml records the interruption (an error) and each suite's real time. */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { RunSummary } from "../../src/engine/events.js";
import { junitReporter } from "../../src/reporters/junit.js";

const summary = (incomplete?: string): RunSummary => ({
  tool: "doku-conformance",
  version: "0",
  seed: 1,
  target: "mock",
  startedAt: "2026-01-01T00:00:00.000Z",
  durationMs: 2500,
  summary: {
    operations: 1,
    cases: 2,
    passed: 2,
    failed: 0,
    violations: 0,
    errors: 0,
    warnings: 0,
    requests: 3,
  },
  phases: ["property"],
  checks: ["no-5xx"],
  ...(incomplete === undefined ? {} : { incomplete }),
  exitCode: incomplete === undefined ? 0 : 3,
  operations: [
    { operationId: "opA", cases: 2, passed: 2, failed: 0, checks: { "no-5xx": { applied: 2, failed: 0 } } },
  ],
  violations: [],
});

async function junitOf(s: RunSummary): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "doku-junit-"));
  let clock = 1000;
  const reporter = junitReporter(() => clock);
  await reporter.onEvent({ type: "operation-started", operationId: "opA" });
  clock += 1250;
  const exchange = { request: { method: "GET", url: "/", headers: {}, body: "" } } as never;
  await reporter.onEvent({
    type: "case-finished",
    operationId: "opA",
    phase: "property",
    index: 0,
    exchange,
    violations: [],
  });
  await reporter.onEvent({ type: "run-finished", summary: s, outputDir: dir });
  return readFileSync(join(dir, "junit.xml"), "utf8");
}

describe("junit.xml of an interrupted run", () => {
  it("counts the interruption as an error with its reason", async () => {
    const xml = await junitOf(summary("interrupted"));
    expect(xml).toMatch(/<testsuites name="doku-conformance" tests="2" failures="0" errors="1"/);
    expect(xml).toMatch(/<testcase classname="doku-conformance.run" name="run completed"/);
    expect(xml).toMatch(
      /<error message="the run stopped before every case was sent: interrupted" type="incomplete">/,
    );
  });

  it("a complete run has no error and no run-completed case", async () => {
    const xml = await junitOf(summary());
    expect(xml).toMatch(/errors="0"/);
    expect(xml).not.toMatch(/run completed/);
  });

  it("each suite's time is its operation's wall time, the root the run's", async () => {
    const xml = await junitOf(summary("interrupted"));
    expect(xml).toMatch(/<testsuite name="opA" [^>]* time="1.250">/);
    expect(xml).toMatch(/<testsuites [^>]* time="2.500">/);
  });
});
