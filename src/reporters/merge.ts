/**
 * `report merge`: one RunSummary from the report.json files of a sharded run (`run --shard i/n`). Shards
 * must come from the same run — same tool, seed, version, target and phases — and hold disjoint
 * operations; otherwise a UsageError names the field and the two files. Operations follow `specOrder`
 * (the operation table; the unsplit run's order) or else the shards' order; violations are re-sorted as
 * one run sorts them.
 */
import type { ReportedViolation, RunSummary } from "../engine/events.js";
import { totalsOf } from "../engine/totals.js";
import { UsageError } from "../model/errors.js";

/** A shard's report and the file it came from (named in errors). */
export interface Shard {
  file: string;
  summary: RunSummary;
}

const IDENTITY = ["tool", "seed", "version", "target", "phases"] as const;

/** The merged summary; UsageError for shards of different runs or overlapping shards. */
export function mergeReports(shards: readonly Shard[], specOrder: readonly string[] = []): RunSummary {
  const first = shards[0];
  if (first === undefined) throw new UsageError("report merge needs at least one report.json");
  for (const shard of shards.slice(1)) {
    for (const key of IDENTITY) {
      const a = JSON.stringify(first.summary[key]);
      const b = JSON.stringify(shard.summary[key]);
      if (a !== b)
        throw new UsageError(
          `report merge: ${shard.file} is from a different run than ${first.file} (${key} ${b} vs ${a}); merge only the shards of one run`,
        );
    }
  }
  const owner = new Map<string, string>();
  for (const { file, summary } of shards) {
    for (const op of summary.operations) {
      const seen = owner.get(op.operationId);
      if (seen !== undefined)
        throw new UsageError(`report merge: operation ${op.operationId} is in both ${seen} and ${file}`);
      owner.set(op.operationId, file);
    }
  }
  const rank = (id: string) => (specOrder.includes(id) ? specOrder.indexOf(id) : specOrder.length);
  const operations = shards
    .flatMap((s) => s.summary.operations)
    .sort((a, b) => rank(a.operationId) - rank(b.operationId));
  const order = operations.map((op) => op.operationId);
  const violations = sortViolations(
    shards.flatMap((s) => s.summary.violations),
    order,
  );
  const requests = shards.reduce((n, s) => n + s.summary.summary.requests, 0);
  const totals = totalsOf(operations, violations, requests);
  const start = Math.min(...shards.map((s) => Date.parse(s.summary.startedAt)));
  const end = Math.max(...shards.map((s) => Date.parse(s.summary.startedAt) + s.summary.durationMs));
  const incomplete = shards
    .filter((s) => s.summary.incomplete)
    .map((s) => `${s.file}: ${s.summary.incomplete}`)
    .join("; ");
  const merged: RunSummary = {
    ...first.summary,
    startedAt: new Date(start).toISOString(),
    durationMs: end - start,
    summary: totals,
    checks: union(shards.map((s) => s.summary.checks)),
    exitCode: totals.errors > 0 ? 1 : incomplete ? 3 : 0,
    operations,
    violations,
  };
  delete merged.incomplete;
  if (incomplete) merged.incomplete = incomplete;
  return merged;
}

/** As the recorder orders them: operation order, then check, pointer, rule. */
function sortViolations(violations: ReportedViolation[], order: readonly string[]): ReportedViolation[] {
  return [...violations].sort(
    (a, b) =>
      order.indexOf(a.operationId) - order.indexOf(b.operationId) ||
      a.check.localeCompare(b.check) ||
      a.pointer.localeCompare(b.pointer) ||
      a.rule.localeCompare(b.rule),
  );
}

/** Every name once, in first-seen order ("setup" stays last when a shard added it). */
function union(lists: readonly (readonly string[])[]): string[] {
  const all = [...new Set(lists.flat())];
  return [...all.filter((c) => c !== "setup"), ...all.filter((c) => c === "setup")];
}
