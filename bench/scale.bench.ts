/**
 * Scale: the runner against a neutral in-process target and against the kit's mock, the raw ceiling of each
 * in the same run (the runner's own requests replayed: bench/replay.ts) and their ratios, whole process and
 * in-run cases/s side by side, memory per 1,000 cases, validators/s, signatures/s, and — when a
 * `schemathesis` command is on PATH — the same operation and case count through Schemathesis (its fuzzing
 * phase, positive mode, like our property phase), with the requests the neutral target received from each
 * whole process (install: `pipx install schemathesis`; skipped with a note when absent; a run that sent no
 * request is reported as failed, not as a time). With BENCH_SOAK=1, the soak: every operation × 10,000 cases
 * against the kit's mock, valid cases refused and peak RSS.
 * Prints one JSON line. Method and results: docs/benchmarks.md "Scale".
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { caseArbitrary } from "../src/arbitraries/index.js";
import { createHttpTransport } from "../src/engine/transport.js";
import { startMock } from "../src/mock/index.js";
import type { SentRequest } from "../src/model/case.js";
import type { Operation } from "../src/model/operation.js";
import { PLAN_THREAD_MIN, runSuite } from "../src/runner/suite.js";
import { signRequest } from "../src/signatures/request-signer.js";
import { startNeutral } from "./neutral.js";
import { type Replayed, recording, replay } from "./replay.js";
import { median } from "./stats.js";

const CASES = Number(process.env.BENCH_CASES ?? 1000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
/** Warm-up rounds before the measured ones (see the warm-up below). */
const WARM_UP_ROUNDS = Math.max(1, Number(process.env.BENCH_WARM_UP_ROUNDS ?? 3));
const OPERATION = process.env.BENCH_OPERATION ?? "snapCreateVa";
const CONCURRENCY = 8;
/**
 * Whole-process runs of ours, before Schemathesis and (when it runs) as many again after it; the median one
 * is reported (one spawn moves ±15 % with the shared host).
 */
const WHOLE_RUNS = Math.max(1, Number(process.env.BENCH_WHOLE_RUNS ?? 5));
const root = fileURLToPath(new URL("..", import.meta.url));
/**
 * The runs here draw their plans on the plan thread (conformance/plan-thread.ts) when a second core is free
 * for it, as a library's repeated runSuite calls would. Its worker entry is compiled (dist/, built by
 * `npm ci`), like the bin the whole-process runs spawn; the bundle comes from the same dist/ module, since
 * the starter only draws for the package's bundle as its own module loaded it.
 */
const planThreads = (await import(
  new URL("../dist/conformance/plan-thread.js", import.meta.url).href
)) as typeof import("../conformance/plan-thread.js");
const { loadSpecBundle } = (await import(
  new URL("../dist/conformance/bundle.js", import.meta.url).href
)) as typeof import("../conformance/bundle.js");
const bundle = await loadSpecBundle();
const op = bundle.operations.find((o) => o.id === OPERATION) as Operation;
const dir = mkdtempSync(join(tmpdir(), "bench-scale-"));
const identityMock = await startMock({ bundle });
const identity = identityMock.identity;
await identityMock.close();
const keyFile = join(dir, "merchant.pem");
writeFileSync(keyFile, identity.merchantPrivateKeyPem as string, { mode: 0o600 });
const env = {
  DOKU_CLIENT_ID: identity.clientId,
  DOKU_SECRET_KEY: identity.secretKey,
  DOKU_PRIVATE_KEY_FILE: keyFile,
};
const credentials = {
  clientId: identity.clientId,
  secretKey: identity.secretKey,
  privateKey: identity.merchantPrivateKeyPem as string,
};

const planThread = availableParallelism() >= 2 ? planThreads.planThreadStarter() : undefined;

const neutral = await startNeutral(bundle);
const neutralUrl = neutral.url;

/** Peak RSS while `work` runs (sampled every 20 ms). */
async function peakRss<T>(work: () => Promise<T>): Promise<{ value: T; peak: number; before: number }> {
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const value = await work();
  clearInterval(timer);
  return { value, peak: Math.max(peak, process.memoryUsage().rss), before };
}

