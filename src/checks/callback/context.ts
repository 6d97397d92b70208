/**
 * What a callback check sees: the runner's CheckContext (operation, validators, policy, credentials) plus
 * the flow, the latency budget and the options that change severities. Checks are small pure functions
 * `(ctx, exchange) => Violation[]` like the runner's; pair checks look at two exchanges (a redelivery).
 */

import type { CallbackExchange } from "../../model/callback-case.js";
import type { Violation } from "../../model/violation.js";
import type { SignatureAuth } from "../../signatures/types.js";
import type { CheckContext } from "../check.js";

/** What a check needs to know of the flow (callbacks/flows.ts `Flow` has this shape and more). */
export interface CheckedFlow {
  /** SNAP callbacks carry X-EXTERNAL-ID, non-SNAP ones Request-Id. */
  family: "snap" | "non-snap";
  /** An inquiry answer carries data (a bill); a notification answer only acknowledges. */
  kind: "inquiry" | "notification";
}

export interface CallbackCheckContext extends CheckContext {
  flow: CheckedFlow;
  /** How the requests of this operation were signed (the flow's scheme; snap-asymmetric-token for the handshake). */
  auth: SignatureAuth;
  /** Kit policy: a merchant answer slower than this is a `latency` violation (DOKU documents no timeout). */
  latencyBudgetMs: number;
  /** --strict: conflict warnings count as errors. */
  strict: boolean;
  /** Request-Target of the callbacks (the merchant URL's path): the non-SNAP response signature covers it. */
  target: string;
  /** The first genuine callback's exchange (the probe): byte variants of it must be answered the same way. */
  baseline?: CallbackExchange;
  /** False while no genuine compact callback has been taken as authentic (set by the driver as it plays). */
  genuineAccepted?: boolean;
}

export type CallbackCheck = (ctx: CallbackCheckContext, exchange: CallbackExchange) => Violation[];

/** True for cases the merchant must treat as genuine DOKU callbacks. */
export function isGenuine(exchange: CallbackExchange): boolean {
  return exchange.case.expect.kind === "accept";
}

/** What an answer says, for comparing two answers: status plus responseCode or inquiry status. */
export function outcome(exchange: CallbackExchange): string {
  const response = exchange.response;
  if (!response) return `no answer (${exchange.error ?? "unknown"})`;
  const json = response.json as
    | { responseCode?: unknown; virtual_account_inquiry?: { status?: unknown } }
    | undefined;
  const code = json?.responseCode ?? json?.virtual_account_inquiry?.status;
  return typeof code === "string" ? `${response.status} ${code}` : String(response.status);
}

/** True when the answer is a success: 2xx and, when there is a SNAP responseCode, one starting with 2. */
export function isSuccess(exchange: CallbackExchange): boolean {
  const response = exchange.response;
  if (!response || response.status < 200 || response.status >= 300) return false;
  const code = (response.json as { responseCode?: unknown } | undefined)?.responseCode;
  return typeof code !== "string" || code.startsWith("2");
}

/** A refusal as unauthorized: 401, or 403 where the operation does not document 403 (SNAP inquiry: expired bill). */
export function isAuthRefusal(ctx: Pick<CallbackCheckContext, "operation">, status: number): boolean {
  if (status === 401) return true;
  return status === 403 && !ctx.operation.responses.some((r) => r.status === "403");
}
