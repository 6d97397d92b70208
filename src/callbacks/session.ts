/**
 * One certification's moving parts: sends a signed case, runs the checks that apply, records the outcome
 * in the runner's Recorder (same tallies and violation groups as `run`) and tells the listeners
 * (reporters) with the runner's events.
 */
import type { Violation } from "../model/violation.js";
import type { RunEvent, RunListener } from "../engine/events.js";
import { Recorder } from "../engine/results.js";
import type { Transport } from "../engine/transport.js";
import type { SignedRequest } from "../signatures/types.js";
import type { CallbackCase, CallbackExchange, CaseKind } from "./case.js";
import type { CallbackCheckContext } from "./checks/context.js";
import { runChecks } from "./checks/index.js";
import { sendCase } from "./send.js";

export interface Tally {
  cases: number;
  passed: number;
  failed: number;
}

export interface Checked {
  exchange: CallbackExchange;
  violations: Violation[];
}

export class CertificationSession {
  readonly recorder: Recorder;
  requests = 0;
  readonly kinds: Partial<Record<CaseKind, Tally>> = {};
  private readonly indexes = new Map<string, number>();

  constructor(
    operationIds: readonly string[],
    private readonly transport: Transport,
    private readonly timeoutMs: number,
    private readonly listeners: readonly RunListener[],
    private readonly signal: AbortSignal | undefined,
  ) {
    this.recorder = new Recorder(operationIds);
  }

  async emit(event: RunEvent): Promise<void> {
    for (const listener of this.listeners) await listener.onEvent(event);
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
    const { violations, applied } = runChecks(ctx, exchange);
    const all = [...violations, ...extra];
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
