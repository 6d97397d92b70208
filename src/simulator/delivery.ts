/**
 * Delivery like DOKU's: one webhook request to the merchant, signed as DOKU (the SNAP token handshake first
 * where the family needs it), recorded with its exact bytes, the merchant's answer checked with `callback`'s
 * checks (CALLBACK_CHECKS through the engine's check runner). A notification not acknowledged with 2xx is
 * sent again on the family's schedule (x-doku-simulate retryAfterSeconds, after the original) on a clock
 * compressed by `retryScale`; a 2xx stops it. Timers are unref'd and cancelled by close().
 */
import { randomUUID } from "node:crypto";
import type { DokuRoleKeys } from "../callbacks/doku-keys.js";
import { callbackTokenOperation, type Flow } from "../callbacks/flows.js";
import { LEDGER_CHECK, ledgerViolations } from "../callbacks/ledger.js";
import { sendCase } from "../callbacks/send.js";
import { issuedToken, signTokenCase, tokenCase } from "../callbacks/token.js";
import type { CallbackCheckContext } from "../checks/callback/context.js";
import { CALLBACK_CHECKS } from "../checks/registry.js";
import { runChecks } from "../engine/check-runner.js";
import type { Transport } from "../engine/transport.js";
import type { CallbackCase, CallbackExchange } from "../model/callback-case.js";
import type { Operation, SpecBundle } from "../model/operation.js";
import type { Violation } from "../model/violation.js";
import { signRequest } from "../signatures/request-signer.js";
import { callbackScheme, SCHEMES, TOKEN_SCHEME, usesCallbackModes } from "../signatures/schemes.js";
import type { CallbackAuthMode } from "../signatures/types.js";
import { requireOperation } from "../validation/operation-lookup.js";
import type { Delivery, DeliveryCheck } from "./types.js";

export interface DeliverySettings {
  bundle: SpecBundle;
  transport: Transport;
  /** The merchant's client id and Secret Key (the mock identity): what DOKU signs with. */
  clientId: string;
  secretKey: string;
  /** The DOKU-role key pair (made on first use when generated). */
  dokuKeys: () => DokuRoleKeys;
  callbackAuth: CallbackAuthMode;
  /** The merchant's token endpoint for a SNAP family; undefined: no handshake. */
  tokenUrl: (family: string, flow: string) => string | undefined;
  ledgerUrl: string | undefined;
  timeoutMs: number;
  latencyBudgetMs: number;
  /** Multiplies DOKU's retry delays (0.001: 30 minutes become 1.8 s). */
  retryScale: number;
  /** Epoch ms. */
  clock: () => number;
  /** Called after each recorded delivery. */
  onDelivery?: (delivery: Delivery) => void;
}

/** One callback DOKU owes the merchant: the same body and idempotency key on every attempt. */
export interface Job {
  itemId: string;
  /** The simulator family (for the token URL). */
  family: string;
  flow: Flow;
  url: string;
  body: string;
  /** Non-signature headers (Content-Type, client id, Request-Id / X-EXTERNAL-ID, CHANNEL-ID, ...). */
  headers: Record<string, string>;
  retryAfterSeconds: readonly number[];
}

/** A job's last exchange, for a later manual resend (duplicate-consistent compares against it). */
export interface Sent {
  job: Job;
  exchange: CallbackExchange;
  attempt: number;
}

export class Deliverer {
  readonly log: Delivery[] = [];
  /** The last exchange of each job, by item id and flow ("<item>|<flow>"). */
  readonly last = new Map<string, Sent>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly inFlight = new Set<Promise<unknown>>();
  private closed = false;
  private seq = 0;

  constructor(private readonly s: DeliverySettings) {}

  /** Sends the original; retries follow on the schedule. Resolves with the deliveries of this attempt. */
  send(job: Job): Promise<Delivery[]> {
    return this.track(this.attempt(job, 1, undefined, this.s.clock(), undefined));
  }

  /** DOKU's manual retry (Back Office): the job's callback again, same key and body, re-signed now. */
  resend(sent: Sent): Promise<Delivery[]> {
    const now = this.s.clock();
    return this.track(
      this.attempt({ ...sent.job, retryAfterSeconds: [] }, sent.attempt + 1, undefined, now, sent),
    );
  }

