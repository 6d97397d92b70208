/**
 * `--reporter console` (default): a live progress line on a TTY, quiet lines otherwise (CI logs); at the end
 * a table per operation × check, the violations grouped by operation with where / rule / expected / actual /
 * source and their curl and rerun lines, and one closing line with the seed.
 */
import type { ReportedViolation, RunEvent, RunListener, RunSummary } from "../engine/events.js";
import { duration, type Paint, paint, shown, table } from "./format.js";
import { progressLine } from "./progress.js";

export interface ConsoleOptions {
  write: (text: string) => void;
  /** Live progress and colour; false for pipes and CI. */
  tty: boolean;
  /** Colour; default `tty` unless NO_COLOR is set. */
  color?: boolean;
  /** Written files to mention at the end (report.json, junit.xml), relative paths. */
  files?: () => string[];
  /** The "rerun everything" command for a seed; default: the seed and the target only. */
  rerun?: (seed: number) => string;
}

const PROGRESS_EVERY_MS = 100;

export function consoleReporter(options: ConsoleOptions): RunListener {
  const p = paint(options.color ?? options.tty);
  let total = 0;
  let done = 0;
  let found = 0;
  let lastDraw = 0;
  let startedAt = 0;
  const draw = (operationId: string) => {
    const now = Date.now();
    if (!options.tty || now - lastDraw < PROGRESS_EVERY_MS) return;
    lastDraw = now;
    const bad = found > 0 ? p.red(`${found} with violations`) : p.green("no violations");
    const bar = progressLine({ done, total, elapsedMs: now - startedAt });
    options.write(`\r\u001b[K  ${bar} · ${bad} · ${operationId}`);
  };
  return {
    onEvent(event: RunEvent) {
      switch (event.type) {
        case "run-started":
          total = event.total;
          startedAt = Date.now();
          options.write(
            `doku-conformance run · target ${event.target} · seed ${event.seed} · ${event.operations.length} operations · phases ${event.phases.join(", ")} · ${event.total} cases planned\n`,
          );
          return;
        case "case-finished":
          done++;
          if (event.violations.some((v) => v.severity === "error")) found++;
          draw(event.operationId);
          return;
        case "run-finished":
          if (options.tty) options.write("\r\u001b[K");
          options.write(render(event.summary, p, options.files?.() ?? [], options.rerun));
          return;
        default:
          return;
      }
    },
  };
}

/** The end-of-run text. */
export function render(
  summary: RunSummary,
  p: Paint,
  files: readonly string[],
  rerun?: (seed: number) => string,
): string {
  const lines: string[] = ["", ...operationTable(summary, p)];
  const byOperation = new Map<string, ReportedViolation[]>();
  for (const v of summary.violations)
    byOperation.set(v.operationId, [...(byOperation.get(v.operationId) ?? []), v]);
  for (const [operationId, violations] of byOperation) {
    lines.push("", p.bold(operationId));
    for (const v of violations) lines.push(...violationLines(v, p));
  }
  const s = summary.summary;
  const verdict =
    s.errors > 0
      ? p.red(`${s.errors} violation${s.errors === 1 ? "" : "s"}`)
      : summary.incomplete
        ? p.yellow("incomplete")
        : p.green("conformant");
  const warnings =
    s.warnings > 0 ? `, ${p.yellow(`${s.warnings} warning${s.warnings === 1 ? "" : "s"}`)}` : "";
  lines.push(
    "",
    `${verdict}${warnings} · ${s.cases} cases (${s.passed} passed, ${s.failed} failed) · ${s.requests} requests · ${duration(summary.durationMs)} · seed ${summary.seed}`,
  );
  if (summary.incomplete) lines.push(p.yellow(`run incomplete: ${summary.incomplete}`));
  if (files.length > 0) lines.push(p.dim(`reports: ${files.join(", ")}`));
  if (s.errors > 0 || summary.incomplete)
    lines.push(
      p.dim(
        `rerun everything: ${rerun?.(summary.seed) ?? `doku-conformance run --seed ${summary.seed}${summary.target === "mock" ? "" : ` --target ${summary.target}`}`}`,
      ),
    );
  return `${lines.join("\n")}\n`;
}

function operationTable(summary: RunSummary, p: Paint): string[] {
  const rows: string[][] = [["operation", "cases", "passed", "failed", "checks"]];
  for (const op of summary.operations) {
    const failing = summary.checks.filter((c) =>
      summary.violations.some(
        (v) => v.operationId === op.operationId && v.check === c && v.severity === "error",
      ),
    );
    const applied = summary.checks.filter((c) => (op.checks[c]?.applied ?? 0) > 0);
    const notApplied = summary.checks.length - applied.length;
    // Nothing ran (unreachable target, interrupted before the first answer): neither passed nor failed.
    const status =
      failing.length > 0
        ? failing
            .map((c) => p.red(`✗ ${c} (${op.checks[c]?.failed ?? 0}/${op.checks[c]?.applied ?? 0})`))
            .join(", ")
        : applied.length === 0
          ? p.dim("no checks ran")
          : p.green(`✓ ${applied.length} checks`) +
            (notApplied > 0 ? p.dim(` (${notApplied} did not apply)`) : "");
    rows.push([op.operationId, String(op.cases), String(op.passed), String(op.failed), status]);
  }
  return table(rows, [1, 2, 3]);
}

function violationLines(v: ReportedViolation, p: Paint): string[] {
  const mark = v.severity === "error" ? p.red("✗") : p.yellow("!");
  const seen = [
    `${v.phase} case #${v.caseIndex}`,
    ...(v.occurrences > 1 ? [`${v.occurrences} cases`] : []),
    ...(v.shrunk ? ["shrunk"] : []),
  ];
  return [
    `  ${mark} ${v.check} · ${v.message}`,
    `      where:    ${v.direction} ${v.pointer || "(whole body)"} · ${v.case} (${seen.join(", ")})`,
    `      rule:     ${v.rule}`,
    `      expected: ${shown(v.expected)}`,
    `      actual:   ${shown(v.actual)}`,
    `      source:   ${v.source}`,
    ...(v.curl ? [p.dim(`      curl:     ${v.curl}`)] : []),
    p.dim(`      rerun:    ${v.rerun}`),
  ];
}
