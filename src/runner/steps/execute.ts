/**
 * Step 4 of runSuite: the planned cases through `concurrency` workers, each outcome recorded and told to
 * the listeners. A Stopped case ends quietly; any other error stops the run and is kept as its failure.
 */
import type { Emitter } from "../../engine/emitter.js";
import { groupKey, type Recorder } from "../../engine/results.js";
import { runPlanned } from "../case-runner.js";
import type { PlannedCase } from "../planned.js";
import { type Runtime, Stopped } from "../runtime.js";

/** What execution leaves for shrinking and the summary. */
export interface Executed {
  /**
   * The planned case behind each violation group's representative (its earliest failing case, the one
   * shrinking starts from), by group key: one per distinct violation, never one per case sent.
   */
  byGroup: Map<string, PlannedCase>;
  /** The first error that stopped the run (an unreachable target, a refused token, a bug). */
  failure: unknown;
}

/**
 * Runs every case (until the run stops), pulling each from the lazy plan (drawn in-thread or by a plan
 * thread: plan-thread.ts) as a worker is free.
 */
export async function executePlan(
  rt: Runtime,
  queue: Iterator<PlannedCase> | AsyncIterator<PlannedCase>,
  recorder: Recorder,
  events: Emitter,
): Promise<Executed> {
  const executed: Executed = { byGroup: new Map(), failure: undefined };
  const worker = async () => {
    for (let next = await queue.next(); !next.done && !rt.stop.signal.aborted; next = await queue.next()) {
      const planned = next.value;
      try {
        const outcome = await runPlanned(rt, planned);
        recorder.record(outcome);
        for (const violation of outcome.violations) {
          const key = groupKey(violation);
          const shown = recorder.representative(key);
          if (shown?.phase === planned.phase && shown.index === planned.index)
            executed.byGroup.set(key, planned);
        }
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
