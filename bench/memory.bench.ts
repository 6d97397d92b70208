/**
 * Memory at scale: the CLI (`bin/doku-conformance.js run`) spawned against the neutral target with
 * `--phase property --cases N` over every merchant -> DOKU operation, N chosen so the run sends about
 * BENCH_TOTAL cases (default 120,000); peak RSS of the CLI process (`/usr/bin/time -v`, "Maximum resident set
 * size"), wall time, cases sent (report.json), exit code. BENCH_ROOT runs another checkout's bin (its built
 * dist/) against the same target, for before/after comparisons on the same machine state.
 * Prints one JSON line. Method and results: docs/benchmarks.md "Scale".
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadSpecBundle } from "../conformance/bundle.js";
import { startMock } from "../src/mock/index.js";
import { startNeutral } from "./neutral.js";

const TOTAL = Number(process.env.BENCH_TOTAL ?? 120_000);
const root = process.env.BENCH_ROOT ?? fileURLToPath(new URL("..", import.meta.url));
const bundle = await loadSpecBundle();
const operations = bundle.operations.filter((op) => op.kind === "path").length;
const cases = Math.ceil(TOTAL / operations);
const dir = mkdtempSync(join(tmpdir(), "bench-memory-"));
const identityMock = await startMock({ bundle });
const identity = identityMock.identity;
await identityMock.close();
const keyFile = join(dir, "merchant.pem");
writeFileSync(keyFile, identity.merchantPrivateKeyPem as string, { mode: 0o600 });
const neutral = await startNeutral(bundle);
const out = join(dir, "report");
const args = [
  "-v",
  process.execPath,
  join(root, "bin/doku-conformance.js"),
  "run",
  "--target",
  neutral.url,
  "--phase",
  "property",
  "--cases",
  String(cases),
  "--seed",
  "79",
  "--reporter",
  "json",
  "--output-dir",
  out,
];
const started = performance.now();
const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((ok) => {
  const child = spawn("/usr/bin/time", args, {
    cwd: dir,
    env: {
      ...process.env,
      DOKU_CLIENT_ID: identity.clientId,
      DOKU_SECRET_KEY: identity.secretKey,
      DOKU_PRIVATE_KEY_FILE: keyFile,
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let err = "";
  child.stderr.on("data", (d) => {
    err += String(d);
  });
  child.on("exit", (c) => ok({ code: c, stderr: err }));
});
const wallMs = performance.now() - started;
neutral.close();
const peakKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1] ?? Number.NaN);
let sent: number | undefined;
let durationMs: number | undefined;
try {
  const report = JSON.parse(readFileSync(join(out, "report.json"), "utf8"));
  sent = report.summary.cases;
  durationMs = report.durationMs;
} catch {
  sent = undefined;
}
rmSync(dir, { recursive: true, force: true });
console.log(
  JSON.stringify({
    bench: "memory",
    root,
    operations,
    casesPerOperation: cases,
    casesSent: sent,
    exit: code,
    peakRssMb: Math.round(peakKb / 1024),
    wallSeconds: Number((wallMs / 1000).toFixed(1)),
    inRunCasesPerSecond: sent && durationMs ? Math.round((sent / durationMs) * 1000) : undefined,
    machine: {
      cpus: cpus().length,
      node: process.version,
      loadAverage: loadavg().map((l) => Number(l.toFixed(2))),
    },
  }),
);
