/**
 * Tallies a run: per operation × check (applied / failed), passed and failed cases, and distinct violations
 * grouped by (operation, check, direction, pointer, rule, severity). Each group keeps one representative
 * case — the earliest in (phase, index) order, so the report does not depend on scheduling.
 */
import type { Exchange, Phase } from "../model/case.js";
import type { Violation } from "../model/violation.js";
import type { OperationResult } from "./events.js";
import { PHASES } from "./phases.js";

export interface CaseOutcome {
  operationId: string;
  phase: Phase;
  index: number;
  exchange: Exchange;
  violations: Violation[];
  /** Names of the checks that applied to this exchange. */
  applied: string[];
}

export interface ViolationGroup {
  key: string;
  violation: Violation;
  exchange: Exchange;
  phase: Phase;
  index: number;
  occurrences: number;
  shrunk: boolean;
}

const order = (phase: Phase, index: number) => PHASES.indexOf(phase) * 1e9 + index;

/** Groups violations that describe the same defect. */
export function groupKey(v: Violation): string {
  return [v.operationId, v.check, v.direction, v.pointer, v.rule, v.severity, v.mutation ?? ""].join(
    "\u0000",
  );
}

export class Recorder {
  private readonly ops = new Map<string, OperationResult>();
  private readonly groups = new Map<string, ViolationGroup>();

  constructor(operationIds: readonly string[]) {
    for (const id of operationIds)
      this.ops.set(id, { operationId: id, cases: 0, passed: 0, failed: 0, checks: {} });
  }

  record(outcome: CaseOutcome): void {
    const op = this.ops.get(outcome.operationId);
    if (!op) return;
    op.cases++;
    if (outcome.violations.some((v) => v.severity === "error")) op.failed++;
    else op.passed++;
    for (const name of outcome.applied) {
      const tally = op.checks[name] ?? { applied: 0, failed: 0 };
      op.checks[name] = tally;
      tally.applied++;
      if (outcome.violations.some((v) => v.check === name)) tally.failed++;
    }
    for (const violation of outcome.violations) {
      const key = groupKey(violation);
      const seen = this.groups.get(key);
      if (!seen) {
        this.groups.set(key, {
          key,
          violation,
          exchange: outcome.exchange,
          phase: outcome.phase,
          index: outcome.index,
          occurrences: 1,
          shrunk: false,
        });
        continue;
      }
      seen.occurrences++;
      if (order(outcome.phase, outcome.index) < order(seen.phase, seen.index)) {
        Object.assign(seen, {
          violation,
          exchange: outcome.exchange,
          phase: outcome.phase,
          index: outcome.index,
        });
      }
    }
  }

  /** Where a group's representative case is (operation, phase, index); undefined for an unknown group. */
  representative(key: string): { operationId: string; phase: Phase; index: number } | undefined {
    const group = this.groups.get(key);
    return group && { operationId: group.violation.operationId, phase: group.phase, index: group.index };
  }

  /** Distinct violations in operation order, then check, pointer, rule. */
  violationGroups(): ViolationGroup[] {
    const ids = [...this.ops.keys()];
    return [...this.groups.values()].sort(
      (a, b) =>
        ids.indexOf(a.violation.operationId) - ids.indexOf(b.violation.operationId) ||
        a.violation.check.localeCompare(b.violation.check) ||
        a.violation.pointer.localeCompare(b.violation.pointer) ||
        a.violation.rule.localeCompare(b.violation.rule),
    );
  }

  /** Replaces a group's representative with its shrunk case. */
  shrunk(key: string, outcome: CaseOutcome): void {
    const group = this.groups.get(key);
    const violation = outcome.violations.find((v) => groupKey(v) === key);
    if (!group || !violation) return;
    Object.assign(group, { violation, exchange: outcome.exchange, shrunk: true });
  }

  operations(): OperationResult[] {
    return [...this.ops.values()];
  }
}
