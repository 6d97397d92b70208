/**
 * The plan drawn on a second thread. Drawing a case (decoding, unique keys, its prerequisite) is most of
 * what the runner does besides sending, and it does not depend on any answer: another thread can draw the
 * same plan (same seed, selection and sizes, so the same cases in the same order) while this one signs,
 * sends and checks. The CLI starts one (conformance/plan-thread.ts); library runs draw in-thread unless
 * they pass a starter.
 *
 * The run never waits for the thread to start: it draws in-thread until the thread has posted the case it
 * needs next, then takes the thread's cases from there on (the ones before are dropped: both sides drew
 * them identically). The thread posts batches against credits, so at most WINDOW batches wait on this side.
 * When the stream ends the thread posts its unique-key state, which this side adopts before shrinking (so
 * shrunk candidates are freshened against every key the run drew).
 */
import type { Phase } from "../model/case.js";
import type { SpecBundle } from "../model/operation.js";
import type { PlannedCase } from "./planned.js";
import type { UniqueState } from "./unique.js";
import { toWire, type WirePlanned } from "./wire.js";

/** What the drawing thread is asked to plan: the run's selection and sizes (it loads the same bundle). */
export interface PlanParams {
  seed: number;
  /** The selected operation ids. */
  operations: string[];
  phases: Phase[];
  cases: number;
  negativeCases: number;
}

/** What the drawing thread posts, in order: batches, then the end with its state (or a failure). */
export type PlanThreadMessage =
  | { type: "batch"; cases: WirePlanned[] }
  | { type: "end"; unique: UniqueState }
  | { type: "failed"; name: string; message: string };

/** A drawing thread's error as the message it posts (its name and message; the stack stays there). */
export function failedMessage(error: unknown): Extract<PlanThreadMessage, { type: "failed" }> {
  return {
    type: "failed",
    name: error instanceof Error ? error.name : "Error",
    message: error instanceof Error ? error.message : String(error),
  };
}

/** How many of a run's cases were drawn in-thread and how many came from the thread. */
export interface Drawn {
  inThread: number;
  thread: number;
}

/** A started drawing thread. */
export interface PlanThread {
  /** Lets the thread post `batches` more batches. */
  credit(batches: number): void;
  /** Stops the thread (whatever it was doing); `drawn` says how many cases each side supplied. */
  close(drawn: Drawn): Promise<void>;
}

/**
 * Starts a thread drawing the plan of `params` over `plan.bundle` (which yields `plan.total` cases); its
 * messages go to `listener` in order. Undefined declines: the run draws in-thread (a starter's own policy:
 * a thread that would load another bundle, or a cold thread not worth starting for a small plan).
 */
export type PlanThreadStarter = (
  params: PlanParams,
  listener: (message: PlanThreadMessage) => void,
  plan: { total: number; bundle: SpecBundle },
) => PlanThread | undefined;

/** Cases per batch, and batches posted ahead of what this side has taken (kit policy: memory stays flat). */
export const BATCH = 32;
export const WINDOW = 8;

interface Batch {
  /** Position of the batch's first case in the plan. */
  first: number;
  cases: WirePlanned[];
}

type Waiter = { resolve(result: IteratorResult<PlannedCase>): void; reject(error: unknown): void };

/**
 * The plan's cases: drawn in-thread until the thread has the next one, then the thread's. An async iterator,
 * pulled by every execution worker.
 */
export class ThreadedCases implements AsyncIterator<PlannedCase> {
  /** Cases handed out so far (the plan position of the next one). */
  private position = 0;
  private switched = false;
  /** Cases the thread has posted so far. */
  private posted = 0;
  private readonly batches: Batch[] = [];
  private readonly waiting: Waiter[] = [];
  private ended: UniqueState | undefined;
  private endWaiters: Array<(state: UniqueState | undefined) => void> = [];
  private failure: Error | undefined;
  private closed = false;
  private closing: Promise<void> | undefined;
  private thread!: PlanThread;
  /** How many cases each side supplied (tests and --debug). */
  readonly drawn: Drawn = { inThread: 0, thread: 0 };

  private constructor(
    private readonly local: Iterator<PlannedCase>,
    private readonly read: (wire: WirePlanned) => PlannedCase,
  ) {}

  /** The stream over a started thread; undefined when the starter declines (the run draws in-thread). */
  static start(
    local: Iterator<PlannedCase>,
    read: (wire: WirePlanned) => PlannedCase,
    start: PlanThreadStarter,
    params: PlanParams,
    plan: { total: number; bundle: SpecBundle },
  ): ThreadedCases | undefined {
    const cases = new ThreadedCases(local, read);
    const thread = start(params, (message) => cases.received(message), plan);
    if (!thread) return undefined;
    cases.thread = thread;
    return cases;
  }

