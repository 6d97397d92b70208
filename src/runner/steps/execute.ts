/**
 * Step 4 of runSuite: the planned cases through `concurrency` workers, each outcome recorded and told to
 * the listeners. A Stopped case ends quietly; any other error stops the run and is kept as its failure.
 */
import type { Emitter } from "../../engine/emitter.js";
import type { Recorder } from "../../engine/results.js";
import { runPlanned } from "../case-runner.js";
import type { PlannedCase } from "../planned.js";
import { type Runtime, Stopped } from "../runtime.js";

/** What execution leaves for shrinking and the summary. */
export interface Executed {
  /** The planned case behind each recorded (operation, phase, index) that found a violation (for shrinking). */
  byKey: Map<string, PlannedCase>;
  /** The first error that stopped the run (an unreachable target, a refused token, a bug). */
  failure: unknown;
}

/** The key byKey is indexed by. */
export const plannedKey = (operationId: string, phase: string, index: number): string =>
  `${operationId}|${phase}|${index}`;

/** Runs every case (until the run stops), pulling each from the lazy plan as a worker is free. */
export async function executePlan(
  rt: Runtime,
  cases: Iterable<PlannedCase>,
  recorder: Recorder,
  events: Emitter,
): Promise<Executed> {
  const executed: Executed = { byKey: new Map(), failure: undefined };
  const queue = cases[Symbol.iterator]();
  const worker = async () => {
    for (let next = queue.next(); !next.done && !rt.stop.signal.aborted; next = queue.next()) {
      const planned = next.value;
      try {
        const outcome = await runPlanned(rt, planned);
        if (outcome.violations.length > 0)
          executed.byKey.set(plannedKey(planned.operation.id, planned.phase, planned.index), planned);
        recorder.record(outcome);
        const told = events.emit({
          type: "case-finished",
          operationId: outcome.operationId,
          phase: outcome.phase,
          index: outcome.index,
          exchange: outcome.exchange,
          violations: outcome.violations,
        });
        if (told) await told;
      } catch (error) {
        if (!(error instanceof Stopped)) executed.failure ??= error;
        rt.stop.abort();
      }
    }
  };
  await Promise.all(Array.from({ length: rt.options.concurrency }, worker));
  return executed;
}
