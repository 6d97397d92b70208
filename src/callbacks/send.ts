/**
 * Sends one signed request to the merchant and records the exchange: the exact bytes sent, what came back
 * or the transport error, and how long it took. Uses the runner's transport (injectable).
 */

import { type Transport, TransportFailure } from "../engine/transport.js";
import type { CallbackCase, CallbackExchange } from "../model/callback-case.js";
import type { SentRequest } from "../model/case.js";
import type { HttpMethod } from "../model/operation.js";
import type { SignedRequest } from "../signatures/types.js";

export interface SendContext {
  transport: Transport;
  timeoutMs: number;
  signal?: AbortSignal | undefined;
  /** Monotonic clock for durations; default performance.now. */
  clock?: () => number;
}

/** The request as it goes on the wire to `url` (the merchant URL given, never rewritten). */
export function sentRequest(url: string, signed: SignedRequest): SentRequest {
  return { method: signed.method as HttpMethod, url, headers: signed.headers, body: signed.body };
}

/** Sends and records; a transport failure is recorded in `error` (and `fatal` when unreachable), never thrown. */
export async function sendCase(
  ctx: SendContext,
  url: string,
  c: CallbackCase,
  signed: SignedRequest,
): Promise<CallbackExchange> {
  const clock = ctx.clock ?? (() => performance.now());
  const request = sentRequest(url, signed);
  const started = clock();
  try {
    const response = await ctx.transport.send(request, { timeoutMs: ctx.timeoutMs, signal: ctx.signal });
    return { case: c, request, response, durationMs: clock() - started };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const message = error instanceof Error ? error.message : String(error);
    const text = typeof code === "string" && !message.includes(code) ? `${code}: ${message}` : message;
    const fatal = error instanceof TransportFailure && error.fatal;
    return { case: c, request, error: text, durationMs: clock() - started, ...(fatal ? { fatal } : {}) };
  }
}