  /** Cancels the scheduled retries and waits for the requests under way. */
  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await Promise.allSettled([...this.inFlight]);
  }

  /** Retries still scheduled. */
  get pending(): number {
    return this.timers.size;
  }

  private track<T>(promise: Promise<T>): Promise<T> {
    this.inFlight.add(promise);
    void promise.finally(() => this.inFlight.delete(promise)).catch(() => {});
    return promise;
  }

  private async attempt(
    job: Job,
    attempt: number,
    /** When the original was sent (retries are scheduled after it); undefined for the original itself. */
    originalAt: number | undefined,
    scheduledAt: number,
    redelivery: Sent | undefined,
  ): Promise<Delivery[]> {
    const out: Delivery[] = [];
    const { flow } = job;
    const snap = usesCallbackModes(flow.family);
    let token: string | undefined;
    const tokenUrl = snap ? this.s.tokenUrl(job.family, flow.name) : undefined;
    if (tokenUrl !== undefined) {
      const handshake = await this.handshake(job, tokenUrl, attempt, scheduledAt);
      out.push(handshake.delivery);
      token = handshake.token;
    } else if (snap && SCHEMES[this.s.callbackAuth].bearer !== "optional") {
      // No token URL: a kit-generated bearer the merchant never issued (as `callback` does).
      token = `doku-conformance-${randomUUID()}`;
    }
    const operation = requireOperation(this.s.bundle, flow.operationId);
    const target = new URL(job.url);
    const path = target.pathname + target.search;
    const c: CallbackCase = {
      operationId: operation.id,
      phase: redelivery === undefined && attempt === 1 ? "examples" : "signature",
      method: "POST",
      path,
      pathParams: {},
      headers: job.headers,
      body: JSON.parse(job.body) as unknown,
      rawBody: job.body,
      expect: { kind: "accept" },
      label: `${flow.name} for ${job.itemId}, attempt ${attempt}`,
      ...(redelivery === undefined
        ? { kind: "pinned" as const }
        : { kind: "duplicate" as const, variant: "second", group: `${job.itemId}|${flow.name}` }),
    };
    const signed = signRequest({
      auth: callbackScheme(flow.family, this.s.callbackAuth).name,
      method: "POST",
      path,
      body: job.body,
      headers: job.headers,
      credentials: {
        clientId: this.s.clientId,
        secretKey: this.s.secretKey,
        privateKey: this.s.dokuKeys().privateKey,
      },
      ...(token === undefined ? {} : { accessToken: token }),
    });
    const sentAt = this.s.clock();
    const exchange = await sendCase(
      { transport: this.s.transport, timeoutMs: this.s.timeoutMs },
      job.url,
      c,
      signed,
    );
    if (redelivery !== undefined) exchange.previous = redelivery.exchange;
    const ctx = this.checkContext(
      operation,
      flow,
      path,
      callbackScheme(flow.family, this.s.callbackAuth).name,
    );
    const { violations, applied } = runChecks(CALLBACK_CHECKS, ctx, exchange);
    const acknowledged =
      exchange.response !== undefined && exchange.response.status >= 200 && exchange.response.status < 300;
    const extra: Violation[] = [];
    const checked = [...applied];
    // A redelivery the merchant acknowledged must have been applied once, however often it arrived.
    if (this.s.ledgerUrl !== undefined && flow.kind === "notification" && acknowledged && attempt > 1) {
      checked.push(LEDGER_CHECK);
      extra.push(
        ...(await ledgerViolations(
          ctx,
          { transport: this.s.transport, ledgerUrl: this.s.ledgerUrl, timeoutMs: this.s.timeoutMs },
          exchange,
          1,
        )),
      );
    }
    const next = job.retryAfterSeconds[attempt - 1];
    const retry = !acknowledged && flow.kind === "notification" && next !== undefined && !this.closed;
    const nextAt = retry ? (originalAt ?? sentAt) + next * 1000 * this.s.retryScale : undefined;
    const delivery: Delivery = {
      id: `d${++this.seq}`,
      itemId: job.itemId,
      flow: flow.name,
      kind: flow.kind,
      attempt,
      scheduledAt: new Date(scheduledAt).toISOString(),
      sentAt: new Date(sentAt).toISOString(),
      ...exchanged(job.url, exchange, signed),
      checks: toChecks(checked, [...violations, ...extra]),
      verdict: acknowledged ? "ok" : retry ? "retry" : "failed",
      ...(nextAt === undefined ? {} : { nextAttemptAt: new Date(nextAt).toISOString() }),
    };
    this.record(delivery);
    out.push(delivery);
    this.last.set(`${job.itemId}|${flow.name}`, { job, exchange, attempt });
    if (nextAt !== undefined) {
      const timer = setTimeout(
        () => {
          this.timers.delete(timer);
          if (this.closed) return;
          void this.track(this.attempt(job, attempt + 1, originalAt ?? sentAt, nextAt, undefined)).catch(
            () => {},
          );
        },
        Math.max(0, nextAt - this.s.clock()),
      );
      timer.unref();
      this.timers.add(timer);
    }
    return out;
  }

  private async handshake(
    job: Job,
    tokenUrl: string,
    attempt: number,
    scheduledAt: number,
  ): Promise<{ delivery: Delivery; token: string | undefined }> {
    const operation = callbackTokenOperation(this.s.bundle);
    const url = new URL(tokenUrl);
    const path = url.pathname + url.search;
    const c = tokenCase(operation.id, path);
    const signed = signTokenCase(c, this.s.clientId, this.s.dokuKeys().privateKey);
    const sentAt = this.s.clock();
    const exchange = await sendCase(
      { transport: this.s.transport, timeoutMs: this.s.timeoutMs },
      tokenUrl,
      c,
      signed,
    );
    const ctx = this.checkContext(operation, job.flow, path, TOKEN_SCHEME);
    const { violations, applied } = runChecks(CALLBACK_CHECKS, ctx, exchange);
    const token = issuedToken(exchange);
    const delivery: Delivery = {
      id: `d${++this.seq}`,
      itemId: job.itemId,
      flow: "token",
      kind: "token",
      attempt,
      scheduledAt: new Date(scheduledAt).toISOString(),
      sentAt: new Date(sentAt).toISOString(),
      ...exchanged(tokenUrl, exchange, signed),
      checks: toChecks(applied, violations),
      verdict: token === undefined ? "failed" : "ok",
    };
    this.record(delivery);
    return { delivery, token };
  }

  private checkContext(
    operation: Operation,
    flow: Flow,
    target: string,
    auth: CallbackCheckContext["auth"],
  ): CallbackCheckContext {
    return {
      operation,
      auth,
      validators: this.s.bundle.validators,
      policy: { responseTimeBudgetMs: this.s.latencyBudgetMs },
      credentials: { clientId: this.s.clientId, secretKey: this.s.secretKey },
      strict: false,
      flow,
      latencyBudgetMs: this.s.latencyBudgetMs,
      target,
    };
  }

  private record(delivery: Delivery): void {
    this.log.push(delivery);
    this.s.onDelivery?.(delivery);
  }
}

/** What a Delivery records of one signed POST to `url`: duration (ms, 3 decimals), url, request, response, error. */
function exchanged(
  url: string,
  exchange: CallbackExchange,
  signed: { headers: Record<string, string>; body: string },
): Pick<Delivery, "durationMs" | "url" | "request" | "response" | "error"> {
  const { response } = exchange;
  return {
    durationMs: Math.round(exchange.durationMs * 1000) / 1000,
    url,
    request: { method: "POST", headers: signed.headers, body: signed.body },
    response:
      response === undefined
        ? null
        : { status: response.status, headers: response.headers, body: response.body },
    error: exchange.error ?? null,
  };
}

/** One entry per applied check: ok unless it found an error (conflict warnings are named, not failed). */
export function toChecks(applied: readonly string[], violations: readonly Violation[]): DeliveryCheck[] {
  const names = [...new Set([...applied, ...violations.map((v) => v.check)])];
  return names.map((name) => {
    const found = violations.filter((v) => v.check === name);
    const errors = found.filter((v) => v.severity !== "warning");
    const message = found
      .map((v) => (v.severity === "warning" ? `warning: ${v.message}` : v.message))
      .join("; ");
    return { name, ok: errors.length === 0, ...(message === "" ? {} : { message }) };
  });
}