async function inRun(
  target: string,
  operations: string[] | undefined,
  cases: number,
  phases?: "property"[],
  /** `sent` records the requests; `mock` is a started mock for target "mock" (its start-up left out). */
  extra: { sent?: SentRequest[]; mock?: Awaited<ReturnType<typeof startMock>> } = {},
) {
  const { sent, mock } = extra;
  const outputDir = join(dir, `report-${Math.random().toString(36).slice(2)}`);
  const started = performance.now();
  const {
    value: summary,
    peak,
    before,
  } = await peakRss(() =>
    runSuite({
      bundle,
      target,
      env,
      seed: 79,
      cases,
      outputDir,
      concurrency: CONCURRENCY,
      ...(operations ? { operations } : {}),
      ...(phases ? { phases } : {}),
      ...(sent ? { transport: recording(createHttpTransport({ maxSockets: CONCURRENCY }), sent) } : {}),
      ...(mock ? { startMock: async () => mock } : {}),
      ...(planThread ? { planThread } : {}),
    }),
  );
  const ms = performance.now() - started;
  const refused = summary.violations.filter((v) => v.check === "valid-accepted").length;
  return {
    ms,
    durationMs: summary.durationMs,
    cases: summary.summary.cases,
    requests: summary.summary.requests,
    refusedValid: refused,
    peakRssMb: peak / 2 ** 20,
    rssGrowthMb: (peak - before) / 2 ** 20,
  };
}

/** Whether a path the neutral target answered is the operation's (path parameters match any segment). */
const opPath = new RegExp(`^${op.path.replace(/\{[^}]+\}/g, "[^/]+")}$`);
const isOpPath = (path: string): boolean => opPath.test(path);

/**
 * The whole process: a command spawned against the neutral target, spawn to exit, with the requests the
 * target answered meanwhile (to the operation, and in all) and the tail of what the command printed.
 */
function wholeProcess(
  args: string[],
  command = process.execPath,
): Promise<{
  ms: number;
  code: number | null;
  requests: number;
  allRequests: number;
  refused: number;
  output: string;
}> {
  const before = { op: neutral.requests(isOpPath), all: neutral.requests(), refused: neutral.refused() };
  let output = "";
  const started = performance.now();
  return new Promise((ok) => {
    const done = (ms: number, code: number | null) =>
      ok({
        ms,
        code,
        requests: neutral.requests(isOpPath) - before.op,
        allRequests: neutral.requests() - before.all,
        refused: neutral.refused() - before.refused,
        output,
      });
    const child = spawn(command, args, {
      cwd: dir,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-4000);
    };
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    child.on("error", () => done(Number.NaN, null));
    child.on("close", (code) => done(performance.now() - started, code));
  });
}

function rate(n: number, ms: number): number {
  return Math.round((n / ms) * 1000);
}

function perSecond(work: () => unknown, ms = 1000): number {
  let n = 0;
  const end = performance.now() + ms;
  while (performance.now() < end) for (let i = 0; i < 100; i++, n++) work();
  return Math.round(n / (ms / 1000));
}

const validate = bundle.validators[op.request.body?.key ?? ""];
const sampleBodies = fc.sample(caseArbitrary(op, "valid"), { seed: 2, numRuns: 100 }).map((c) => c.body);
let v = 0;
const validatorsPerSecond = validate ? perSecond(() => validate(sampleBodies[v++ % 100])) : undefined;
const signaturesPerSecond = perSecond(() =>
  signRequest({
    auth: op.auth,
    method: op.method,
    path: op.path,
    body: "{}",
    headers: {},
    credentials,
    accessToken: "t",
  }),
);

/**
 * One round: the runner against the neutral target (its requests recorded) and that target's ceiling right
 * after it; then the runner against a fresh in-process mock and a fresh mock's ceiling right after it. Each
 * ratio compares two adjacent measurements, so a change of the shared machine's speed between rounds moves
 * both sides of it. Each mock is started (with the bench's identity) before its side's clock: starting a
 * target is not the runner's work, and a generated identity's RSA key pair takes a random 50-300 ms.
 */
