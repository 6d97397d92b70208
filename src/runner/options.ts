/**
 * runSuite options, their defaults (kit policy, documented in docs/runner.md) and validation. Invalid
 * values are UsageErrors (exit 2) naming the flag.
 */
import { resolve } from "node:path";
import type { CheckPolicy } from "../checks/check.js";
import { DEFAULT_POLICY } from "../checks/check.js";
import type { RunListener } from "../engine/events.js";
import { PHASES } from "../engine/phases.js";
import type { Transport } from "../engine/transport.js";
import type { Phase } from "../model/case.js";
import { UsageError } from "../model/errors.js";
import type { SpecBundle } from "../model/operation.js";
import type { PlanThreadStarter } from "./plan-thread.js";
import type { MockStarter } from "./target.js";

export { PHASES };

export interface RunOptions {
  /** Operation table, validators and document (conformance/bundle.ts loads generated/). */
  bundle: SpecBundle;
  /** "mock" (default), "sandbox" or an http(s) base URL. */
  target?: string;
  /** Operation ids to run (merchant -> DOKU only); default all. */
  operations?: readonly string[];
  /** Valid generated cases per operation in the property phase; default 100. */
  cases?: number;
  /** Random labelled negatives per operation, on top of one negative per breakable rule; default 25. */
  negativeCases?: number;
  /** Run seed; default random (always reported). */
  seed?: number;
  phases?: readonly Phase[];
  /** Where report files and replays go; default ./conformance-report. */
  outputDir?: string;
  /** 1-based shard of the operation list, e.g. { index: 1, count: 3 }. */
  shard?: { index: number; count: number };
  /** Parallel requests in flight; default 8. */
  concurrency?: number;
  /** Requests per second; default unlimited, 5 for the sandbox. 0 means unlimited. */
  rateLimit?: number;
  /** Allow data-changing operations against api.doku.com. */
  allowProduction?: boolean;
  /** Environment for DOKU_* credentials and DOKU_BASE_URL; default process.env. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Resolves a relative outputDir; default process.cwd(). */
  cwd?: string;
  /** Aborting stops sending; the run writes what it has and reports itself incomplete. */
  signal?: AbortSignal;
  listeners?: readonly RunListener[];
  transport?: Transport;
  /** Starts the embedded mock for target "mock" (default: src/mock startMock). */
  startMock?: MockStarter;
  /**
   * Draws the plan on another thread (plan-thread.ts; the CLI passes conformance/plan-thread.ts's). Used when
   * the run plans at least PLAN_THREAD_MIN cases and draws from the default case source; default in-thread.
   */
  planThread?: PlanThreadStarter;
  policy?: Partial<CheckPolicy>;
  /** Check names to run; default all (see src/checks/registry.ts). */
  checks?: readonly string[];
  /** Per-request timeout; default 30000 ms. A request that times out is a response-received violation. */
  requestTimeoutMs?: number;
  /** Extra requests spent shrinking one failing case (property and negative phases); default 40, 0 = off. */
  shrinkBudget?: number;
  /** Tool version written into reports; default package.json's. */
  version?: string;
  /** Conflict warnings (x-doku-conflict) become errors. */
  strict?: boolean;
}

export interface ResolvedOptions {
  bundle: SpecBundle;
  target: string;
  operations: readonly string[] | undefined;
  cases: number;
  negativeCases: number;
  seed: number;
  phases: readonly Phase[];
  outputDir: string;
  shard: { index: number; count: number } | undefined;
  concurrency: number;
  rateLimit: number | undefined;
  allowProduction: boolean;
  env: Readonly<Record<string, string | undefined>>;
  signal: AbortSignal | undefined;
  listeners: readonly RunListener[];
  policy: CheckPolicy;
  checks: readonly string[] | undefined;
  requestTimeoutMs: number;
  shrinkBudget: number;
  strict: boolean;
  cwd: string;
}

/** Kit policy: requests per second against the DOKU sandbox when --rate-limit is not given. */
export const SANDBOX_RATE_LIMIT = 5;

/** Applies defaults and validates; `seed` must already be chosen by the caller when absent. */
export function resolveOptions(options: RunOptions, seed: number): ResolvedOptions {
  const target = options.target ?? "mock";
  const phases = options.phases && options.phases.length > 0 ? [...new Set(options.phases)] : [...PHASES];
  for (const phase of phases) {
    if (!PHASES.includes(phase))
      throw new UsageError(`--phase ${phase}: expected one of ${PHASES.join(", ")}`);
  }
  const rate = options.rateLimit ?? (target === "sandbox" ? SANDBOX_RATE_LIMIT : undefined);
  return {
    bundle: options.bundle,
    target,
    operations: options.operations && options.operations.length > 0 ? options.operations : undefined,
    cases: atMost(whole(options.cases ?? 100, "--cases", 0), MAX_CASES, "--cases"),
    negativeCases: atMost(
      whole(options.negativeCases ?? 25, "--negative-cases", 0),
      MAX_CASES,
      "--negative-cases",
    ),
    seed: whole(seed, "--seed", 0),
    phases: PHASES.filter((p) => phases.includes(p)),
    outputDir: resolve(options.cwd ?? process.cwd(), options.outputDir ?? "conformance-report"),
    cwd: options.cwd ?? process.cwd(),
    strict: options.strict ?? false,
    shard: options.shard ? checkShard(options.shard) : undefined,
    concurrency: whole(options.concurrency ?? 8, "--concurrency", 1),
    rateLimit: rate === undefined || rate === 0 ? undefined : positive(rate, "--rate-limit"),
    allowProduction: options.allowProduction ?? false,
    env: options.env ?? process.env,
    signal: options.signal,
    listeners: options.listeners ?? [],
    policy: { ...DEFAULT_POLICY, ...options.policy },
    checks: options.checks,
    requestTimeoutMs: whole(options.requestTimeoutMs ?? 30_000, "requestTimeoutMs", 1),
    shrinkBudget: whole(options.shrinkBudget ?? 40, "shrinkBudget", 0),
  };
}

/**
 * Kit policy: at most this many generated cases per operation and phase. A phase's cases are drawn before
 * they are sent, so an unbounded count would grow memory silently instead of testing; larger runs are shards
 * or several seeds.
 */
export const MAX_CASES = 100_000;

/** Parses "i/n" (1-based). */
export function parseShard(text: string): { index: number; count: number } {
  const match = /^([0-9]+)\/([0-9]+)$/.exec(text.trim());
  if (!match) throw new UsageError(`--shard ${text}: expected <i>/<n>, e.g. 1/3`);
  return checkShard({ index: Number(match[1]), count: Number(match[2]) });
}

function checkShard(shard: { index: number; count: number }) {
  if (
    !Number.isInteger(shard.count) ||
    shard.count < 1 ||
    !Number.isInteger(shard.index) ||
    shard.index < 1 ||
    shard.index > shard.count
  ) {
    throw new UsageError(`--shard ${shard.index}/${shard.count}: i must be between 1 and n`);
  }
  return shard;
}

function whole(value: number, flag: string, min: number): number {
  if (!Number.isSafeInteger(value) || value < min)
    throw new UsageError(`${flag} ${value}: expected a whole number >= ${min}`);
  return value;
}

function atMost(value: number, max: number, flag: string): number {
  if (value > max)
    throw new UsageError(
      `${flag} ${value}: at most ${max} per operation (the cases of a phase are drawn before they are sent); split a larger run over seeds or --shard`,
    );
  return value;
}

function positive(value: number, flag: string): number {
  if (!Number.isFinite(value) || value <= 0) throw new UsageError(`${flag} ${value}: expected a number > 0`);
  return value;
}
