/**
 * Step 6 of runSuite: the summary (replays written), run-finished told to the listeners, then the run's
 * failure rethrown as a KitError (an unreachable target: TargetError, exit 3), then a listener's error.
 */
import type { Emitter } from "../../engine/emitter.js";
import type { RunSummary } from "../../engine/events.js";
import { failureCause } from "../../engine/failure-cause.js";
import type { Recorder } from "../../engine/results.js";
import { TransportFailure } from "../../engine/transport.js";
import { VERSION } from "../../engine/version.js";
import { KitError, TargetError } from "../../model/errors.js";
import { summarize } from "../summary.js";
import type { ResolvedRun, SuiteOptions } from "./resolve.js";

/** What the last step needs: the resolved run, what was recorded and why the run stopped, if it did. */
export interface Finish {
  run: ResolvedRun;
  options: SuiteOptions;
  recorder: Recorder;
  startedAt: Date;
  requests: number;
  failure: unknown;
  interrupted: boolean;
  events: Emitter;
}

/** Summarizes, tells the listeners, and throws what stopped the run; otherwise resolves with the summary. */
export async function finishRun(input: Finish): Promise<RunSummary> {
  const { run, failure } = input;
  const { o } = run;
  const incomplete =
    failure !== undefined
      ? incompleteReason(failure, run.target.name)
      : input.interrupted
        ? "interrupted"
        : undefined;
  const summary = await summarize({
    recorder: input.recorder,
    version: input.options.version ?? VERSION,
    seed: run.seed,
    target: run.target.name,
    cases: o.cases,
    negativeCases: o.negativeCases,
    phases: o.phases,
    checks: run.checkNames,
    startedAt: input.startedAt,
    outputDir: o.outputDir,
    cwd: o.cwd,
    requests: input.requests,
    ...(incomplete ? { incomplete } : {}),
  });
  await input.events.emit({ type: "run-finished", summary, outputDir: o.outputDir });
  if (failure !== undefined) throw asKitError(failure, run.target.name);
  input.events.rethrow();
  return summary;
}

function incompleteReason(failure: unknown, target: string): string {
  const error = asKitError(failure, target);
  return error instanceof Error ? error.message : String(error);
}

/** Kit errors as they are, an unreachable target as a TargetError; anything else is a bug and stays itself. */
function asKitError(failure: unknown, target: string): unknown {
  if (failure instanceof KitError) return failure;
  if (failure instanceof TransportFailure)
    return new TargetError(
      `target ${target} ${failureCause(failure.code) ?? `unreachable: ${failure.code}`}`,
      { cause: failure },
    );
  return failure;
}
