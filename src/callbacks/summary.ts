/**
 * The certification summary: the runner's RunSummary (so the console, json and junit reporters and
 * report.json keep one shape) plus what is specific to a callback certification — the flow, how DOKU
 * authenticated, the DOKU-role public key, tallies per case kind, and notes on what was not tested.
 * Each distinct violation gets a replay record and a curl line (runner/replay.ts).
 */

import { CALLBACK_CHECKS } from "../checks/registry.js";
import type { ReportedViolation, RunSummary } from "../engine/events.js";
import { shellQuote, writeReplay } from "../engine/replay.js";
import { totalsOf } from "../engine/totals.js";
import { type CaseKind, PHASE_OF } from "../model/callback-case.js";
import type { CallbackAuthMode } from "../signatures/types.js";
import type { FlowName } from "./flows.js";
import type { TokenSource } from "./plan.js";
import type { CertificationSession, Tally } from "./session.js";

export interface CertificationSummary extends RunSummary {
  flow: FlowName;
  /** SNAP flows: the --callback-auth mode used. */
  callbackAuth?: CallbackAuthMode;
  /** Where the bearer token came from: handshake, given (--access-token), kit (generated), none. */
  tokenSource: TokenSource;
  /** The DOKU-role public key (SPKI PEM) the merchant verified against. */
  dokuPublicKeyPem: string;
  /** Cases and outcomes per case kind (example, property, forged, byte-variant, duplicate, token ...). */
  kinds: Partial<Record<CaseKind, Tally>>;
  /** What was not sent or could not be observed, and why. */
  notes: string[];
  /** The command line that re-runs this certification. */
  rerun: string;
}

/** Every check name a certification can report, in report order (the ledger probe last). */
export const CHECK_ORDER: readonly string[] = [...CALLBACK_CHECKS.map((c) => c.name), "ledger"];

/** The command line that re-runs the same certification (same seed, same generated bodies). */
export function callbackRerunLine(parts: {
  url: string;
  flow: FlowName;
  seed: number;
  tokenUrl?: string | undefined;
  callbackAuth?: CallbackAuthMode | undefined;
  cases: number;
  /** Flags only the caller knows (file paths: --body, --doku-private-key), as flag/value pairs. */
  extra?: readonly (readonly [string, string])[] | undefined;
}): string {
  return [
    "doku-conformance callback",
    `--url ${shellQuote(parts.url)}`,
    `--flow ${parts.flow}`,
    `--seed ${parts.seed}`,
    ...(parts.tokenUrl ? [`--token-url ${shellQuote(parts.tokenUrl)}`] : []),
    ...(parts.callbackAuth ? [`--callback-auth ${parts.callbackAuth}`] : []),
    ...(parts.cases === 20 ? [] : [`--cases ${parts.cases}`]),
    ...(parts.extra ?? []).map(([flag, value]) => `${flag} ${shellQuote(value)}`),
  ].join(" ");
}

export interface SummaryInput {
  session: CertificationSession;
  base: Omit<
    CertificationSummary,
    | "summary"
    | "phases"
    | "checks"
    | "exitCode"
    | "operations"
    | "violations"
    | "kinds"
    | "durationMs"
    | "rerun"
  >;
  startedMs: number;
  rerun: string;
  outputDir: string | undefined;
  cwd: string;
  incomplete?: { reason: string; exitCode: 1 | 3 };
}

/** Builds the summary; writes one replay per distinct violation when `outputDir` is set. */
export async function buildSummary(input: SummaryInput): Promise<CertificationSummary> {
  const { session } = input;
  const violations: ReportedViolation[] = [];
  for (const [i, group] of session.recorder.violationGroups().entries()) {
    const reported: ReportedViolation = {
      ...group.violation,
      phase: group.phase,
      case: group.exchange.case.label,
      caseIndex: group.index,
      occurrences: group.occurrences,
      shrunk: false,
      rerun: input.rerun,
    };
    if (input.outputDir !== undefined) {
      const name = `${String(i + 1).padStart(3, "0")}-${group.violation.operationId}-${group.violation.check}`;
      // Unwritable replays: no replay, no curl line (the CLI says so once).
      const replay = await writeReplay(input.outputDir, input.cwd, {
        name,
        exchange: group.exchange,
        violation: group.violation,
        seed: input.base.seed,
        caseIndex: group.index,
        rerun: input.rerun,
      }).catch(() => ({}));
      Object.assign(reported, replay);
    }
    violations.push(reported);
  }
  const operations = session.recorder.operations().filter((op) => op.cases > 0);
  const totals = totalsOf(operations, violations, session.requests);
  const phases = [...new Set((Object.keys(session.kinds) as CaseKind[]).map((k) => PHASE_OF[k]))];
  const exitCode = totals.errors > 0 ? 1 : (input.incomplete?.exitCode ?? 0);
  return {
    ...input.base,
    durationMs: Math.round(performance.now() - input.startedMs),
    summary: totals,
    phases,
    checks: CHECK_ORDER.filter((name) => operations.some((op) => op.checks[name] !== undefined)),
    ...(input.incomplete ? { incomplete: input.incomplete.reason } : {}),
    exitCode,
    operations,
    violations,
    kinds: session.kinds,
    rerun: input.rerun,
  };
}