async function round(cases = CASES) {
  const sent: SentRequest[] = [];
  const runnerNeutral = await inRun(neutralUrl, [OPERATION], cases, ["property"], { sent });
  const rawNeutral = await replay(sent, { base: neutralUrl, bundle, credentials, concurrency: CONCURRENCY });
  // Both sides get a mock started before their clock (the run closes its own).
  const runnerMock = await inRun("mock", [OPERATION], cases, ["property"], {
    mock: await startMock({ bundle, identity }),
  });
  const mock = await startMock({ bundle, identity });
  const rawMock = await replay(sent, { base: mock.url, bundle, credentials, concurrency: CONCURRENCY });
  await mock.close();
  return { runnerNeutral, rawNeutral, runnerMock, rawMock };
}
// Warm-up: WARM_UP_ROUNDS rounds as large as the measured ones (at least PLAN_THREAD_MIN, so the plan
// thread's code is compiled too), so that both sides of each ratio start at their JIT steady state: the
// replay's few functions warm at once, the runner's main thread takes a few thousand cases (docs/benchmarks.md,
// "Seventh pass" and "Ninth pass": in a fresh process the ratio of 1,000-case rounds climbs over the first
// three and is flat, within the host's noise, from the fourth). Until the seventh pass the warm-up was one
// round of 200 cases, until the ninth one round of 1,000, and the first measured round was still climbing.
// The warm-up rounds' own ratios are printed (`warmUp`), first to last: the runner from a cold process.
const WARM_UP_CASES = Math.max(PLAN_THREAD_MIN, CASES);
const warmUps: Awaited<ReturnType<typeof round>>[] = [];
for (let i = 0; i < WARM_UP_ROUNDS; i++) warmUps.push(await round(WARM_UP_CASES));
const rounds: Awaited<ReturnType<typeof round>>[] = [];
for (let i = 0; i < ROUNDS; i++) rounds.push(await round());
const cli = [
  join(root, "bin/doku-conformance.js"),
  "run",
  "--target",
  neutralUrl,
  "--operation",
  OPERATION,
  "--phase",
  "property",
  "--cases",
  String(CASES),
  "--seed",
  "79",
];
const wholeRuns: Awaited<ReturnType<typeof wholeProcess>>[] = [];
for (let i = 0; i < WHOLE_RUNS; i++) wholeRuns.push(await wholeProcess(cli));
const probe = spawnSync("schemathesis", ["--version"], { encoding: "utf8" });
const schemathesisVersion = probe.error === undefined ? probe.stdout.trim() : undefined;
// Like our `--phase property`: generated valid cases only (fuzzing phase, positive mode), every case sent
// even after a failure (the neutral target's fixed answers break response checks on both sides).
const schemathesisArgs = [
  "run",
  join(root, "generated/openapi.json"),
  "--url",
  neutralUrl,
  "--include-operation-id",
  OPERATION,
  "--phases",
  "fuzzing",
  "--mode",
  "positive",
  "--continue-on-failure",
  "--max-examples",
  String(CASES),
  "--seed",
  "79",
  "--no-color",
];
const schemathesis = schemathesisVersion ? await wholeProcess(schemathesisArgs, "schemathesis") : undefined;
// With Schemathesis, as many of ours again right after it: its run takes a minute or two, in which the shared
// host's speed moves, so ours are measured on both sides of it (like each ratio's adjacent rounds).
const wholeRunsAfter: typeof wholeRuns = [];
if (schemathesis) for (let i = 0; i < WHOLE_RUNS; i++) wholeRunsAfter.push(await wholeProcess(cli));
// The median run (by wall time; of an even count, the slower middle one), whole: its requests and exit
// belong to the same run as its time.
const allWholeRuns = [...wholeRuns, ...wholeRunsAfter];
const whole = [...allWholeRuns].sort((a, b) => a.ms - b.ms)[
  Math.floor(allWholeRuns.length / 2)
] as (typeof wholeRuns)[0];
const wholeRunsMs = wholeRuns.map((r) => Math.round(r.ms));
const wholeRunsAfterMs = wholeRunsAfter.map((r) => Math.round(r.ms));
const soak = process.env.BENCH_SOAK === "1" ? await inRun("mock", undefined, 10_000) : undefined;
neutral.close();
rmSync(dir, { recursive: true, force: true });

/**
 * Schemathesis beside our whole process: wall times, requests each sent (answered at the operation's path,
 * plus any the target's HTTP parser refused), and the ratios of wall time and of time per request sent. A run
 * that sent nothing to the operation (a spec error, a bad flag) has no time.
 */
