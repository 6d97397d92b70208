/**
 * The certification as text: the verdict line, what was sent per case kind, each distinct violation
 * (check, pointer, rule, expected / actual, message, source, how to reproduce) and the notes on what was
 * not tested. Pure: returns a string; the CLI prints it.
 */
import type { CaseKind } from "./case.js";
import type { CertificationSummary } from "./summary.js";

const KIND_LABEL: Readonly<Record<CaseKind, string>> = {
  example: "spec examples",
  boundary: "boundary values",
  property: "generated (property)",
  pinned: "--body callback",
  forged: "forged (must be refused)",
  "byte-variant": "byte variants (must be accepted)",
  duplicate: "redelivery pair",
  token: "token handshake",
  "token-forged": "forged token requests",
};

const show = (value: unknown) => JSON.stringify(value) ?? "undefined";

/** The one-line verdict. */
export function verdictLine(s: CertificationSummary): string {
  const where = `${s.target} (${s.flow}${s.callbackAuth ? `, ${s.callbackAuth}` : ""})`;
  if (s.exitCode === 3) return `NOT CERTIFIED: ${s.incomplete ?? "the endpoint could not be tested"}`;
  if (s.exitCode === 1) {
    return `NOT CERTIFIED: ${where} failed ${s.summary.errors} check${s.summary.errors === 1 ? "" : "s"} (${s.summary.failed} of ${s.summary.cases} cases)${s.incomplete ? `; ${s.incomplete}` : ""}`;
  }
  const warn =
    s.summary.warnings > 0 ? `, ${s.summary.warnings} warning${s.summary.warnings === 1 ? "" : "s"}` : "";
  return `CERTIFIED: ${where} passed every check on ${s.summary.cases} cases${warn}`;
}

export function renderCertification(s: CertificationSummary): string {
  const lines = [
    `doku-conformance callback ${s.flow} -> ${s.target}  seed ${s.seed}  token: ${s.tokenSource}`,
  ];
  for (const [kind, tally] of Object.entries(s.kinds)) {
    if (!tally) continue;
    const label = KIND_LABEL[kind as CaseKind] ?? kind;
    lines.push(
      `  ${label.padEnd(34)} ${String(tally.cases).padStart(4)} sent, ${tally.passed} passed, ${tally.failed} failed`,
    );
  }
  for (const v of s.violations) {
    lines.push("");
    lines.push(
      `${v.severity.toUpperCase()} ${v.check}  ${v.operationId}  ${v.pointer || "(body)"}  ${v.rule}`,
    );
    lines.push(`  ${v.message}`);
    lines.push(
      `  expected ${show(v.expected)}, actual ${show(v.actual)}; ${v.occurrences} case${v.occurrences === 1 ? "" : "s"}, first: ${v.case}`,
    );
    if (v.conflict) lines.push(`  conflict ${v.conflict.id}: ${v.conflict.alternative}`);
    lines.push(`  source: ${v.source}`);
    if (v.curl) lines.push(`  replay: ${v.curl}`);
  }
  if (s.notes.length > 0) {
    lines.push("", "Notes:");
    for (const note of s.notes) lines.push(`  - ${note}`);
  }
  lines.push("", verdictLine(s), `rerun: ${s.rerun}`);
  return `${lines.join("\n")}\n`;
}
