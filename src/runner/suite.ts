/**
 * runSuite: resolve -> plan -> execute -> shrink -> finish, each step a module of runner/steps/ over the
 * engine (transport, limiter, recorder, shrink, check runner, events). It resolves with the summary
 * whatever the target did (violations are data). It throws KitErrors: bad options or spec (exit 2) before
 * anything is sent; an unreachable target or a refused token (exit 3 / 2) after the partial run's reports
 * were written.
 */
import { createEmitter } from "../engine/emitter.js";
import type { RunSummary } from "../engine/events.js";
import { watchInterrupt } from "../engine/interrupt.js";
import { Recorder } from "../engine/results.js";
import { randomSeed } from "../engine/seed.js";
import { UsageError } from "../model/errors.js";
import type { Plan } from "./build.js";
import { defaultCaseSource } from "./case-source.js";
import type { ResolvedOptions } from "./options.js";
import { ThreadedCases } from "./plan-thread.js";
import { executePlan } from "./steps/execute.js";
import { finishRun } from "./steps/finish.js";
import { planParams, planRun } from "./steps/plan.js";
import { abandon, guardProduction, type SuiteOptions, startRun, targetReady } from "./steps/resolve.js";
import { startRuntime } from "./steps/runtime.js";
import { shrinkFailures, willShrink } from "./steps/shrink.js";
import { wireReader } from "./wire.js";

/** Plans smaller than this are drawn in-thread: a thread's start-up would not pay for itself (kit policy). */
export const PLAN_THREAD_MIN = 200;

/** Runs the suite; resolves with the summary (exitCode 0 / 1 / 3), never throws for violations. */
export async function runSuite(options: SuiteOptions): Promise<RunSummary> {
  const starting = startRun(options, options.seed ?? randomSeed());
  const { o } = starting;
  // The run's clock starts before planning: durationMs and every rate cover the whole run. Planning runs
  // while the target starts (the mock's start-up overlaps it); a bad plan closes the started target.
  const startedAt = new Date();
  let plan: Plan;
  try {
    plan = planRun(starting, options);
    if (plan.total === 0) throw new UsageError(nothingPlanned(o));
  } catch (error) {
    await abandon(starting);
    throw error;
  }
  // Large plans are drawn on a second thread while this one sends (plan-thread.ts); it starts now, so its
  // start-up overlaps the target's, and the run draws in-thread until it has caught up.
  const threaded =
    options.planThread && !options.caseSource && plan.total >= PLAN_THREAD_MIN
      ? ThreadedCases.start(
          plan.cases[Symbol.iterator](),
          wireReader(starting.operations, defaultCaseSource),
          options.planThread,
          planParams(starting),
          { total: plan.total, bundle: o.bundle },
        )
      : undefined;
  let run: Awaited<ReturnType<typeof targetReady>>;
  try {
    run = await targetReady(starting, options);
  } catch (error) {
    await threaded?.settle(false);
    throw error;
  }
  const { operations, target } = run;
  try {
    guardProduction(run);
    const rt = startRuntime(run, startedAt);
    const events = createEmitter(o.listeners);
    const interrupt = watchInterrupt(o.signal, rt.stop);
    await events.emit({
      type: "run-started",
      seed: run.seed,
      target: target.name,
      operations: operations.map((op) => op.id),
      phases: [...o.phases],
      cases: o.cases,
      total: plan.total,
      startedAt: startedAt.toISOString(),
      outputDir: o.outputDir,
    });
    const recorder = new Recorder(operations.map((op) => op.id));
    const executed = await executePlan(rt, threaded ?? plan.cases[Symbol.iterator](), recorder, events);
    // Shrinking freshens against every key the run drew: the thread's, when it drew them.
    const drawn = await threaded?.settle(willShrink(rt, executed));
    if (drawn) plan.unique.restore(drawn);
    await shrinkFailures(rt, plan, recorder, executed, events);
    interrupt.dispose();
    return await finishRun({
      run,
      options,
      recorder,
      startedAt,
      requests: rt.requests,
      failure: executed.failure,
      interrupted: interrupt.interrupted,
      events,
    });
  } finally {
    await threaded?.settle(false);
    await run.transport.close();
    await target.close();
  }
}

/** Why an empty plan is refused: a run that checks nothing is not a pass (exit 2, before anything is sent). */
function nothingPlanned(o: ResolvedOptions): string {
  const cases = o.phases.includes("property") && o.cases === 0 ? "--cases 0 with " : "";
  return `nothing to check: ${cases}--phase ${o.phases.join(",")} plans no case for the selected operations; a run that checks nothing is not a pass (raise --cases or select another phase)`;
}

/** Throws when the run has error violations or did not complete: for test frameworks. */
export async function assertConformance(options: SuiteOptions): Promise<RunSummary> {
  const summary = await runSuite(options);
  if (summary.exitCode !== 0) {
    const lines = summary.violations
      .filter((v) => v.severity === "error")
      .slice(0, 10)
      .map((v) => `- ${v.operationId} ${v.check} ${v.pointer || "(body)"}: ${v.message}\n  ${v.rerun}`);
    const head = summary.incomplete
      ? `run incomplete (${summary.incomplete})`
      : `${summary.summary.errors} violation(s) against ${summary.target} (seed ${summary.seed})`;
    throw new Error([`doku-conformance: ${head}`, ...lines].join("\n"));
  }
  return summary;
}
