/** The github reporter (annotations, escaping, step summary), the TTY progress bar, and merge refusals. */
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ReportedViolation, RunSummary } from "../../src/engine/events.js";
import { consoleReporter } from "../../src/reporters/console.js";
import { annotations, githubReporter } from "../../src/reporters/github.js";
import { htmlDocument } from "../../src/reporters/html.js";
import { mergeReports } from "../../src/reporters/merge.js";
import { progressLine } from "../../src/reporters/progress.js";

const violation = (over: Partial<ReportedViolation> = {}): ReportedViolation => ({
  operationId: "snapCreateVa",
  direction: "response",
  check: "schema",
  pointer: "/virtualAccountData/virtualAccountName",
  rule: "maxLength",
  expected: 255,
  actual: 300,
  message: "100%, a: b\nsecond line </script><b>",
  source: "https://developers.doku.com/x, 002_53e227cf58eb634c.txt",
  severity: "error",
  phase: "property",
  case: "property #3",
  caseIndex: 3,
  occurrences: 2,
  shrunk: false,
  rerun: "doku-conformance run --seed 1 --operation snapCreateVa --phase property",
  ...over,
});

const summary = (over: Partial<RunSummary> = {}): RunSummary => ({
  tool: "doku-conformance",
  version: "0.1.0",
  seed: 1,
  target: "mock",
  startedAt: "2024-01-01T00:00:00.000Z",
  durationMs: 1000,
  summary: {
    operations: 1,
    cases: 4,
    passed: 3,
    failed: 1,
    violations: 2,
    errors: 1,
    warnings: 1,
    requests: 5,
  },
  phases: ["property"],
  checks: ["schema"],
  exitCode: 1,
  operations: [
    {
      operationId: "snapCreateVa",
      cases: 4,
      passed: 3,
      failed: 1,
      checks: { schema: { applied: 4, failed: 1 } },
    },
  ],
  violations: [violation(), violation({ severity: "warning", rule: "enum", replay: "replays/a.json" })],
  ...over,
});

describe("github reporter", () => {
  it("one escaped annotation per violation; a step summary when GITHUB_STEP_SUMMARY is set", async () => {
    const lines = annotations(summary(), (v) => v.replay)
      .trimEnd()
      .split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /^::error title=snapCreateVa · schema \(maxLength\)::100%25, a: b%0Asecond line/,
    );
    expect(lines[1]).toMatch(/^::warning file=replays\/a\.json,title=snapCreateVa · schema \(enum\)::/);
    const dir = await mkdtemp(join(tmpdir(), "doku-gh-"));
    const file = join(dir, "summary.md");
    let out = "";
    const reporter = githubReporter({
      write: (t) => (out += t),
      env: { GITHUB_STEP_SUMMARY: file },
      cwd: dir,
    });
    await reporter.onEvent({ type: "run-finished", summary: summary(), outputDir: dir });
    expect(out.split("\n").filter(Boolean)).toHaveLength(2);
    const md = await readFile(file, "utf8");
    expect(md).toMatch(/^## doku-conformance: ❌ 1 violation\(s\)/);
    expect(md).toContain("| snapCreateVa | 4 | 3 | 1 | schema |");
    expect(md).toContain("rerun: `doku-conformance run --seed 1 --operation snapCreateVa --phase property`");
  });
});

describe("html document", () => {
  it("escapes everything it shows and links http(s) sources", () => {
    const html = htmlDocument(summary(), []);
    expect(html).not.toContain("</script><b>");
    expect(html).toContain("&lt;/script&gt;&lt;b&gt;");
    expect(html).toContain('<a href="https://developers.doku.com/x" rel="noreferrer">');
    expect(html).not.toMatch(/<(link|img|iframe)\b|src="http/);
  });
});

describe("progress", () => {
  it.each([
    [{ done: 0, total: 10, elapsedMs: 0 }, "[--------------------] 0/10 cases · 0.0/s · ETA –"],
    [{ done: 5, total: 10, elapsedMs: 1000 }, "[##########----------] 5/10 cases · 5.0/s · ETA 1 s"],
    [
      { done: 100, total: 1300, elapsedMs: 10_000 },
      "[##------------------] 100/1300 cases · 10.0/s · ETA 2 min 0 s",
    ],
  ])("%j -> %s", (state, line) => {
    expect(progressLine(state)).toBe(line);
  });

  it("draws only on a TTY", () => {
    for (const tty of [true, false]) {
      let out = "";
      const reporter = consoleReporter({ write: (t) => (out += t), tty, color: false });
      reporter.onEvent({
        type: "run-started",
        seed: 1,
        target: "mock",
        operations: ["x"],
        phases: ["examples"],
        cases: 1,
        total: 2,
        startedAt: "",
        outputDir: "",
      });
      const exchange = {} as never;
      reporter.onEvent({
        type: "case-finished",
        operationId: "x",
        phase: "examples",
        index: 0,
        exchange,
        violations: [],
      });
      expect(out.includes("1/2 cases ·")).toBe(tty);
    }
  });
});

describe("mergeReports", () => {
  const a = { file: "a.json", summary: summary() };
  it.each([
    ["seed", { seed: 2 }],
    ["version", { version: "9.9.9" }],
    ["target", { target: "sandbox" }],
  ] as const)("refuses shards with a different %s", (key, over) => {
    expect(() => mergeReports([a, { file: "b.json", summary: summary(over) }])).toThrow(
      new RegExp(`b\\.json is from a different run than a\\.json \\(${key} `),
    );
  });
  it("refuses overlapping shards", () => {
    expect(() => mergeReports([a, { file: "b.json", summary: summary() }])).toThrow(
      /snapCreateVa is in both a\.json and b\.json/,
    );
  });
});
