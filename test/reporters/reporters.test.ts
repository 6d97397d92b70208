import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { createReporters } from "../../src/reporters/index.js";
import { REPORT_SCHEMA } from "../../src/reporters/report-schema.js";
import { createAjv } from "../../src/validation/ajv.js";
import { runAgainst } from "../runner/helpers.js";

const validateReport = createAjv().compile(REPORT_SCHEMA);

async function runWithReporters(defects: Parameters<typeof runAgainst>[0]) {
  let out = "";
  const listeners = createReporters(["console", "json", "junit"], {
    write: (t) => (out += t),
    tty: false,
    files: () => ["report.json", "junit.xml"],
  });
  const { summary, dir } = await runAgainst(defects, { listeners, shrinkBudget: 0 });
  const reportDir = join(dir, "report");
  return {
    summary,
    out,
    report: JSON.parse(await readFile(join(reportDir, "report.json"), "utf8")) as Record<string, unknown>,
    junit: await readFile(join(reportDir, "junit.xml"), "utf8"),
  };
}

describe("json reporter", () => {
  it.each([[[]], [["too-long-field", "accept-negative"]]] as const)(
    "report.json validates against its schema (defects %j)",
    async (defects) => {
      const { report, summary } = await runWithReporters([...defects]);
      expect(validateReport(report), JSON.stringify(validateReport.errors)).toBe(true);
      expect(Object.keys(report)).toEqual(
        expect.arrayContaining([
          "tool",
          "version",
          "seed",
          "target",
          "startedAt",
          "durationMs",
          "summary",
          "violations",
        ]),
      );
      expect(report.tool).toBe("doku-conformance");
      expect(report.seed).toBe(42);
      expect((report.summary as Record<string, number>).violations).toBe(summary.violations.length);
    },
  );

  it("the schema rejects a report missing a CONTRACT field", () => {
    expect(
      validateReport({
        tool: "doku-conformance",
        version: "1",
        seed: 1,
        target: "mock",
        startedAt: "2024-01-01T00:00:00Z",
        durationMs: 1,
        violations: [],
      }),
    ).toBe(false);
  });
});

describe("junit reporter", () => {
  it("writes well-formed XML with one testcase per operation × check, failures where violations are", async () => {
    const { junit, summary } = await runWithReporters(["too-long-field"]);
    expect(XMLValidator.validate(junit)).toBe(true);
    const doc = new XMLParser({
      ignoreAttributes: false,
      isArray: (name) => ["testsuite", "testcase"].includes(name),
    }).parse(junit);
    const suites = doc.testsuites.testsuite as { "@_name": string; testcase: Record<string, unknown>[] }[];
    expect(suites.map((s) => s["@_name"])).toEqual(summary.operations.map((o) => o.operationId));
    const cases = suites.flatMap((s) => s.testcase);
    expect(cases).toHaveLength(summary.operations.length * summary.checks.length);
    const failed = cases.filter((c) => c.failure !== undefined).map((c) => c["@_name"]);
    expect(failed).toEqual(["snapCreateVa response-body-valid"]);
    const skipped = cases.filter((c) => c.skipped !== undefined).map((c) => c["@_name"]);
    expect(skipped).toContain("snapGetTokenB2b response-signature");
    expect(Number(doc.testsuites["@_tests"])).toBe(cases.length);
    expect(Number(doc.testsuites["@_failures"])).toBe(1);
  });
});

describe("console reporter", () => {
  it("prints the seed first, a table per operation, each violation with where/rule/expected/actual/source, curl and rerun", async () => {
    const { out } = await runWithReporters(["too-long-field"]);
    expect(out.split("\n")[0]).toMatch(
      /^doku-conformance run · target http:\/\/127\.0\.0\.1:[0-9]+ · seed 42 · 3 operations/,
    );
    expect(out).toMatch(/operation\s+cases\s+passed\s+failed\s+checks/);
    expect(out).toMatch(/snapCreateVa\s+[0-9]+\s+[0-9]+\s+[0-9]+\s+✗ response-body-valid/);
    for (const label of [
      "where:",
      "rule:     maxLength",
      "expected: 10",
      "actual:   11",
      "source:",
      "curl:     curl -sS --path-as-is -X POST",
      "rerun:    doku-conformance run --seed 42 --operation snapCreateVa",
    ]) {
      expect(out).toContain(label);
    }
    expect(out).not.toContain("\u001b[");
    expect(out).not.toContain("\r");
  });

  it("says conformant on a clean run", async () => {
    const { out } = await runWithReporters([]);
    expect(out).toMatch(/conformant · [0-9]+ cases \([0-9]+ passed, 0 failed\)/);
  });
});
