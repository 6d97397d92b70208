/**
 * `--reporter junit`: <output-dir>/junit.xml with one testsuite per operation and one testcase per
 * operation × check. A check with error violations fails (each violation in the failure text, with its curl
 * and rerun lines); one that never applied is skipped, never passed; warnings go to system-out. A run that
 * stopped early (a signal, an unreachable target) adds a "run completed" testcase in error; each suite's
 * time is the wall time from its operation's start to its last answer.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { ReportedViolation, RunListener, RunSummary } from "../engine/events.js";

export const JUNIT_FILE = "junit.xml";

export function junitReporter(now: () => number = performance.now.bind(performance)): RunListener {
  const started = new Map<string, number>();
  const seconds: Record<string, number> = {};
  return {
    async onEvent(event) {
      if (event.type === "operation-started") started.set(event.operationId, now());
      if (event.type === "case-finished") {
        const from = started.get(event.operationId);
        if (from !== undefined) seconds[event.operationId] = (now() - from) / 1000;
      }
      if (event.type !== "run-finished") return;
      await mkdir(event.outputDir, { recursive: true });
      await writeFile(join(event.outputDir, JUNIT_FILE), junitXml(event.summary, seconds));
    },
  };
}

/** The JUnit XML document for a summary; `seconds` holds each operation's wall time, when known. */
export function junitXml(summary: RunSummary, seconds: Readonly<Record<string, number>> = {}): string {
  const suites = summary.operations.map((op) => {
    const cases = summary.checks.map((check) => {
      const tally = op.checks[check];
      const found = summary.violations.filter((v) => v.operationId === op.operationId && v.check === check);
      const errors = found.filter((v) => v.severity === "error");
      const warnings = found.filter((v) => v.severity === "warning");
      const name = `${op.operationId} ${check}`;
      const head = `    <testcase classname="doku-conformance.${attr(op.operationId)}" name="${attr(name)}" time="0"`;
      if (errors.length > 0) {
        const message = `${errors.length} violation(s): ${errors[0]?.message ?? ""}`;
        return `${head}>\n      <failure message="${attr(message)}" type="${attr(errors[0]?.rule ?? check)}">${text(errors.map(detail).join("\n\n"))}</failure>\n${systemOut(warnings)}    </testcase>`;
      }
      if (!tally || tally.applied === 0) {
        return `${head}>\n      <skipped message="${attr(`${check} did not apply to any ${op.operationId} case in this run`)}"/>\n    </testcase>`;
      }
      return warnings.length > 0 ? `${head}>\n${systemOut(warnings)}    </testcase>` : `${head}/>`;
    });
    const failures = summary.checks.filter((c) =>
      summary.violations.some(
        (v) => v.operationId === op.operationId && v.check === c && v.severity === "error",
      ),
    ).length;
    const skipped = summary.checks.filter(
      (c) =>
        !(op.checks[c]?.applied ?? 0) &&
        !summary.violations.some(
          (v) => v.operationId === op.operationId && v.check === c && v.severity === "error",
        ),
    ).length;
    const time = (seconds[op.operationId] ?? 0).toFixed(3);
    const xml = `  <testsuite name="${attr(op.operationId)}" tests="${summary.checks.length}" failures="${failures}" errors="0" skipped="${skipped}" time="${time}">\n${cases.join("\n")}\n  </testsuite>`;
    return { xml, failures, skipped };
  });
  if (summary.incomplete) suites.push(incompleteSuite(summary.incomplete));
  const totals = {
    tests: summary.operations.length * summary.checks.length + (summary.incomplete ? 1 : 0),
    failures: suites.reduce((n, s) => n + s.failures, 0),
    skipped: suites.reduce((n, s) => n + s.skipped, 0),
  };
  const total = (summary.durationMs / 1000).toFixed(3);
  const props = [
    `seed=${summary.seed}`,
    `target=${summary.target}`,
    ...(summary.incomplete ? [`incomplete=${summary.incomplete}`] : []),
  ];
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<testsuites name="doku-conformance" tests="${totals.tests}" failures="${totals.failures}" errors="${summary.incomplete ? 1 : 0}" skipped="${totals.skipped}" time="${total}">`,
    `  <!-- ${props.map(comment).join(" ")} -->`,
    ...suites.map((s) => s.xml),
    `</testsuites>`,
    "",
  ].join("\n");
}

/** The suite that records a run that stopped early: one testcase in error, saying why. */
function incompleteSuite(reason: string): { xml: string; failures: number; skipped: number } {
  const message = `the run stopped before every case was sent: ${reason}`;
  const xml = [
    `  <testsuite name="doku-conformance run" tests="1" failures="0" errors="1" skipped="0" time="0">`,
    `    <testcase classname="doku-conformance.run" name="run completed" time="0">`,
    `      <error message="${attr(message)}" type="incomplete">${text(message)}</error>`,
    "    </testcase>",
    "  </testsuite>",
  ].join("\n");
  return { xml, failures: 0, skipped: 0 };
}

function detail(v: ReportedViolation): string {
  return [
    `${v.direction} ${v.pointer || "(body)"} · rule ${v.rule} · ${v.phase} case "${v.case}"${v.occurrences > 1 ? ` (${v.occurrences} cases)` : ""}`,
    `expected: ${JSON.stringify(v.expected)}`,
    `actual: ${JSON.stringify(v.actual)}`,
    v.message,
    `source: ${v.source}`,
    ...(v.curl ? [`curl: ${v.curl}`] : []),
    `rerun: ${v.rerun}`,
  ].join("\n");
}

function systemOut(warnings: ReportedViolation[]): string {
  if (warnings.length === 0) return "";
  return `      <system-out>${text(warnings.map((w) => `warning: ${detail(w)}`).join("\n\n"))}</system-out>\n`;
}

/** Escapes for an attribute value (also strips characters XML 1.0 forbids). */
function attr(value: string): string {
  return text(value).replace(/"/g, "&quot;").replace(/\n/g, "&#10;");
}

function text(value: string): string {
  return [...value]
    .map((c) => (forbidden(c.codePointAt(0) ?? 0) ? "\uFFFD" : c))
    .join("")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");
}

/** Characters XML 1.0 does not allow (controls other than tab, LF, CR; U+FFFE, U+FFFF). */
function forbidden(code: number): boolean {
  return (
    (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0xfffe || code === 0xffff
  );
}

function comment(value: string): string {
  return text(value).replace(/--/g, "- -");
}
