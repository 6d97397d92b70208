/**
 * One violation in the HTML report: an <article> carrying its operation, check, severity and phase as
 * data attributes (the filters read them), the fields of report.json (pointer, rule, expected, actual,
 * message, source as a link, conflict), the exchange behind it and copy buttons for its curl and rerun lines.
 */
import type { ReportedViolation } from "../engine/events.js";
import type { ShownExchange, ShownMessage } from "./exchanges.js";
import { esc, linked, shownValue } from "./html-escape.js";

/** The <article> of violation number `n` (its index in report.json's `violations`). */
export function violationArticle(
  v: ReportedViolation,
  n: number,
  exchange: ShownExchange | undefined,
): string {
  const mark = v.severity === "error" ? "✗ error" : "! warning";
  const seen = [
    `${v.phase} case #${v.caseIndex}`,
    ...(v.occurrences > 1 ? [`${v.occurrences} cases`] : []),
    ...(v.shrunk ? ["shrunk"] : []),
  ].join(", ");
  const field = (name: string, label: string, html: string) =>
    `<dt>${label}</dt><dd data-field="${name}">${html}</dd>`;
  const conflict = v.conflict
    ? field("conflict", "conflict", `${esc(v.conflict.id)}: <span>${esc(v.conflict.alternative)}</span>`)
    : "";
  return `<article class="violation ${v.severity}" id="v${n}" data-index="${n}" data-operation="${esc(v.operationId)}" data-check="${esc(v.check)}" data-severity="${v.severity}" data-phase="${esc(v.phase)}">
<h3><span class="${v.severity === "error" ? "bad" : "warn"}">${mark}</span> · <span data-field="operationId">${esc(v.operationId)}</span> · <span data-field="check">${esc(v.check)}</span></h3>
<p data-field="message">${esc(v.message)}</p>
<dl>
${field("pointer", "where", `<code>${esc(v.direction)} ${esc(v.pointer || "(whole body)")}</code>`)}
${field("rule", "rule", `<code>${esc(v.rule)}</code>`)}
${field("expected", "expected", `<code>${esc(shownValue(v.expected))}</code>`)}
${field("actual", "actual", `<code>${esc(shownValue(v.actual))}</code>`)}
${field("source", "source", linked(v.source))}
${conflict}
${field("case", "case", `${esc(v.case)} <span class="muted">(${esc(seen)})</span>`)}
</dl>
${copyLine(`curl-${n}`, "curl", v.curl)}
${copyLine(`rerun-${n}`, "rerun", v.rerun)}
${exchange ? exchangeDetails(exchange) : `<p class="muted">No recorded exchange (replay not written).</p>`}
</article>`;
}

function copyLine(id: string, label: string, text: string | undefined): string {
  if (!text) return "";
  return `<div class="line"><pre id="${id}" aria-label="${label} line">${esc(text)}</pre><button type="button" data-copy="${id}" data-label="Copy ${label}">Copy ${label}</button></div>`;
}

function exchangeDetails(x: ShownExchange): string {
  return `<details><summary>Request and response <span class="muted">(${Math.round(x.durationMs)} ms)</span></summary>
${message("Request", x.request)}
${message("Response", x.response)}
</details>`;
}

function message(title: string, m: ShownMessage): string {
  const headers = Object.entries(m.headers)
    .map(([k, value]) => `${k}: ${value}`)
    .join("\n");
  const body = m.body === "" ? "(empty body)" : m.body;
  return `<h4>${title}</h4><pre>${esc(m.line)}\n${esc(headers)}</pre><pre>${esc(body)}</pre>`;
}
