/**
 * Runner throughput against the embedded mock, the mock's raw throughput on the same request mix, their
 * ratio, and the wall time of the default `doku-conformance run`. Prints one JSON line.
 *
 * Method (docs/benchmarks.md "Runner"):
 * 1. runner: runSuite against a fresh in-process mock, phases examples/boundary/property/negative (the fixed,
 *    small signature phase is left out so both sides send the same kind of valid, signed requests), default
 *    concurrency 8; every request it sends is captured. cases/s = cases / wall time of runSuite (planning,
 *    signing, sending, checking, reporting included); requests/s = every request (tokens, setup) / same time.
 * 2. raw: a fresh mock with the same identity; the captured requests are re-sent in the same order by a plain
 *    keep-alive loop with 8 in flight, re-signed on the fly (fresh token, X-EXTERNAL-ID / Request-Id,
 *    timestamp), nothing generated, nothing checked (bench/replay.ts). requests/s = requests / wall time;
 *    the answers' status classes are printed.
 * 3. ratio = runner requests/s / raw requests/s (goal >= 0.70); cases/s goal >= 1000. cpuMicrosPerCase = process
 *    CPU time (user + system: runner and in-process mock together) during runSuite / cases, median of rounds.
 * 4. default run: `node bin/doku-conformance.js run` (all operations, all phases, 100 cases) spawned, wall
 *    time from spawn to exit (goal <= 8 s), its exit code recorded.
 * Each measurement runs ROUNDS times after one warm-up; the median is reported.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadSpecBundle } from "../conformance/bundle.js";
import { createHttpTransport } from "../src/engine/transport.js";
import { startMock } from "../src/mock/index.js";
import type { SentRequest } from "../src/model/case.js";
import { runSuite } from "../src/runner/suite.js";
import { recording, replay } from "./replay.js";
import { median } from "./stats.js";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CASES = Number(process.env.BENCH_CASES ?? 100);
const CONCURRENCY = 8;
const root = fileURLToPath(new URL("..", import.meta.url));
const bundle = await loadSpecBundle();

async function runnerRound(seed: number) {
  const mock = await startMock({ bundle });
  const sent: SentRequest[] = [];
  const outputDir = mkdtempSync(join(tmpdir(), "bench-runner-"));
  const transport = recording(createHttpTransport({ maxSockets: CONCURRENCY }), sent);
  const cpu = process.cpuUsage();
  const started = performance.now();
  const summary = await runSuite({
    bundle,
    seed,
    cases: CASES,
    phases: ["examples", "boundary", "property", "negative"],
    startMock: async () => mock,
    transport,
    outputDir,
    concurrency: CONCURRENCY,
  });
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  rmSync(outputDir, { recursive: true, force: true });
  return {
    ms,
    cpuMicros: used.user + used.system,
    cases: summary.summary.cases,
    requests: summary.summary.requests,
    errors: summary.summary.errors,
    sent,
    identity: mock.identity,
  };
}

async function rawRound(sent: SentRequest[], identity: Awaited<ReturnType<typeof startMock>>["identity"]) {
  const mock = await startMock({ bundle, identity });
  const credentials = {
    clientId: identity.clientId,
    secretKey: identity.secretKey,
    privateKey: identity.merchantPrivateKeyPem as string,
  };
  const replayed = await replay(sent, { base: mock.url, bundle, credentials, concurrency: CONCURRENCY });
  await mock.close();
  return replayed;
}

function defaultRun() {
  const cwd = mkdtempSync(join(tmpdir(), "bench-default-"));
  const started = performance.now();
  const result = spawnSync(
    process.execPath,
    [join(root, "bin/doku-conformance.js"), "run", "--reporter", "json"],
    { cwd, encoding: "utf8" },
  );
  const ms = performance.now() - started;
  rmSync(cwd, { recursive: true, force: true });
  return {
    ms,
    exitCode: result.status,
    lastLine: (result.stdout.trim().split("\n").pop() ?? result.stderr.trim()).slice(0, 200),
  };
}

await runnerRound(1); // warm-up: JIT, Prism, validators
const runner: Awaited<ReturnType<typeof runnerRound>>[] = [];
const raw: Awaited<ReturnType<typeof rawRound>>[] = [];
for (let round = 0; round < ROUNDS; round++) {
  const r = await runnerRound(1000 + round);
  runner.push(r);
  raw.push(await rawRound(r.sent, r.identity));
}
const defaults = Array.from({ length: ROUNDS }, defaultRun);

const runnerCasesPerSecond = median(runner.map((r) => (r.cases / r.ms) * 1000));
const runnerRequestsPerSecond = median(runner.map((r) => (r.requests / r.ms) * 1000));
const rawRequestsPerSecond = median(raw.map((r) => (r.requests / r.ms) * 1000));
console.log(
  JSON.stringify({
    bench: "runner",
    rounds: ROUNDS,
    casesPerOperation: CASES,
    concurrency: CONCURRENCY,
    runner: {
      casesPerSecond: Math.round(runnerCasesPerSecond),
      requestsPerSecond: Math.round(runnerRequestsPerSecond),
      // CPU time (runner + the in-process mock) per case: steadier than wall time on a shared machine.
      cpuMicrosPerCase: Math.round(median(runner.map((r) => r.cpuMicros / r.cases))),
      cases: runner[0]?.cases,
      requests: runner[0]?.requests,
      errorViolations: runner.map((r) => r.errors),
    },
    raw: {
      requestsPerSecond: Math.round(rawRequestsPerSecond),
      requests: raw[0]?.requests,
      // Answers by status class per round: the runner's valid cases, so all 2xx unless the mock refused one.
      statuses: raw.map((r) => r.statuses),
    },
    ratio: Number((runnerRequestsPerSecond / rawRequestsPerSecond).toFixed(3)),
    defaultRun: {
      wallSeconds: Number((median(defaults.map((d) => d.ms)) / 1000).toFixed(2)),
      exitCodes: defaults.map((d) => d.exitCode),
      lastLine: defaults[0]?.lastLine,
    },
    goals: { casesPerSecond: 1000, ratio: 0.7, defaultRunSeconds: 8 },
    machine: {
      cpus: cpus().length,
      node: process.version,
      loadAverage: loadavg().map((l) => Number(l.toFixed(2))),
    },
  }),
);
