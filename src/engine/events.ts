/**
 * What a run tells the world: events out, reporters subscribe (console, json, junit live in src/reporters).
 * The RunSummary is the report.json document (CONTRACT.md shape, extended).
 */
import type { Exchange, Phase } from "../model/case.js";
import type { Violation } from "../model/violation.js";

/** One distinct violation of the run, with what reproduces it. */
export interface ReportedViolation extends Violation {
  phase: Phase;
  /** Label of the (shrunk, when shrinking succeeded) case that shows it. */
  case: string;
  /** Index of the case within its operation and phase (stable for a seed). */
  caseIndex: number;
  /** How many cases of the run showed the same (operation, check, direction, pointer, rule). */
  occurrences: number;
  /** True when the case shown is a shrunk version of the first failing one. */
  shrunk: boolean;
  /** Replay record, relative to the output directory ("replays/....json"). */
  replay?: string;
  /** A curl line re-sending the exact request (headers and body from the replay files). */
  curl?: string;
  /** The command that regenerates the same cases. */
  rerun: string;
}

export interface CheckTally {
  /** Cases the check applied to. */
  applied: number;
  /** Of those, cases with at least one violation from this check. */
  failed: number;
}

export interface OperationResult {
  operationId: string;
  cases: number;
  passed: number;
  failed: number;
  checks: Record<string, CheckTally>;
}

export interface RunSummary {
  tool: "doku-conformance";
  version: string;
  seed: number;
  target: string;
  startedAt: string;
  durationMs: number;
  summary: {
    operations: number;
    cases: number;
    passed: number;
    failed: number;
    /** Distinct violations (the length of `violations`). */
    violations: number;
    errors: number;
    warnings: number;
    /** Every request sent, including token, setup and shrinking requests. */
    requests: number;
  };
  phases: Phase[];
  /** The checks that ran, in report order ("setup" is added when a prerequisite failed). */
  checks: string[];
  /** Set when the run stopped early: "interrupted" (SIGINT) or "target unreachable: ...". */
  incomplete?: string;
  /** 0 conformant, 1 error violations, 3 incomplete without error violations (CONTRACT.md). */
  exitCode: 0 | 1 | 3;
  operations: OperationResult[];
  violations: ReportedViolation[];
}

export type RunEvent =
  | {
      type: "run-started";
      seed: number;
      target: string;
      operations: string[];
      phases: Phase[];
      /** --cases. */
      cases: number;
      /** Planned cases in this run. */
      total: number;
      startedAt: string;
      outputDir: string;
    }
  | { type: "operation-started"; operationId: string }
  | {
      type: "case-finished";
      operationId: string;
      phase: Phase;
      index: number;
      exchange: Exchange;
      violations: Violation[];
    }
  | { type: "shrunk"; operationId: string; check: string; steps: number; from: string; to: string }
  | { type: "run-finished"; summary: RunSummary; outputDir: string };

/** A subscriber. `onEvent` may return a promise; the runner awaits it for run-finished (files written). */
export interface RunListener {
  onEvent(event: RunEvent): void | Promise<void>;
}
