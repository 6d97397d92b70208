/**
 * One certification's moving parts: sends a signed case, runs the checks that apply, records the outcome
 * in the engine's Recorder (same tallies and violation groups as `run`) and tells the listeners
 * (reporters) the engine's events under the engine's one event policy (engine/emitter.ts).
 */

import type { CallbackCheckContext } from "../checks/callback/context.js";
import { CALLBACK_CHECKS } from "../checks/registry.js";
import { runChecks } from "../engine/check-runner.js";
import { createEmitter, type Emitter } from "../engine/emitter.js";
import type { RunEvent, RunListener } from "../engine/events.js";
import { Recorder } from "../engine/results.js";
import type { Transport } from "../engine/transport.js";
import type { CallbackCase, CallbackExchange, CaseKind } from "../model/callback-case.js";
import type { Violation } from "../model/violation.js";
import type { SignedRequest } from "../signatures/types.js";
import { withFingerprints } from "./fingerprints.js";
import { countForged, type ForgedOutcomes } from "./forged-outcome.js";
import { sendCase } from "./send.js";

export interface Tally {
  cases: number;
  passed: number;
  failed: number;
  /** Forged kinds only: accepted / crashed / refused with a non-conforming answer. */
  forged?: ForgedOutcomes;
}

const FORGED_KINDS: readonly CaseKind[] = ["forged", "token-forged"];

export interface Checked {
  exchange: CallbackExchange;
  violations: Violation[];
}

export class CertificationSession {
  readonly recorder: Recorder;
  requests = 0;
  readonly kinds: Partial<Record<CaseKind, Tally>> = {};
  private readonly indexes = new Map<string, number>();
  private readonly events: Emitter;

  constructor(
    operationIds: readonly string[],
    private readonly transport: Transport,
    private readonly timeoutMs: number,
    listeners: readonly RunListener[],
    private readonly signal: AbortSignal | undefined,
  ) {
    this.recorder = new Recorder(operationIds);
    this.events = createEmitter(listeners);
  }

  /** Tells the listeners (a listener's error is kept for `rethrow`, the certification goes on). */
  async emit(event: RunEvent): Promise<void> {
    await this.events.emit(event);
  }

  /** Throws the first listener error, if any (after run-finished). */
  rethrow(): void {
    this.events.rethrow();
  }

  /** Sends without checking (the probe decides reachability before anything is recorded). */
  async send(url: string, c: CallbackCase, signed: SignedRequest): Promise<CallbackExchange> {
    this.requests++;
    return sendCase(
      { transport: this.transport, timeoutMs: this.timeoutMs, signal: this.signal },
      url,
      c,
      signed,
    );
  }

  /** Checks an exchange (plus any extra violations, e.g. from a pair check), records it, tells listeners. */
  async check(
    ctx: CallbackCheckContext,
    exchange: CallbackExchange,
    extra: Checked["violations"] = [],
    extraChecks: string[] = [],
  ): Promise<Checked> {
    const { violations, applied } = runChecks(CALLBACK_CHECKS, ctx, exchange);
    const all = withFingerprints([...violations, ...extra], exchange);
    const c = exchange.case;
    const key = `${c.operationId}\u0000${c.phase}`;
    const index = this.indexes.get(key) ?? 0;
    this.indexes.set(key, index + 1);
    this.recorder.record({
      operationId: c.operationId,
      phase: c.phase,
      index,
      exchange,
      violations: all,
      applied: [...applied, ...extraChecks],
    });
    const tally = this.kinds[c.kind] ?? { cases: 0, passed: 0, failed: 0 };
    this.kinds[c.kind] = tally;
    tally.cases++;
    if (all.some((v) => v.severity === "error")) tally.failed++;
    else tally.passed++;
    if (FORGED_KINDS.includes(c.kind)) tally.forged = countForged(tally.forged, exchange, all);
    await this.emit({
      type: "case-finished",
      operationId: c.operationId,
      phase: c.phase,
      index,
      exchange,
      violations: all,
    });
    return { exchange, violations: all };
  }

  /** Sends and checks. */
  async run(
    ctx: CallbackCheckContext,
    url: string,
    c: CallbackCase,
    signed: SignedRequest,
  ): Promise<Checked> {
    return this.check(ctx, await this.send(url, c, signed));
  }
}