  next(): Promise<IteratorResult<PlannedCase>> {
    try {
      const result = this.take();
      if (result) return Promise.resolve(result);
    } catch (error) {
      return Promise.reject(error);
    }
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  /**
   * Ends the stream: with `keep`, resolves with the thread's unique-key state when this side took the
   * thread's cases (undefined when it drew everything itself: its own state is then complete); closes it.
   */
  async settle(keep: boolean): Promise<UniqueState | undefined> {
    if (this.closing) {
      await this.closing;
      return undefined;
    }
    let state: UniqueState | undefined;
    if (keep && this.switched && !this.failure)
      state = this.ended ?? (await new Promise((resolve) => this.endWaiters.push(resolve)));
    this.closed = true;
    this.closing = this.thread.close({ ...this.drawn });
    await this.closing;
    return state;
  }

  /** The next case if one is at hand (in-thread before the switch); undefined to wait; throws a failure. */
  private take(): IteratorResult<PlannedCase> | undefined {
    if (!this.switched) {
      if (this.posted > this.position) this.switched = true;
      else {
        const next = this.local.next();
        if (next.done) return next;
        this.position++;
        this.drawn.inThread++;
        return next;
      }
    }
    for (;;) {
      const batch = this.batches[0];
      if (!batch) break;
      const at = this.position - batch.first;
      if (at < batch.cases.length) {
        this.position++;
        this.drawn.thread++;
        return { done: false, value: this.read(batch.cases[at] as WirePlanned) };
      }
      this.batches.shift();
      if (!this.closed) this.thread.credit(1);
    }
    if (this.failure) throw this.failure;
    if (this.ended) return { done: true, value: undefined };
    return undefined;
  }

  private received(message: PlanThreadMessage): void {
    if (message.type === "batch") {
      const batch = { first: this.posted, cases: message.cases };
      this.posted += message.cases.length;
      // Behind this side (still starting up): dropped, and the thread may post another.
      if (!this.switched && this.posted <= this.position) {
        if (!this.closed) this.thread.credit(1);
        return;
      }
      this.batches.push(batch);
    } else if (message.type === "end") {
      this.ended = message.unique;
      for (const resolve of this.endWaiters.splice(0)) resolve(message.unique);
    } else {
      const error = new Error(message.message);
      error.name = message.name;
      // Before the switch this side draws everything itself; the thread's failure is not the run's.
      if (!this.switched) {
        for (const resolve of this.endWaiters.splice(0)) resolve(undefined);
        return;
      }
      this.failure = error;
      for (const resolve of this.endWaiters.splice(0)) resolve(undefined);
    }
    this.wake();
  }

  private wake(): void {
    while (this.waiting.length > 0) {
      let result: IteratorResult<PlannedCase> | undefined;
      try {
        result = this.take();
      } catch (error) {
        for (const waiter of this.waiting.splice(0)) waiter.reject(error);
        return;
      }
      if (!result) return;
      this.waiting.shift()?.resolve(result);
    }
  }
}

/** A plan being served (servePlan): its credits come in, and it can be stopped between batches. */
export interface ServedPlan {
  credit(batches: number): void;
  /** Ends the loop before its next batch, without the end message. */
  stop(): void;
  /** Settles when the loop has ended (its end or failure posted, or stopped). */
  done: Promise<void>;
}

/**
 * The drawing thread's loop: the plan's cases in batches of BATCH while it has credit (WINDOW to start
 * with), yielding to its event loop between batches so credits arrive; then the end with the unique-key
 * state. A failure while drawing is posted (name and message) and ends the loop.
 */
export function servePlan(
  cases: Iterable<PlannedCase>,
  unique: () => UniqueState,
  post: (message: PlanThreadMessage) => void,
): ServedPlan {
  let credit = WINDOW;
  let stopped = false;
  let wake: (() => void) | undefined;
  const served = async () => {
    const iterator = cases[Symbol.iterator]();
    try {
      for (let done = false; !done; ) {
        if (stopped) return;
        if (credit <= 0) {
          await new Promise<void>((resolve) => {
            wake = resolve;
          });
          wake = undefined;
          continue;
        }
        const batch: WirePlanned[] = [];
        while (batch.length < BATCH) {
          const next = iterator.next();
          if (next.done) {
            done = true;
            break;
          }
          batch.push(toWire(next.value));
        }
        if (batch.length > 0) {
          credit--;
          post({ type: "batch", cases: batch });
        }
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      post({ type: "end", unique: unique() });
    } catch (error) {
      post(failedMessage(error));
    }
  };
  return {
    credit(batches) {
      credit += batches;
      wake?.();
    },
    stop() {
      stopped = true;
      wake?.();
    },
    done: served(),
  };
}
