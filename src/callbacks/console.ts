/**
 * The console reporter for a certification: a thin adapter over the runner's console reporter. The table
 * per operation × check and the violation blocks are the runner's (src/reporters/console.ts `render`);
 * this adds the callback header, what was sent per case kind, the notes on what was not tested, and the
 * one-line verdict, and replaces the runner's "rerun everything" line with the callback rerun line.
 */

import type { RunEvent, RunListener } from "../engine/events.js";
import type { CaseKind } from "../model/callback-case.js";
import { render } from "../reporters/console.js";
import { type Paint, paint } from "../reporters/format.js";
import { describeForged } from "./forged-outcome.js";
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
  "token-forged": "forged token requests (must be refused)",
};

/** The one-line verdict. */
export function verdictLine(s: CertificationSummary): string {
  const where = `${s.target} (${s.flow}${s.callbackAuth ? `, ${s.callbackAuth}` : ""})`;
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? "" : "s"}`;
  if (s.exitCode === 3) return `NOT CERTIFIED: ${s.incomplete ?? "the endpoint could not be tested"}`;
  if (s.exitCode === 1) {
    const cause = s.incomplete ? `; ${s.incomplete}` : "";
    return `NOT CERTIFIED: ${where}: ${plural(s.summary.errors, "violation")} in ${s.summary.failed} of ${plural(s.summary.cases, "case")}${cause}`;
  }
  const warn = s.summary.warnings > 0 ? ` (${plural(s.summary.warnings, "warning")})` : "";
  return `CERTIFIED: ${where} passed every check on ${plural(s.summary.cases, "case")}${warn}`;
}

/** The end-of-certification text: kinds, the runner's table and violations, notes, verdict, rerun. */
export function renderCertification(s: CertificationSummary, p: Paint, files: readonly string[]): string {
  const lines = Object.keys(s.kinds).length > 0 ? ["", "sent:"] : [];
  for (const [kind, tally] of Object.entries(s.kinds)) {
    if (!tally) continue;
    const label = KIND_LABEL[kind as CaseKind] ?? kind;
    const failed = tally.forged ? describeForged(tally.forged) : `${tally.failed} failed`;
    lines.push(
      `  ${label.padEnd(40)} ${String(tally.cases).padStart(4)} sent · ${tally.passed} passed · ${failed}`,
    );
  }
  const runner = render(s, p, files)
    .split("\n")
    .filter((line) => !line.includes("rerun everything: doku-conformance run"));
  lines.push(...runner.filter((line, i) => !(i === runner.length - 1 && line === "")));
  if (s.notes.length > 0) lines.push("notes:", ...s.notes.map((n) => `  - ${n}`));
  const verdict = verdictLine(s);
  lines.push(s.exitCode === 0 ? p.green(verdict) : p.red(verdict), p.dim(`rerun: ${s.rerun}`));
  return `${lines.join("\n")}\n`;
}

export interface CallbackConsoleOptions {
  write: (text: string) => void;
  tty: boolean;
  color?: boolean;
  files?: () => string[];
}

/** A RunListener printing the certification: a header, progress on a TTY, the end text. */
export function callbackConsoleReporter(options: CallbackConsoleOptions): RunListener {
  const p = paint(options.color ?? options.tty);
  let total = 0;
  let done = 0;
  return {
    onEvent(event: RunEvent) {
      if (event.type === "run-started") {
        total = event.total;
        options.write(
          `doku-conformance callback · ${event.target} · seed ${event.seed} · ${event.total} requests planned\n`,
        );
      } else if (event.type === "case-finished") {
        done++;
        if (options.tty)
          options.write(`\r\u001b[K  ${done}/${total} · ${event.exchange.case.label.slice(0, 70)}`);
      } else if (event.type === "run-finished") {
        if (options.tty) options.write("\r\u001b[K");
        options.write(renderCertification(event.summary as CertificationSummary, p, options.files?.() ?? []));
      }
    },
  };
}
