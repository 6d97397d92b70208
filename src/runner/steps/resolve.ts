/**
 * Step 1 of runSuite: options, operations, checks, target and transport. Bad options throw here (exit 2),
 * before anything is sent. The target starts here and is awaited after planning (step 2), so a mock's
 * start-up overlaps it; the transport opens then, and the production guard runs once the target is known.
 */
import { CHECK_NAMES, CHECKS } from "../../checks/registry.js";
import { createHttpTransport, type Transport } from "../../engine/transport.js";
import { UsageError } from "../../model/errors.js";
import type { Operation } from "../../model/operation.js";
import { prepareStrangerKey } from "../../signatures/mutations.js";
import { mutatorsFor } from "../../signatures/mutators.js";
import { isSnapScheme } from "../../signatures/schemes.js";
import { defaultMockStarter } from "../mock-starter.js";
import { type ResolvedOptions, type RunOptions, resolveOptions } from "../options.js";
import { selectOperations } from "../plan.js";
import type { CaseSource } from "../planned.js";
import { PRODUCTION_HOST, type ResolvedTarget, resolveTarget } from "../target.js";

/** runSuite's options: RunOptions plus the injectable case source (tests). */
export type SuiteOptions = RunOptions & { caseSource?: CaseSource };

/** Everything later steps read; the transport and the target must be closed when the run ends. */
export interface ResolvedRun {
  seed: number;
  o: ResolvedOptions;
  operations: Operation[];
  checkNames: readonly string[];
  target: ResolvedTarget;
  transport: Transport;
}

/** A run whose options are resolved and whose target is starting (the mock loads while the plan is built). */
export interface StartingRun extends Omit<ResolvedRun, "target" | "transport"> {
  target: Promise<ResolvedTarget>;
}

/**
 * Resolves options, the selected operations and checks (bad ones throw here, exit 2) and starts resolving
 * the target without waiting for it: planning needs no target, so a mock's start-up (a worker thread's
 * Prism load) overlaps it. The caller awaits `targetReady` or, when it gives up first, `abandon`.
 */
export function startRun(options: SuiteOptions, seed: number): StartingRun {
  const o = resolveOptions(options, seed);
  const operations = selectOperations(o.bundle, o.operations, o.shard);
  const checkNames = o.checks ?? CHECK_NAMES;
  for (const name of checkNames)
    if (!CHECKS[name]) throw new UsageError(`unknown check "${name}"; known: ${CHECK_NAMES.join(", ")}`);
  const target = resolveTarget({
    target: o.target,
    bundle: o.bundle,
    env: o.env,
    needPrivateKey: operations.some((op) => isSnapScheme(op.auth)),
    startMock: options.startMock ?? defaultMockStarter,
  });
  // Awaited later (targetReady / abandon); until then a rejection is not "unhandled".
  target.catch(() => {});
  // Signature cases sign with a key nobody knows: generated on the thread pool while the plan is built.
  const wrongKey = (op: Operation) => mutatorsFor(op.auth).some((m) => m.name === "wrong-key");
  if (o.phases.includes("signature") && operations.some(wrongKey)) void prepareStrangerKey();
  return { seed, o, operations, checkNames, target };
}

/** Waits for the target and opens the transport. */
export async function targetReady(starting: StartingRun, options: SuiteOptions): Promise<ResolvedRun> {
  const target = await starting.target;
  const transport = options.transport ?? createHttpTransport({ maxSockets: starting.o.concurrency });
  return { ...starting, target, transport };
}

/** Closes a started target the run will not use (planning failed); its own start error is not the run's. */
export async function abandon(starting: StartingRun): Promise<void> {
  const target = await starting.target.catch(() => undefined);
  await target?.close();
}

/** Refuses data-changing operations against production unless --allow-production. */
export function guardProduction(run: ResolvedRun): void {
  if (!run.target.production || run.o.allowProduction) return;
  const changing = run.operations
    .filter((op) => op.readOnly !== true || op.setup !== undefined)
    .map((op) => op.id);
  if (changing.length > 0) {
    throw new UsageError(
      `refusing to run ${changing.join(", ")} against production ${PRODUCTION_HOST}: they create or change data; add --allow-production to do it anyway`,
    );
  }
}
