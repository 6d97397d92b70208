/**
 * runSuite: plan -> seeded cases -> transport -> exchange -> checks -> events -> summary. It resolves with
 * the summary whatever the target did (violations are data). It throws KitErrors: bad options or spec
 * (exit 2) before anything is sent; an unreachable target or a refused token (exit 3 / 2) after the
 * partial run's reports were written.
 */
import { setMaxListeners } from "node:events";
import { CHECK_NAMES, CHECKS } from "../checks/registry.js";
import { KitError, TargetError, UsageError } from "../model/errors.js";
import type { Operation } from "../model/operation.js";
import { signRequest } from "../signatures/request-signer.js";
import { buildPlan } from "./build.js";
import { runPlanned } from "./case-runner.js";
import { defaultCaseSource } from "./case-source.js";
import type { RunEvent, RunSummary } from "./events.js";
import { createLimiter } from "./limiter.js";
import { defaultMockStarter } from "./mock-starter.js";
import { PHASES, type RunOptions, resolveOptions } from "./options.js";
import { selectOperations } from "./plan.js";
import type { CaseSource, PlannedCase } from "./planned.js";
import { createIdSource, signInputFor, toSent } from "./request.js";
import { Recorder } from "./results.js";
import { type Runtime, Stopped, sendRequest } from "./runtime.js";
import { randomSeed } from "./seed.js";
import { createTokenSession } from "./session.js";
import { shrink, shrinkable } from "./shrink.js";
import { summarize } from "./summary.js";
import { PRODUCTION_HOST, resolveTarget } from "./target.js";
import { createHttpTransport, TransportFailure } from "./transport.js";
import { keySpaces, UniqueKeys } from "./unique.js";
import { packageVersion } from "./version.js";

const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  typeof value === "object" && value !== null && typeof (value as { then?: unknown }).then === "function";

/** Kit policy: at most this many violation groups are shrunk per run. */
const MAX_SHRUNK_GROUPS = 20;

