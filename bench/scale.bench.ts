/**
 * Scale: the runner against a neutral in-process target and the raw ceiling of that target in the same run,
 * their ratio, whole process and in-run cases/s side by side, memory per 1,000 cases, validators/s,
 * signatures/s, and — when a `schemathesis` command is on PATH — the same operation and case count through
 * Schemathesis (install: `pipx install schemathesis`; skipped with a note when absent). With BENCH_SOAK=1,
 * the soak: every operation × 10,000 cases against the kit's mock, valid cases refused and peak RSS.
 * Prints one JSON line. Method and results: docs/benchmarks.md "Scale".
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { loadSpecBundle } from "../conformance/bundle.js";
import { caseArbitrary } from "../src/arbitraries/index.js";
import { createLimiter } from "../src/engine/limiter.js";
import { createHttpTransport } from "../src/engine/transport.js";
import { startMock } from "../src/mock/index.js";
import type { Operation } from "../src/model/operation.js";
import { runSuite } from "../src/runner/suite.js";
import { signRequest } from "../src/signatures/request-signer.js";
import { startNeutral } from "./neutral.js";

const CASES = Number(process.env.BENCH_CASES ?? 1000);
const OPERATION = process.env.BENCH_OPERATION ?? "snapCreateVa";
const CONCURRENCY = 8;
const root = fileURLToPath(new URL("..", import.meta.url));
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

async function inRun(target: string, operations: string[] | undefined, cases: number, phases?: "property"[]) {
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

/** The raw ceiling: one signed request of the operation re-sent `count` times, 8 in flight, nothing checked. */
async function raw(base: string, count: number) {
  const transport = createHttpTransport({ maxSockets: CONCURRENCY });
  const limiter = createLimiter({ concurrency: CONCURRENCY });
  const [kase] = fc.sample(caseArbitrary(op, "valid"), { seed: 1, numRuns: 1 });
  const body = JSON.stringify(kase?.body ?? {});
  const started = performance.now();
  await Promise.all(
    Array.from({ length: count }, () =>
      limiter.run(() => {
        const s = signRequest({
          auth: op.auth,
          method: op.method,
          path: op.path,
          body,
          headers: {},
          credentials,
          accessToken: "t",
        });
        return transport.send(
          { method: op.method, url: `${base}${op.path}`, headers: s.headers, body: s.body },
          { timeoutMs: 30_000 },
        );
      }),
    ),
  );
  const ms = performance.now() - started;
  await transport.close();
  return { requestsPerSecond: (count / ms) * 1000 };
}

/** The whole process: the CLI spawned against the neutral target, spawn to exit. */
function wholeProcess(
  args: string[],
  command = process.execPath,
): Promise<{ ms: number; code: number | null }> {
  const started = performance.now();
  return new Promise((ok) => {
    const child = spawn(command, args, { cwd: dir, env: { ...process.env, ...env }, stdio: "ignore" });
    child.on("error", () => ok({ ms: Number.NaN, code: null }));
    child.on("exit", (code) => ok({ ms: performance.now() - started, code }));
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

await inRun(neutralUrl, [OPERATION], 50, ["property"]); // warm-up
const runnerNeutral = await inRun(neutralUrl, [OPERATION], CASES, ["property"]);
const rawNeutral = await raw(neutralUrl, CASES);
const mock = await startMock({ bundle, identity });
const rawMock = await raw(mock.url, CASES);
await mock.close();
const runnerMock = await inRun("mock", [OPERATION], CASES, ["property"]);
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
const whole = await wholeProcess(cli);
const hasSchemathesis = spawnSync("schemathesis", ["--version"]).error === undefined;
const schemathesis = hasSchemathesis
  ? await wholeProcess(
      [
        "run",
        join(root, "generated/openapi.json"),
        "--url",
        neutralUrl,
        "--include-operation-id",
        OPERATION,
        "--max-examples",
        String(CASES),
      ],
      "schemathesis",
    )
  : undefined;
const soak = process.env.BENCH_SOAK === "1" ? await inRun("mock", undefined, 10_000) : undefined;
neutral.close();
rmSync(dir, { recursive: true, force: true });

const inRunNeutral = rate(runnerNeutral.cases, runnerNeutral.durationMs);
console.log(
  JSON.stringify({
    bench: "scale",
    operation: OPERATION,
    cases: CASES,
    neutral: {
      inRunCasesPerSecond: inRunNeutral,
      wholeProcessCasesPerSecond: rate(CASES, whole.ms),
      wholeProcessExit: whole.code,
      rawRequestsPerSecond: Math.round(rawNeutral.requestsPerSecond),
      ratio: Number((inRunNeutral / rawNeutral.requestsPerSecond).toFixed(3)),
    },
    mock: {
      inRunCasesPerSecond: rate(runnerMock.cases, runnerMock.durationMs),
      rawRequestsPerSecond: Math.round(rawMock.requestsPerSecond),
      ratio: Number((rate(runnerMock.cases, runnerMock.durationMs) / rawMock.requestsPerSecond).toFixed(3)),
      refusedValid: runnerMock.refusedValid,
      rssMbPer1000Cases: Number(((runnerMock.rssGrowthMb / runnerMock.cases) * 1000).toFixed(2)),
    },
    validatorsPerSecond,
    signaturesPerSecond,
    schemathesis: schemathesis
      ? {
          wholeProcessMs: Math.round(schemathesis.ms),
          exit: schemathesis.code,
          ratio: Number((schemathesis.ms / whole.ms).toFixed(1)),
        }
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
    machine: {
      cpus: cpus().length,
      node: process.version,
      loadAverage: loadavg().map((l) => Number(l.toFixed(2))),
    },
  }),
);