function compareSchemathesis(st: Awaited<ReturnType<typeof wholeProcess>>) {
  const generated = /(\d+) generated/.exec(st.output)?.[1];
  const sent = st.requests + st.refused;
  const oursSent = whole.requests + whole.refused;
  const common = {
    version: schemathesisVersion,
    args: schemathesisArgs.slice(2).join(" ").replace(neutralUrl, "<neutral>"),
    exit: st.code,
    casesGenerated: generated === undefined ? null : Number(generated),
    requestsSent: sent,
    refusedByTargetParser: st.refused,
    otherPaths: st.allRequests - st.requests,
    // Its closing summary (failures, errors, test cases), one line each.
    summary: (/\n(?:Failures|Errors|Test cases):[\s\S]*?(?=\nSeed:)/.exec(st.output)?.[0] ?? "")
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean),
  };
  if (st.requests === 0) return { ...common, error: "sent no request to the operation", output: st.output };
  return {
    ...common,
    wholeProcessMs: Math.round(st.ms),
    oursWholeProcessMs: Math.round(whole.ms),
    oursWholeProcessRunsMs: wholeRunsMs,
    oursWholeProcessRunsAfterMs: wholeRunsAfterMs,
    oursRequestsSent: oursSent,
    wallRatio: Number((st.ms / whole.ms).toFixed(1)),
    perRequestRatio: Number((st.ms / sent / (whole.ms / oursSent)).toFixed(1)),
  };
}

/**
 * The rounds of one target: in-run cases/s and raw requests/s (medians), the replays' answers by status
 * class, and the ratio of each round with their median (none when the target refused a replayed request:
 * a ceiling made of refusals is not a ceiling).
 */
function target(pairs: { runner: Awaited<ReturnType<typeof inRun>>; raw: Replayed }[]) {
  const runnerRates = pairs.map((p) => rate(p.runner.cases, p.runner.durationMs));
  const rawRates = pairs.map((p) => (p.raw.requests / p.raw.ms) * 1000);
  const ratios = pairs.map((_, i) =>
    Number(((runnerRates[i] as number) / (rawRates[i] as number)).toFixed(3)),
  );
  const statuses: Record<string, number> = {};
  for (const p of pairs)
    for (const [kind, n] of Object.entries(p.raw.statuses)) statuses[kind] = (statuses[kind] ?? 0) + n;
  const requests = pairs.reduce((n, p) => n + p.raw.requests, 0);
  const refused = requests - (statuses["2xx"] ?? 0);
  return {
    inRunCasesPerSecond: median(runnerRates),
    rawRequestsPerSecond: Math.round(median(rawRates)),
    rawRequestsPerRound: pairs[0]?.raw.requests,
    rawStatuses: statuses,
    ...(refused === 0
      ? { ratio: median(ratios), ratios }
      : { ratio: null, error: `${refused} replayed requests were not answered 2xx: not a ceiling` }),
  };
}
const firstMock = rounds[0]?.runnerMock as Awaited<ReturnType<typeof inRun>>;

console.log(
  JSON.stringify({
    bench: "scale",
    operation: OPERATION,
    cases: CASES,
    rounds: ROUNDS,
    neutral: {
      ...target(rounds.map((r) => ({ runner: r.runnerNeutral, raw: r.rawNeutral }))),
      wholeProcessCasesPerSecond: rate(CASES, whole.ms),
      wholeProcessRunsMs: wholeRunsMs,
      ...(wholeRunsAfter.length > 0 ? { wholeProcessRunsAfterSchemathesisMs: wholeRunsAfterMs } : {}),
      wholeProcessExit: whole.code,
    },
    mock: {
      ...target(rounds.map((r) => ({ runner: r.runnerMock, raw: r.rawMock }))),
      refusedValid: rounds.reduce((n, r) => n + r.runnerMock.refusedValid, 0),
      // First round: later rounds start from a heap the earlier ones already grew.
      rssMbPer1000Cases: Number(((firstMock.rssGrowthMb / firstMock.cases) * 1000).toFixed(2)),
    },
    warmUp: {
      rounds: WARM_UP_ROUNDS,
      cases: WARM_UP_CASES,
      neutralRatios: warmUps.map((w) => target([{ runner: w.runnerNeutral, raw: w.rawNeutral }]).ratio),
      mockRatios: warmUps.map((w) => target([{ runner: w.runnerMock, raw: w.rawMock }]).ratio),
    },
    validatorsPerSecond,
    signaturesPerSecond,
    schemathesis: schemathesis
      ? compareSchemathesis(schemathesis)
      : "skipped: no `schemathesis` on PATH (install: pipx install schemathesis)",
    soak: soak
      ? {
          cases: soak.cases,
          requests: soak.requests,
          refusedValid: soak.refusedValid,
          peakRssMb: Math.round(soak.peakRssMb),
          wallSeconds: Number((soak.ms / 1000).toFixed(1)),
        }
      : "skipped (BENCH_SOAK=1 runs every operation × 10,000 cases against the mock)",
    planThread: planThread !== undefined,
    machine: {
      cpus: cpus().length,
      node: process.version,
      loadAverage: loadavg().map((l) => Number(l.toFixed(2))),
    },
  }),
);
