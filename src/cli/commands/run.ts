/**
 * `doku-conformance run`: the conformance suite against the embedded mock (default), the DOKU sandbox or any
 * base URL. Exit 0 conformant (warnings allowed), 1 violations, 2 usage/config/spec, 3 target unreachable or
 * run incomplete (SIGINT without violations). A partial run still writes its reports.
 */
import { join, relative } from "node:path";
import { parseArgs } from "node:util";
import type { RunListener, RunSummary } from "../../engine/events.js";
import { rerunAllLine } from "../../engine/replay.js";
import type { Phase } from "../../model/case.js";
import { UsageError } from "../../model/errors.js";
import { createReporters, reportFilesOf } from "../../reporters/index.js";
import { PHASES, parseShard, type RunOptions } from "../../runner/options.js";
import { runSuite } from "../../runner/suite.js";
import type { CliContext, Command } from "../context.js";
import { requireWritableDir } from "../output-dir.js";
import { replayNote } from "../replay-note.js";
import { signalName } from "../signals.js";
import { staleSpecsWarning } from "../stale-specs.js";

const USAGE = `Usage: doku-conformance run [--target mock|sandbox|<base-url>] [--operation <id>]... [--cases <n>]
                            [--seed <n>] [--phase examples|boundary|property|negative|signature]...
                            [--reporter console|json|junit|html|github]... [--output-dir <dir>] [--shard <i>/<n>]
                            [--concurrency <n>] [--rate-limit <n>] [--allow-production]
                            [--negative-cases <n>] [--response-time-budget <ms>] [--request-timeout <ms>] [--strict]
  --target              mock (default: the embedded mock, in a worker thread; DOKU_CONFORMANCE_MOCK_THREAD=main runs
                        it in-process), sandbox (https://api-sandbox.doku.com, credentials from DOKU_CLIENT_ID,
                        DOKU_SECRET_KEY, DOKU_PRIVATE_KEY_FILE) or an http(s) base URL;
                        DOKU_BASE_URL overrides the base URL of sandbox and URL targets
  --operation           merchant -> DOKU operation id, repeatable (default: all of them)
  --cases               valid generated cases per operation in the property phase (default 100); plans of 5000
                        cases or more are drawn on a second thread when a core is free for it
                        (DOKU_CONFORMANCE_PLAN_THREAD=worker: from 200 cases, =main: never)
  --negative-cases      random labelled negatives per operation, on top of one per breakable rule (default 25)
  --seed                run seed (default random; always printed): --seed N --operation X reproduces X's cases
  --phase               repeatable (default all five, in this order)
  --reporter            repeatable (default console); json writes <output-dir>/report.json, junit <output-dir>/junit.xml,
                        html <output-dir>/report.html; github prints Actions annotations and writes $GITHUB_STEP_SUMMARY
  --output-dir          reports and replays/ (default ./conformance-report)
  --shard               run the i-th of n deterministic slices of the operations (1-based)
  --concurrency         requests in flight (default 8)
  --rate-limit          requests per second (default unlimited; 5 for the sandbox)
  --allow-production    allow operations that create or change data against api.doku.com
  --response-time-budget  slower responses are response-time violations (kit policy, default 5000)
  --request-timeout     per-request timeout, ms (default 30000)
  --strict              documented source conflicts count as errors, not warnings
`;

const FLAGS = {
  target: { type: "string" },
  operation: { type: "string", multiple: true },
  cases: { type: "string" },
  "negative-cases": { type: "string" },
  seed: { type: "string" },
  phase: { type: "string", multiple: true },
  reporter: { type: "string", multiple: true },
  "output-dir": { type: "string" },
  shard: { type: "string" },
  concurrency: { type: "string" },
  "rate-limit": { type: "string" },
  "allow-production": { type: "boolean", default: false },
  "response-time-budget": { type: "string" },
  "request-timeout": { type: "string" },
  strict: { type: "boolean", default: false },
  help: { type: "boolean", short: "h", default: false },
} as const;

type Flags = ReturnType<typeof parseArgs<{ options: typeof FLAGS }>>["values"];

