/**
 * Worker-thread entry of the plan thread (conformance/plan-thread.ts starts it, src/runner/plan-thread.ts
 * says why): loads the package's spec bundle once, then plans each posted PlanParams exactly as the run
 * does and serves its cases in batches against credits, then its unique-key state; one plan at a time.
 */
import { parentPort } from "node:worker_threads";
import { defaultCaseSource } from "../src/runner/case-source.js";
import { failedMessage, type PlanParams, type ServedPlan, servePlan } from "../src/runner/plan-thread.js";
import { planFor } from "../src/runner/steps/plan.js";
import { loadSpecBundle } from "./bundle.js";
import type { PlanWorkerCommand, PlanWorkerMessage } from "./plan-thread.js";

const port = parentPort;
if (port === null) throw new Error("conformance/plan-worker runs in a worker thread only");
const post = (message: PlanWorkerMessage) => port.postMessage(message);

// Loaded as the thread starts, before the first plan arrives.
const bundle = loadSpecBundle();
bundle.catch(() => {}); // reported with the first plan
let current: { id: number; served: ServedPlan } | undefined;
const stopped = new Set<number>();

async function start(id: number, params: PlanParams): Promise<void> {
  try {
    const plan = planFor(await bundle, params, defaultCaseSource);
    if (stopped.delete(id)) return;
    const served = servePlan(
      plan.cases,
      () => plan.unique.snapshot(),
      (message) => post({ ...message, id }),
    );
    current = { id, served };
    await served.done;
    if (current?.id === id) current = undefined;
  } catch (error) {
    post({ ...failedMessage(error), id });
  }
}

port.on("message", (command: PlanWorkerCommand) => {
  if (command.type === "plan") void start(command.id, command.params);
  else if (command.type === "credit") {
    if (current?.id === command.id) current.served.credit(command.batches);
  } else if (command.type === "stop") {
    const served = current?.id === command.id ? current.served : undefined;
    if (!served) {
      stopped.add(command.id);
      post({ type: "stopped", id: command.id });
      return;
    }
    served.stop();
    void served.done.then(() => post({ type: "stopped", id: command.id }));
  }
});