/** Runs the suite; resolves with the summary (exitCode 0 / 1 / 3), never throws for violations. */
export async function runSuite(options: RunOptions & { caseSource?: CaseSource }): Promise<RunSummary> {
  const seed = options.seed ?? randomSeed();
  const o = resolveOptions(options, seed);
  const operations = selectOperations(o.bundle, o.operations, o.shard);
  const checkNames = o.checks ?? CHECK_NAMES;
  for (const name of checkNames)
    if (!CHECKS[name]) throw new UsageError(`unknown check "${name}"; known: ${CHECK_NAMES.join(", ")}`);
  const target = await resolveTarget({
    target: o.target,
    bundle: o.bundle,
    env: o.env,
    needPrivateKey: operations.some((op) => op.auth !== "nonsnap-hmac"),
    startMock: options.startMock ?? defaultMockStarter,
  });
  const transport = options.transport ?? createHttpTransport({ maxSockets: o.concurrency });
  try {
    if (target.production && !o.allowProduction) refuseProduction(operations);
    const unique = new UniqueKeys(o.bundle.validators);
    // The plan is built for every phase of every operation whose unique keys interact with the selected ones,
    // in canonical order, then filtered: unique keys are assigned in that order, so
    // `--seed N --operation X --phase P` sends exactly what the full run sent.
    const full = buildPlan({
      bundle: o.bundle,
      operations: interacting(
        o.bundle.operations.filter((op) => op.kind === "path"),
        operations,
      ),
      phases: PHASES,
      seed,
      cases: o.cases,
      negativeCases: o.negativeCases,
      source: options.caseSource ?? defaultCaseSource,
      unique,
    });
    const selected = new Set(operations.map((op) => op.id));
    const plan = {
      ...full,
      cases: full.cases.filter((c) => selected.has(c.operation.id) && o.phases.includes(c.phase)),
    };
    const startedAt = new Date();
    const rt: Runtime = {
      options: o,
      target,
      transport,
      limiter: createLimiter({ concurrency: o.concurrency, ratePerSecond: o.rateLimit }),
      ids: createIdSource(startedAt.getTime()),
      checks: checkNames.map((name) => [name, CHECKS[name]!] as const),
      contextFor: (operation) => ({
        operation,
        validators: o.bundle.validators,
        policy: o.policy,
        credentials: { clientId: target.credentials.clientId, secretKey: target.credentials.secretKey },
        strict: o.strict,
      }),
      requests: 0,
      answered: 0,
      shared: new Map(),
      stop: new AbortController(),
    };
    // Every in-flight request listens on the stop signal.
    setMaxListeners(0, rt.stop.signal);
    const tokenOp = o.bundle.operations.find((op) => op.kind === "path" && op.role === "token");
    const creatorAuth = (op: Operation) => o.bundle.operations.find((c) => c.id === op.setup?.creates)?.auth;
    if (
      tokenOp &&
      operations.some((op) => op.auth === "snap-symmetric" || creatorAuth(op) === "snap-symmetric")
    ) {
      rt.tokens = createTokenSession(async () => {
        const kase = {
          operationId: tokenOp.id,
          phase: "examples" as const,
          method: tokenOp.method,
          path: tokenOp.path,
          pathParams: {},
          headers: {},
          body: { grantType: "client_credentials" },
          expect: { kind: "accept" as const },
          label: "session token",
        };
        // The session token is infrastructure: a reset or timeout is retried (twice) before giving up.
        let exchange = await sendRequest(
          rt,
          kase,
          toSent(signRequest(signInputFor(tokenOp, kase, target.credentials, rt.ids)), target.baseUrl),
        );
        for (let retry = 0; retry < 2 && !exchange.response; retry++) {
          exchange = await sendRequest(
            rt,
            kase,
            toSent(signRequest(signInputFor(tokenOp, kase, target.credentials, rt.ids)), target.baseUrl),
          );
        }
        if (!exchange.response)
          throw new TargetError(`target ${target.name} gave no answer to Get Token B2B: ${exchange.error}`);
        return exchange.response;
      }, target.name);
    }
    let listenerError: unknown;
    const noteListenerError = (error: unknown) => {
      listenerError ??= error;
    };
    const emit = (event: RunEvent) => {
      for (const listener of o.listeners) {
        try {
          // Only a listener that returns a promise needs one observed; synchronous ones cost no promise.
          const result = listener.onEvent(event) as unknown;
          if (result instanceof Promise) result.catch(noteListenerError);
          else if (isThenable(result)) Promise.resolve(result).catch(noteListenerError);
        } catch (error) {
          noteListenerError(error);
        }
      }
    };
    let interrupted = false;
    const onAbort = () => {
      interrupted = true;
      rt.stop.abort();
    };
    o.signal?.addEventListener("abort", onAbort, { once: true });
    if (o.signal?.aborted) onAbort();
    emit({
      type: "run-started",
      seed,
      target: target.name,
      operations: operations.map((op) => op.id),
      phases: [...o.phases],
      cases: o.cases,
      total: plan.cases.length,
      startedAt: startedAt.toISOString(),
      outputDir: o.outputDir,
    });
    const recorder = new Recorder(operations.map((op) => op.id));
    let failure: unknown;
    const byKey = new Map<string, PlannedCase>();
    const queue = plan.cases[Symbol.iterator]();
    const worker = async () => {
      for (let next = queue.next(); !next.done && !rt.stop.signal.aborted; next = queue.next()) {
        const planned = next.value;
        try {
          const outcome = await runPlanned(rt, planned);
          byKey.set(`${planned.operation.id}|${planned.phase}|${planned.index}`, planned);
          recorder.record(outcome);
          if (o.listeners.length > 0)
            emit({
              type: "case-finished",
              operationId: outcome.operationId,
              phase: outcome.phase,
              index: outcome.index,
              exchange: outcome.exchange,
              violations: outcome.violations,
            });
        } catch (error) {
          if (!(error instanceof Stopped)) failure ??= error;
          rt.stop.abort();
        }
      }
    };
    await Promise.all(Array.from({ length: o.concurrency }, worker));
    if (!rt.stop.signal.aborted && o.shrinkBudget > 0) {
      let shrunk = 0;
      for (const group of recorder.violationGroups()) {
        const planned = byKey.get(`${group.violation.operationId}|${group.phase}|${group.index}`);
        if (
          !planned ||
          !shrinkable(planned, group.violation.check) ||
          shrunk >= MAX_SHRUNK_GROUPS ||
          rt.stop.signal.aborted
        )
          continue;
        shrunk++;
        try {
          const result = await shrink(rt, {
            planned,
            key: group.key,
            check: group.violation.check,
            budget: o.shrinkBudget,
            prepare: (kase, attempt) => plan.prepare(planned, kase, attempt),
          });
          if (result) {
            recorder.shrunk(group.key, result.outcome);
            emit({
              type: "shrunk",
              operationId: planned.operation.id,
              check: group.violation.check,
              steps: result.steps,
              from: planned.case.label,
              to: result.outcome.exchange.case.label,
            });
          }
        } catch (error) {
          if (!(error instanceof Stopped)) failure ??= error;
          break;
        }
      }
    }
    o.signal?.removeEventListener("abort", onAbort);
    const incomplete =
      failure !== undefined
        ? incompleteReason(failure, target.name)
        : interrupted
          ? "interrupted"
          : undefined;
    const summary = await summarize({
      recorder,
      version: options.version ?? packageVersion(),
      seed,
      target: target.name,
      cases: o.cases,
      negativeCases: o.negativeCases,
      phases: o.phases,
      checks: checkNames,
      startedAt,
      outputDir: o.outputDir,
      cwd: o.cwd,
      requests: rt.requests,
      ...(incomplete ? { incomplete } : {}),
    });
    await Promise.all(
      o.listeners.map((l) => l.onEvent({ type: "run-finished", summary, outputDir: o.outputDir })),
    );
    if (failure !== undefined) throw asKitError(failure, target.name);
    if (listenerError !== undefined) throw listenerError;
    return summary;
  } finally {
    await transport.close();
    await target.close();
  }
}

