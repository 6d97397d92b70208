/**
 * One run's moving parts, shared by the scheduler, the case runner, setup and shrinking: the target, the
 * transport behind the limiter, the token session, the request ids, the checks and their context.
 */
import type { CheckContext, CheckEntry } from "../checks/check.js";
import type { Limiter } from "../engine/limiter.js";
import { type Transport, TransportFailure } from "../engine/transport.js";
import type { Exchange, SentRequest } from "../model/case.js";
import type { Operation } from "../model/operation.js";
import type { ResolvedOptions } from "./options.js";
import type { IdSource } from "./request.js";
import type { TokenSession } from "./session.js";
import type { ResolvedTarget } from "./target.js";

export interface Runtime {
  options: ResolvedOptions;
  target: ResolvedTarget;
  transport: Transport;
  limiter: Limiter;
  ids: IdSource;
  /** Present when a selected operation is SNAP transactional. */
  tokens?: TokenSession;
  checks: readonly CheckEntry[];
  contextFor(operation: Operation): CheckContext;
  /** Every request sent (cases, tokens, setup, shrinking). */
  requests: number;
  /** Requests that got an HTTP answer. */
  answered: number;
  /** Shared prerequisites by key, sent once (PlannedCase.sharedPrerequisite). */
  shared: Map<string, Promise<Exchange>>;
  /** Aborted when the run must stop (SIGINT or an unreachable target). */
  stop: AbortController;
}

/** Thrown when the run was stopped while a request waited or was in flight. */
export class Stopped extends Error {
  constructor() {
    super("run stopped");
    this.name = "Stopped";
  }
}

/**
 * Sends one request through the limiter. A response or a non-fatal transport failure becomes the exchange;
 * a fatal failure (target unreachable) stops the run and is rethrown; a stopped run throws Stopped.
 */
export async function sendRequest(
  rt: Runtime,
  kase: Exchange["case"],
  request: SentRequest,
): Promise<Exchange> {
  return rt.limiter.run(async () => {
    if (rt.stop.signal.aborted) throw new Stopped();
    rt.requests++;
    const started = performance.now();
    try {
      const response = await rt.transport.send(request, {
        timeoutMs: rt.options.requestTimeoutMs,
        signal: rt.stop.signal,
      });
      rt.answered++;
      return { case: kase, request, response, durationMs: performance.now() - started };
    } catch (error) {
      if (rt.stop.signal.aborted) throw new Stopped();
      // Before the target has answered anything, any transport failure (a dropped SYN times out) means
      // the target is unreachable; afterwards it is a property of this exchange.
      if (error instanceof TransportFailure && !error.fatal && rt.answered === 0) {
        throw new TransportFailure(error.code, error.message, true);
      }
      if (error instanceof TransportFailure && !error.fatal) {
        return {
          case: kase,
          request,
          error: `${error.code}: ${error.message}`,
          durationMs: performance.now() - started,
        };
      }
      throw error;
    }
  });
}
