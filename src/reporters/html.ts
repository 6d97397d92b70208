/**
 * `--reporter html`: <output-dir>/report.html, one self-contained page (inline style and script, no
 * network, works from file://): the run's seed, target, version and duration, a summary per operation ×
 * check, filters, and every violation of report.json with the exchange behind it (secrets redacted).
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { RunListener, RunSummary } from "../engine/events.js";
import { readExchanges, type ShownExchange } from "./exchanges.js";
import { duration } from "./format.js";
import { SCRIPT, STYLE } from "./html-assets.js";
import { esc } from "./html-escape.js";
import { violationArticle } from "./html-violation.js";

export const HTML_FILE = "report.html";

/** The reporter: writes report.html at run-finished, reading each violation's replay record. */
export function htmlReporter(): RunListener {
  return {
    async onEvent(event) {
      if (event.type !== "run-finished") return;
      await writeHtmlReport(event.outputDir, event.summary, event.outputDir);
    },
  };
}

/** Writes <dir>/report.html for `summary`, whose replay paths are relative to `replayDir`. */
export async function writeHtmlReport(dir: string, summary: RunSummary, replayDir: string): Promise<void> {
  const exchanges = await readExchanges(replayDir, summary.violations);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, HTML_FILE), htmlDocument(summary, exchanges));
}

/** The whole page for a summary and the exchanges of its violations (same order). */
export function htmlDocument(summary: RunSummary, exchanges: readonly (ShownExchange | undefined)[]): string {
  const s = summary.summary;
  const verdict =
    s.errors > 0
      ? `<span class="bad">✗ ${s.errors} violation${s.errors === 1 ? "" : "s"}</span>`
      : summary.incomplete
        ? `<span class="warn">! incomplete</span>`
        : `<span class="ok">✓ conformant</span>`;
  const warnings =
    s.warnings > 0 ? `, <span class="warn">${s.warnings} warning${s.warnings === 1 ? "" : "s"}</span>` : "";
  const articles = summary.violations.map((v, i) => violationArticle(v, i, exchanges[i]));
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>doku-conformance report · seed ${summary.seed}</title><style>${STYLE}</style></head>
<body><header><h1>doku-conformance report</h1>
<p class="verdict" id="verdict">${verdict}${warnings} · ${s.cases} cases (${s.passed} passed, ${s.failed} failed) · ${s.requests} requests</p>
<dl class="facts">
<dt>seed</dt><dd id="seed">${summary.seed}</dd><dt>target</dt><dd id="target">${esc(summary.target)}</dd>
<dt>version</dt><dd id="version">${esc(summary.version)}</dd><dt>started</dt><dd>${esc(summary.startedAt)}</dd>
<dt>duration</dt><dd id="duration">${duration(summary.durationMs)}</dd><dt>phases</dt><dd>${esc(summary.phases.join(", "))}</dd>
${summary.incomplete ? `<dt>incomplete</dt><dd class="warn">${esc(summary.incomplete)}</dd>` : ""}
</dl></header>
<main><h2>Operations × checks</h2>
<p class="muted">✓ passed (cases the check applied to) · ✗ failed/applied · ! warnings · – did not apply</p>
<div class="scroll" tabindex="0" role="region" aria-label="Operations by checks">${matrix(summary)}</div>
<h2 id="violations">Violations</h2>
${summary.violations.length > 0 ? filters(summary) : `<p class="ok">No violations.</p>`}
${articles.join("\n")}
</main><script>${SCRIPT}</script></body></html>
`;
}

/** Per operation × check: ✓ applied count, ✗ failed/applied, ! warnings, – did not apply. */
function matrix(summary: RunSummary): string {
  const head = `<tr><th scope="col">operation</th><th scope="col">cases</th>${summary.checks.map((c) => `<th scope="col">${esc(c)}</th>`).join("")}</tr>`;
  const rows = summary.operations.map((op) => {
    const cells = summary.checks.map((check) => {
      const tally = op.checks[check];
      const here = summary.violations.filter((v) => v.operationId === op.operationId && v.check === check);
      const errors = here.filter((v) => v.severity === "error").length;
      const warnings = here.length - errors;
      const warn = warnings > 0 ? ` <span class="warn">! ${warnings}</span>` : "";
      if (errors > 0) return `<td class="bad">✗ ${tally?.failed ?? 0}/${tally?.applied ?? 0}${warn}</td>`;
      if (!tally || tally.applied === 0) return `<td class="muted" title="did not apply">–${warn}</td>`;
      return `<td class="ok">✓ ${tally.applied}${warn}</td>`;
    });
    return `<tr><td class="op">${esc(op.operationId)}</td><td>${op.cases}</td>${cells.join("")}</tr>`;
  });
  return `<table><thead>${head}</thead><tbody>${rows.join("")}</tbody></table>`;
}

function filters(summary: RunSummary): string {
  const distinct = (pick: (v: RunSummary["violations"][number]) => string) => [
    ...new Set(summary.violations.map(pick)),
  ];
  const select = (name: string, label: string, values: string[]) =>
    `<label>${label}<select name="${name}" id="filter-${name}"><option value="">all</option>${values.map((v) => `<option>${esc(v)}</option>`).join("")}</select></label>`;
  return `<form class="filters" id="filters" aria-label="Filter violations">
${select(
  "operation",
  "operation",
  distinct((v) => v.operationId),
)}
${select(
  "check",
  "check",
  distinct((v) => v.check),
)}
${select(
  "severity",
  "severity",
  distinct((v) => v.severity),
)}
${select(
  "phase",
  "phase",
  distinct((v) => v.phase),
)}
<button type="reset">Show all</button></form>
<p id="shown-count" role="status" aria-live="polite">${summary.violations.length} of ${summary.violations.length} violations shown</p>`;
}
