/**
 * A plan thread on this thread, for tests: servePlan over the same plan, its messages cloned
 * (structuredClone) and delivered one macrotask later, as a worker's are posted.
 */
import type { SpecBundle } from "../../src/model/operation.js";
import { defaultCaseSource } from "../../src/runner/case-source.js";
import {
  type Drawn,
  type PlanThreadMessage,
  type PlanThreadStarter,
  type ServedPlan,
  servePlan,
} from "../../src/runner/plan-thread.js";
import { planFor } from "../../src/runner/steps/plan.js";

export interface FakeOptions {
  /** Macrotasks before the thread starts drawing (it still answers credits meanwhile). */
  delay?: number;
  /** Posts a failure instead of the batch numbered this (0 = at once). */
  failAt?: number;
  /** Records what each closed stream says each side drew. */
  drawn?: Drawn[];
  /** Records the batches waiting on the run's side (posted minus credited) after each post. */
  waiting?: number[];
}

/** servePlan on this thread, its messages cloned and delivered one macrotask later, as a worker posts. */
export function fakeThread(bundle: SpecBundle, options: FakeOptions = {}): PlanThreadStarter {
  return (p, listener) => {
    let closed = false;
    let served: ServedPlan | undefined;
    let posted = 0;
    let credited = 0;
    const deliver = (message: PlanThreadMessage) => {
      const copy = structuredClone(message);
      setImmediate(() => {
        if (!closed) listener(copy);
      });
    };
    const start = () => {
      if (closed) return;
      const plan = planFor(bundle, p, defaultCaseSource);
      served = servePlan(
        plan.cases,
        () => plan.unique.snapshot(),
        (message) => {
          if (message.type === "batch") {
            if (posted === options.failAt) {
              served?.stop();
              return deliver({ type: "failed", name: "Error", message: "thread broke" });
            }
            posted++;
            options.waiting?.push(posted - credited);
          }
          deliver(message);
        },
      );
    };
    let ticks = options.delay ?? 0;
    const wait = () => (ticks-- > 0 ? setImmediate(wait) : start());
    wait();
    return {
      credit(batches) {
        credited += batches;
        served?.credit(batches);
      },
      async close(drawn) {
        options.drawn?.push(drawn);
        closed = true;
        served?.stop();
        await served?.done;
      },
    };
  };
}
