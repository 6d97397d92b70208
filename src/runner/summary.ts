/**
 * The end of a run: replay files for every distinct violation and the RunSummary (report.json's document).
 */

import type { ReportedViolation, RunSummary } from "../engine/events.js";
import { rerunLine, writeReplay } from "../engine/replay.js";
import type { Recorder, ViolationGroup } from "../engine/results.js";
import { totalsOf } from "../engine/totals.js";
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
    const stem = `${group.violation.operationId}-${group.violation.check}`;
    const n = (counters.get(stem) ?? 0) + 1;
    counters.set(stem, n);
    violations.push(await reported(input, group, `${stem}-${n}`));
  }
  const operations = input.recorder.operations();
  const totals = totalsOf(operations, violations, input.requests);
  const summary: RunSummary = {
    tool: "doku-conformance",
    version: input.version,
    seed: input.seed,
    target: input.target,
    startedAt: input.startedAt.toISOString(),
    durationMs: Date.now() - input.startedAt.getTime(),
    summary: totals,
    phases: [...input.phases],
    checks: [...input.checks, ...(violations.some((v) => v.check === "setup") ? ["setup"] : [])],
    exitCode: totals.errors > 0 ? 1 : input.incomplete ? 3 : 0,
    operations,
    violations,
  };
  if (input.incomplete) summary.incomplete = input.incomplete;
  return summary;
}

/** One violation group as reported: its replay file, curl line and rerun command. */
async function reported(
  input: SummaryInput,
  group: ViolationGroup,
  name: string,
): Promise<ReportedViolation> {
  const { violation, exchange, phase, index } = group;
  const rerun = rerunLine({
    seed: input.seed,
    operationId: violation.operationId,
    phase,
    target: input.target,
    cases: input.cases,
    negativeCases: input.negativeCases,
  });
  // No replay files: no curl line (it would point at files that do not exist); the CLI says so once.
  let replay: { replay?: string; curl?: string } = {};
  try {
    replay = await writeReplay(input.outputDir, input.cwd, {
      name,
      exchange,
      violation,
      seed: input.seed,
      caseIndex: index,
      rerun,
    });
  } catch {}
  return {
    ...violation,
    phase,
    case: exchange.case.label,
    caseIndex: index,
    occurrences: group.occurrences,
    shrunk: group.shrunk,
    ...(replay.replay ? { replay: replay.replay } : {}),
    ...(replay.curl ? { curl: replay.curl } : {}),
    rerun,
  };
}