export const run: Command = async (args, ctx) => {
  const { values } = parseArgs({ args, strict: true, allowPositionals: false, options: FLAGS });
  if (values.help) {
    ctx.stdout(USAGE);
    return 0;
  }
  const phases = phasesOf(values.phase ?? []);
  const reporterNames = values.reporter ?? ["console"];
  const outputDir = values["output-dir"] ?? "conformance-report";
  await requireWritableDir(ctx.cwd, outputDir);
  // The stale-specs check and the bundle load overlap (both are file I/O); the warning still comes first.
  const bundle = ctx.loadBundle();
  bundle.catch(() => {}); // awaited below, after the warning
  const stale = await staleSpecsWarning(ctx.packageRoot);
  if (stale) ctx.stderr(stale);
  const shown = (file: string) => relative(ctx.cwd, join(ctx.cwd, outputDir, file)) || file;
  const files = () => reportFilesOf(reporterNames).map(shown);
  const listeners = listenersOf(reporterNames, files, ctx, (seed) => rerunAll(seed, values));
  const options: RunOptions = {
    bundle: await bundle,
    outputDir,
    cwd: ctx.cwd,
    env: ctx.env,
    signal: ctx.signal,
    listeners,
    allowProduction: values["allow-production"],
    strict: values.strict,
  };
  if (phases.length > 0) options.phases = phases;
  if (ctx.startMock) options.startMock = ctx.startMock;
  if (ctx.planThread) options.planThread = ctx.planThread;
  applyNumbers(options, values);
  const summary = await runSuite(options);
  if (!reporterNames.includes("console")) ctx.stdout(closingLine(summary, files()));
  const note = await replayNote(summary, ctx.cwd, outputDir);
  if (note) ctx.stderr(note);
  // A signal while shrinking or writing the reports still says so once, and never exits 0.
  if (ctx.signal.aborted) {
    ctx.stderr(
      `doku-conformance: run interrupted by ${signalName(ctx.signal)}; the reports hold what was sent before it\n`,
    );
    return summary.exitCode === 0 ? 3 : summary.exitCode;
  }
  return summary.exitCode;
};

function phasesOf(names: readonly string[]): Phase[] {
  return names.map((p) => {
    if (!PHASES.includes(p as Phase))
      throw new UsageError(`--phase ${p}: expected one of ${PHASES.join(", ")}`);
    return p as Phase;
  });
}

/** The named reporters; without the console one, a listener still prints the seed. */
function listenersOf(
  names: readonly string[],
  files: () => string[],
  ctx: CliContext,
  rerun: (seed: number) => string,
): RunListener[] {
  const listeners = createReporters(names, {
    rerun,
    write: ctx.stdout,
    tty: ctx.isTTY,
    color: ctx.isTTY && !ctx.env.NO_COLOR,
    files,
    env: ctx.env,
    cwd: ctx.cwd,
  });
  if (!names.includes("console")) {
    // The seed is always printed, even when only file reporters are selected.
    listeners.push({
      onEvent(event) {
        if (event.type === "run-started")
          ctx.stdout(`doku-conformance run · target ${event.target} · seed ${event.seed}\n`);
      },
    });
  }
  return listeners;
}

/** The command that reruns this whole run: the seed plus every flag that chose what was sent, as typed. */
function rerunAll(seed: number, values: Flags): string {
  const whole = (text: string | undefined) => (text === undefined ? undefined : Number(text));
  return rerunAllLine({
    seed,
    target: values.target,
    operations: values.operation,
    phases: values.phase,
    cases: whole(values.cases),
    negativeCases: whole(values["negative-cases"]),
    shard: values.shard,
    strict: values.strict,
  });
}

/** The target, operations and numeric flags, each only when given. */
function applyNumbers(options: RunOptions, values: Flags): void {
  if (values.target !== undefined) options.target = values.target;
  if (values.operation) options.operations = values.operation;
  if (values.cases !== undefined) options.cases = integer(values.cases, "--cases");
  if (values["negative-cases"] !== undefined)
    options.negativeCases = integer(values["negative-cases"], "--negative-cases");
  if (values.seed !== undefined) options.seed = integer(values.seed, "--seed");
  if (values.shard !== undefined) options.shard = parseShard(values.shard);
  if (values.concurrency !== undefined) options.concurrency = integer(values.concurrency, "--concurrency");
  if (values["rate-limit"] !== undefined) options.rateLimit = number(values["rate-limit"], "--rate-limit");
  if (values["request-timeout"] !== undefined)
    options.requestTimeoutMs = integer(values["request-timeout"], "--request-timeout");
  if (values["response-time-budget"] !== undefined) {
    options.policy = {
      responseTimeBudgetMs: integer(values["response-time-budget"], "--response-time-budget"),
    };
  }
}

/** The one line printed when no console reporter is selected. */
function closingLine(summary: RunSummary, files: readonly string[]): string {
  const verdict =
    summary.summary.errors > 0
      ? `${summary.summary.errors} violations`
      : summary.incomplete
        ? "incomplete"
        : "conformant";
  return `doku-conformance run: ${verdict} · ${summary.summary.cases} cases · seed ${summary.seed}${files.length ? ` · ${files.join(", ")}` : ""}\n`;
}

/** Lowest accepted value per flag (the rest accept 0). */
const MINIMUM: Record<string, number> = { "--concurrency": 1, "--request-timeout": 1 };

/** A whole number as typed, quoted back as typed when refused (a flag name, never an option key). */
function integer(text: string, flag: string): number {
  const min = MINIMUM[flag] ?? 0;
  const value = Number(text);
  if (!/^[0-9]+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < min) {
    const range = `a whole number from ${min} to ${Number.MAX_SAFE_INTEGER}`;
    throw new UsageError(
      `${flag} ${text}: expected ${range}${flag === "--request-timeout" ? " (milliseconds)" : ""}`,
    );
  }
  return value;
}

function number(text: string, flag: string): number {
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value) || value < 0)
    throw new UsageError(`${flag} ${text}: expected a number >= 0`);
  return value;
}