/** Throws when the run has error violations or did not complete: for test frameworks. */
export async function assertConformance(
  options: RunOptions & { caseSource?: CaseSource },
): Promise<RunSummary> {
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

/** The operations (spec order) sharing a unique-key namespace with a selected one, and the selected ones. */
function interacting(all: readonly Operation[], selected: readonly Operation[]): Operation[] {
  const spaces = (op: Operation) => new Set(keySpaces(op, all));
  const wanted = new Set(selected.flatMap((op) => [...spaces(op)]));
  const ids = new Set(selected.map((op) => op.id));
  return all.filter((op) => ids.has(op.id) || [...spaces(op)].some((s) => wanted.has(s)));
}

function refuseProduction(operations: readonly Operation[]): void {
  const changing = operations
    .filter((op) => op.readOnly !== true || op.setup !== undefined)
    .map((op) => op.id);
  if (changing.length > 0) {
    throw new UsageError(
      `refusing to run ${changing.join(", ")} against production ${PRODUCTION_HOST}: they create or change data; add --allow-production to do it anyway`,
    );
  }
}

function incompleteReason(failure: unknown, target: string): string {
  const error = asKitError(failure, target);
  return error instanceof Error ? error.message : String(error);
}

/** Kit errors as they are, an unreachable target as a TargetError; anything else is a bug and stays itself. */
function asKitError(failure: unknown, target: string): unknown {
  if (failure instanceof KitError) return failure;
  if (failure instanceof TransportFailure)
    return new TargetError(`target ${target} unreachable: ${failure.code}`, { cause: failure });
  return failure;
}
