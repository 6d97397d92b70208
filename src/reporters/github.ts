/**
 * `--reporter github`: GitHub Actions workflow commands — one `::error` (or `::warning`) annotation per
 * violation, pointing at its replay record — and a Markdown job summary appended to $GITHUB_STEP_SUMMARY
 * (verdict, seed, the operation table, the violations with their rerun lines). Outside Actions (no
 * GITHUB_STEP_SUMMARY) only the annotations are printed.
 */
import { appendFile } from "node:fs/promises";
import { join, relative } from "node:path";
import type { ReportedViolation, RunListener, RunSummary } from "../engine/events.js";
import { duration, shown } from "./format.js";

export interface GithubOptions {
  write: (text: string) => void;
  env?: Readonly<Record<string, string | undefined>>;
  /** Annotation file paths are relative to it (the repository checkout); default process.cwd(). */
  cwd?: string;
}

/** The reporter: annotations on stdout, the summary into $GITHUB_STEP_SUMMARY, both at run-finished. */
export function githubReporter(options: GithubOptions): RunListener {
  return {
    async onEvent(event) {
      if (event.type !== "run-finished") return;
      const cwd = options.cwd ?? process.cwd();
      const fileOf = (v: ReportedViolation) =>
        v.replay ? relative(cwd, join(event.outputDir, v.replay)) : undefined;
      options.write(annotations(event.summary, fileOf));
      const target = (options.env ?? process.env).GITHUB_STEP_SUMMARY;
      if (target) await appendFile(target, stepSummary(event.summary));
    },
  };
}

/** Workflow command data: %, CR and LF escaped. */
const data = (text: string) => text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
/** Workflow command property: data escaping plus `:` and `,`. */
const property = (text: string) => data(text).replace(/:/g, "%3A").replace(/,/g, "%2C");

/** One annotation line per violation. */
export function annotations(
  summary: RunSummary,
  fileOf: (v: ReportedViolation) => string | undefined = () => undefined,
): string {
  return summary.violations
    .map((v) => {
      const file = fileOf(v);
      const props = [
        ...(file ? [`file=${property(file)}`] : []),
        `title=${property(`${v.operationId} · ${v.check} (${v.rule})`)}`,
      ].join(",");
      const body = [
        v.message,
        `where: ${v.direction} ${v.pointer || "(whole body)"}`,
        `expected: ${shown(v.expected)} · actual: ${shown(v.actual)}`,
        `source: ${v.source}`,
        `rerun: ${v.rerun}`,
      ].join("\n");
      return `::${v.severity === "error" ? "error" : "warning"} ${props}::${data(body)}\n`;
    })
    .join("");
}

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");

/** The Markdown job summary. */
export function stepSummary(summary: RunSummary): string {
  const s = summary.summary;
  const verdict =
    s.errors > 0 ? `❌ ${s.errors} violation(s)` : summary.incomplete ? "⚠️ incomplete" : "✅ conformant";
  const lines = [
    `## doku-conformance: ${verdict}`,
    "",
    `seed \`${summary.seed}\` · target \`${summary.target}\` · version ${summary.version} · ${duration(summary.durationMs)} · ${s.cases} cases (${s.passed} passed, ${s.failed} failed) · ${s.warnings} warning(s)`,
    ...(summary.incomplete ? ["", `**Run incomplete:** ${summary.incomplete}`] : []),
    "",
    "| operation | cases | passed | failed | failing checks |",
    "| --- | ---: | ---: | ---: | --- |",
    ...summary.operations.map((op) => {
      const failing = [
        ...new Set(
          summary.violations
            .filter((v) => v.operationId === op.operationId && v.severity === "error")
            .map((v) => v.check),
        ),
      ];
      return `| ${cell(op.operationId)} | ${op.cases} | ${op.passed} | ${op.failed} | ${cell(failing.join(", ") || "–")} |`;
    }),
  ];
  if (summary.violations.length > 0) {
    lines.push("", "### Violations", "");
    for (const v of summary.violations) {
      lines.push(
        `- **${v.severity === "error" ? "✗" : "!"} ${cell(v.operationId)} · ${cell(v.check)}** \`${cell(v.rule)}\` at \`${cell(v.direction)} ${cell(v.pointer || "(whole body)")}\`: ${cell(v.message)}  `,
        `  expected \`${cell(shown(v.expected))}\`, actual \`${cell(shown(v.actual))}\` · source: ${cell(v.source)}  `,
        `  rerun: \`${cell(v.rerun)}\``,
      );
    }
  }
  return `${lines.join("\n")}\n`;
}
