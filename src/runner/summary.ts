/**
 * The end of a run: replay files for every distinct violation and the RunSummary (report.json's document).
 */

import type { ReportedViolation, RunSummary } from "../engine/events.js";
import { curlLine, rerunLine, writeReplay } from "../engine/replay.js";
import type { Recorder } from "../engine/results.js";
import type { Phase } from "../model/case.js";

export interface SummaryInput {
  recorder: Recorder;
  version: string;
  seed: number;
  target: string;
  cases: number;
  negativeCases: number;
  phases: readonly Phase[];
  checks: readonly string[];
  startedAt: Date;
  outputDir: string;
  cwd: string;
  requests: number;
  incomplete?: string;
}

/** Writes replays (when there are violations) and returns the summary. */
export async function summarize(input: SummaryInput): Promise<RunSummary> {
  const violations: ReportedViolation[] = [];
  const counters = new Map<string, number>();
  for (const group of input.recorder.violationGroups()) {
    const { violation, exchange, phase, index } = group;
    const rerun = rerunLine({
      seed: input.seed,
      operationId: violation.operationId,
      phase,
      target: input.target,
      cases: input.cases,
      negativeCases: input.negativeCases,
    });
    const stem = `${violation.operationId}-${violation.check}`;
    const n = (counters.get(stem) ?? 0) + 1;
    counters.set(stem, n);
    let replay: { replay: string; curl: string };
    try {
      replay = await writeReplay(input.outputDir, input.cwd, {
        name: `${stem}-${n}`,
        exchange,
        violation,
        seed: input.seed,
        caseIndex: index,
        rerun,
      });
    } catch {
      replay = {
        replay: "",
        curl: curlLine(exchange.request.method, exchange.request.url, "(replay not written)", undefined),
      };
    }
    violations.push({
      ...violation,
      phase,
      case: exchange.case.label,
      caseIndex: index,
      occurrences: group.occurrences,
      shrunk: group.shrunk,
      ...(replay.replay ? { replay: replay.replay } : {}),
      curl: replay.curl,
      rerun,
    });
  }
  const operations = input.recorder.operations();
  const errors = violations.filter((v) => v.severity === "error").length;
  const summary: RunSummary = {
    tool: "doku-conformance",
    version: input.version,
    seed: input.seed,
    target: input.target,
    startedAt: input.startedAt.toISOString(),
    durationMs: Date.now() - input.startedAt.getTime(),
    summary: {
      operations: operations.length,
      cases: operations.reduce((n, op) => n + op.cases, 0),
      passed: operations.reduce((n, op) => n + op.passed, 0),
      failed: operations.reduce((n, op) => n + op.failed, 0),
      violations: violations.length,
      errors,
      warnings: violations.length - errors,
      requests: input.requests,
    },
    phases: [...input.phases],
    checks: [...input.checks, ...(violations.some((v) => v.check === "setup") ? ["setup"] : [])],
    exitCode: errors > 0 ? 1 : input.incomplete ? 3 : 0,
    operations,
    violations,
  };
  if (input.incomplete) summary.incomplete = input.incomplete;
  return summary;
}
