/** The counts block of a report (report.json `summary`), the same for `run` and `callback`. */
import type { OperationResult, ReportedViolation, RunSummary } from "./events.js";

/** Operations, cases, passed / failed, distinct violations split by severity, requests sent. */
export function totalsOf(
  operations: readonly OperationResult[],
  violations: readonly ReportedViolation[],
  requests: number,
): RunSummary["summary"] {
  const errors = violations.filter((v) => v.severity === "error").length;
  return {
    operations: operations.length,
    cases: operations.reduce((n, op) => n + op.cases, 0),
    passed: operations.reduce((n, op) => n + op.passed, 0),
    failed: operations.reduce((n, op) => n + op.failed, 0),
    violations: violations.length,
    errors,
    warnings: violations.length - errors,
    requests,
  };
}
