/**
 * Step 1 of runSuite: options, operations, checks, target and transport. Bad options or spec throw here
 * (exit 2), before anything is sent; the production guard runs once the target is known.
 */
import { CHECK_NAMES, CHECKS } from "../../checks/registry.js";
import { createHttpTransport, type Transport } from "../../engine/transport.js";
import { UsageError } from "../../model/errors.js";
import type { Operation } from "../../model/operation.js";
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

/** Resolves options, the selected operations and checks, the target and the transport. */
export async function resolveRun(options: SuiteOptions, seed: number): Promise<ResolvedRun> {
  const o = resolveOptions(options, seed);
  const operations = selectOperations(o.bundle, o.operations, o.shard);
  const checkNames = o.checks ?? CHECK_NAMES;
  for (const name of checkNames)
    if (!CHECKS[name]) throw new UsageError(`unknown check "${name}"; known: ${CHECK_NAMES.join(", ")}`);
  const target = await resolveTarget({
    target: o.target,
    bundle: o.bundle,
    env: o.env,
    needPrivateKey: operations.some((op) => isSnapScheme(op.auth)),
    startMock: options.startMock ?? defaultMockStarter,
  });
  const transport = options.transport ?? createHttpTransport({ maxSockets: o.concurrency });
  return { seed, o, operations, checkNames, target, transport };
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
