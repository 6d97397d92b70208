/**
 * The CLI's PlanThreadStarter: plans drawn in a worker thread (conformance/plan-worker.ts), which loads the
 * package's generated/ bundle itself (validators are functions, which cannot be posted). One worker serves
 * one plan at a time and is kept, idle and unreferenced (it never holds the process open), for the next
 * run of the process: a library's test suite calling runSuite repeatedly draws on a warm thread. The worker
 * is started when a plan needs it, not before: starting it with the process slowed the process's own
 * start-up. A thread that errors or exits before posting its end is reported as a failure message, which the
 * run handles (src/runner/plan-thread.ts: ignored before it took the thread's cases, the run's error after).
 */
import { Worker } from "node:worker_threads";
import type {
  Drawn,
  PlanParams,
  PlanThread,
  PlanThreadMessage,
  PlanThreadStarter,
} from "../src/runner/plan-thread.js";
import { isPackageBundle } from "./bundle.js";

/** What this side posts to a plan worker (every message names the plan it is about). */
export type PlanWorkerCommand =
  | { type: "plan"; id: number; params: PlanParams }
  | { type: "credit"; id: number; batches: number }
  | { type: "stop"; id: number };

/** What a plan worker posts: a plan's messages, and the acknowledgement of a stop. */
export type PlanWorkerMessage = (PlanThreadMessage & { id: number }) | { type: "stopped"; id: number };

const ENTRY = new URL("./plan-worker.js", import.meta.url);

let idle: Worker | undefined;
/** Workers that have served a plan: their code is loaded and compiled. */
const warm = new WeakSet<Worker>();
let plans = 0;

function spawn(): Worker {
  const worker = new Worker(ENTRY);
  worker.once("exit", () => {
    if (idle === worker) idle = undefined;
  });
  // A worker's crash reaches the plan it serves as a failure message; an idle one has no one to tell.
  worker.on("error", () => {});
  worker.unref();
  return worker;
}

export interface PlanThreadOptions {
  /**
   * Smallest plan a new (cold) worker is started for; a warm idle worker (one that served a plan before)
   * takes any plan runSuite offers. Default 0. The CLI, a fresh process each time, passes COLD_MIN_CASES.
   */
  coldMinCases?: number;
  /** Called when a plan's thread is closed: the thread's id and how many cases each side drew (--debug). */
  onClosed?: (info: { threadId: number; drawn: Drawn }) => void;
}

/**
 * Kit policy (docs/benchmarks.md, "Sixth pass"): in a fresh process a worker's start-up costs more than it
 * saves below a few thousand cases (a whole `run` against a URL target with it, by plan size: 1,000 cases about
 * 8 % slower, 3,000 even, 5,000 about 5 % faster, 10,000 about 10 % faster).
 */
export const COLD_MIN_CASES = 5000;

/** The starter: each plan on the idle worker, or a new one when the plan is large enough for a cold start. */
export function planThreadStarter(options: PlanThreadOptions = {}): PlanThreadStarter {
  return (params, listener, plan) => {
    // The worker loads the package's generated/ bundle: a run over any other bundle draws in-thread.
    if (!isPackageBundle(plan.bundle)) return undefined;
    const reuse = idle !== undefined && warm.has(idle);
    if (!reuse && plan.total < (options.coldMinCases ?? 0)) return undefined;
    return startPlan(params, listener, options);
  };
}

function startPlan(
  params: PlanParams,
  listener: (message: PlanThreadMessage) => void,
  options: PlanThreadOptions,
): PlanThread {
  const worker = idle ?? spawn();
  idle = undefined;
  worker.ref();
  const id = ++plans;
  let over = false;
  let gone = false;
  let stopped: (() => void) | undefined;
  const tell = (message: PlanThreadMessage) => {
    if (over) return;
    if (message.type !== "batch") over = true;
    listener(message);
  };
  const onMessage = (message: PlanWorkerMessage) => {
    if (message.id !== id) return;
    if (message.type === "stopped") stopped?.();
    else {
      const { id: _plan, ...rest } = message;
      tell(rest as PlanThreadMessage);
    }
  };
  const onError = (error: Error) => tell({ type: "failed", name: error.name, message: error.message });
  const onExit = (code: number) => {
    gone = true;
    tell({ type: "failed", name: "Error", message: `the plan thread exited (code ${code}) before its end` });
    stopped?.();
  };
  worker.on("message", onMessage);
  worker.on("error", onError);
  worker.on("exit", onExit);
  const post = (command: PlanWorkerCommand) => worker.postMessage(command);
  post({ type: "plan", id, params });
  let closing: Promise<void> | undefined;
  return {
    credit: (batches) => post({ type: "credit", id, batches }),
    close: (drawn) => {
      closing ??= (async () => {
        options.onClosed?.({ threadId: worker.threadId, drawn });
        if (!gone && !over) {
          const acknowledged = new Promise<void>((resolve) => {
            stopped = resolve;
          });
          post({ type: "stop", id });
          await acknowledged;
        }
        over = true;
        worker.off("message", onMessage);
        worker.off("error", onError);
        worker.off("exit", onExit);
        if (gone) return;
        warm.add(worker);
        worker.unref();
        if (idle === undefined) idle = worker;
        else await worker.terminate();
      })();
      return closing;
    },
  };
}
