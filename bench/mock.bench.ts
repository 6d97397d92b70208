/**
 * The embedded mock's throughput and startup, next to the Prism CLI on the same bundled spec. Prints one
 * JSON line. Run: `node --import tsx bench/mock.bench.ts` (or `npm run bench -- mock`).
 *
 * Method (docs/benchmarks.md "Mock"):
 * - Throughput: each target runs in its own process on 127.0.0.1; this process is the load generator, a
 *   closed loop over an undici Pool (16 connections, pipelining 1, keep-alive), 16 workers, 1 s warm-up
 *   then 10 s measured. Every request is a valid, signed snapCreateVa (POST create-va) with a unique trxId,
 *   customerNo and X-EXTERNAL-ID, signed before the run starts (one B2B token, HMAC-SHA512 X-SIGNATURE), so
 *   the mock does its full work per request: token check, signature over the raw bytes, validation,
 *   external-id and trxId bookkeeping, Prism answer, overlay. The Prism CLI (`prism mock -v silent`) gets
 *   the same requests; it does no signature or state checks, only its own schema validation.
 * - Startup: spawn to the first 2xx, RUNS times each. Mock: `node bin/doku-conformance.js mock --port 0`
 *   with no credentials (a test identity is generated, as on a fresh clone); the first 2xx is a Get Token
 *   request signed with the identity it prints. Prism CLI: `prism mock -h 127.0.0.1 -p <port> -v silent
 *   generated/openapi.json`, polled every 25 ms with a valid create-va until 2xx.
 * Both share this machine's cores with the load generator; compare the two columns, not absolute numbers.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Pool } from "undici";
import { loadSpecBundle } from "../conformance/bundle.js";
import type { MockIdentity } from "../src/mock/index.js";
import type { Operation } from "../src/model/operation.js";
import { type SignedRequest, signRequest } from "../src/signatures/index.js";

const WARMUP_MS = Number(process.env.BENCH_WARMUP_MS ?? 1000);
const MEASURE_MS = Number(process.env.BENCH_MEASURE_MS ?? 10_000);
const CONNECTIONS = 16;
const RUNS = Number(process.env.BENCH_STARTUP_RUNS ?? 5);
const PRESIGNED = Number(process.env.BENCH_PRESIGNED ?? 60_000);

const root = fileURLToPath(new URL("..", import.meta.url));
const bundle = await loadSpecBundle();
const createVa = bundle.operations.find((o) => o.id === "snapCreateVa") as Operation;
const tokenOp = bundle.operations.find((o) => o.id === "snapGetTokenB2b") as Operation;
const sample = createVa.request.examples.find((e) => e.name === "mgpc")?.value as Record<string, unknown>;

let sequence = 0;
/** A valid create-va request for `identity`, unique in trxId, customerNo and X-EXTERNAL-ID. */
function createVaRequest(identity: MockIdentity, token: string): SignedRequest {
  sequence += 1;
  const customerNo = `3${String(sequence).padStart(19, "0")}`;
  // The phone in the documented 62 format: Prism knows no x-doku-conflict and refuses 0816...
  const body = {
    ...sample,
    customerNo,
    virtualAccountNo: `98829172${customerNo}`,
    virtualAccountPhone: "62816291271826",
    trxId: `BENCH-${sequence}`,
  };
  return signRequest({
    auth: "snap-symmetric",
    method: "POST",
    path: createVa.path,
    body: JSON.stringify(body),
    headers: {
      "Content-Type": "application/json",
      "X-PARTNER-ID": identity.clientId,
      "X-EXTERNAL-ID": `${Date.now()}${String(sequence).padStart(8, "0")}`,
      "CHANNEL-ID": "H2H",
    },
    credentials: { clientId: identity.clientId, secretKey: identity.secretKey },
    accessToken: token,
  });
}

function tokenRequest(identity: MockIdentity): SignedRequest {
  return signRequest({
    auth: "snap-asymmetric-token",
    method: "POST",
    path: tokenOp.path,
    body: '{"grantType":"client_credentials"}',
    headers: { "Content-Type": "application/json" },
    credentials: { clientId: identity.clientId, privateKey: identity.merchantPrivateKeyPem as string },
  });
}

async function post(url: string, req: SignedRequest): Promise<{ status: number; text: string }> {
  const res = await fetch(new URL(req.path, url), {
    method: req.method,
    headers: req.headers,
    body: req.body,
  });
  return { status: res.status, text: await res.text() };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Spawns a target; resolves once `ready` returns true for its stdout so far. */
function spawnTarget(command: string, args: string[]): { child: ChildProcess; out: () => string } {
  const child = spawn(command, args, { cwd: root, stdio: ["ignore", "pipe", "pipe"], env: withoutDokuEnv() });
  let out = "";
  child.stdout?.on("data", (c: Buffer) => {
    out += c.toString("utf8");
  });
  child.stderr?.on("data", () => {});
  return { child, out: () => out };
}

function withoutDokuEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("DOKU_")));
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGINT");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
  await exited;
  clearTimeout(timer);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `probe` gives a 2xx; returns ms since `start`. Gives up after 60 s. */
async function until2xx(start: number, probe: () => Promise<number>): Promise<number> {
  let last = 0;
  while (performance.now() - start < 60_000) {
    last = await probe().catch(() => 0);
    if (last >= 200 && last < 300) return performance.now() - start;
    await sleep(25);
  }
  throw new Error(`no 2xx within 60 s (last status ${last})`);
}

interface LoadResult {
  requests: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  statuses: Record<string, number>;
}

/** Closed loop: CONNECTIONS workers, each sends the next request as soon as its answer arrived. */
async function load(url: string, next: () => SignedRequest): Promise<LoadResult> {
  const pool = new Pool(url, { connections: CONNECTIONS, pipelining: 1 });
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  let measuring = false;
  let stopped = false;
  const worker = async () => {
    while (!stopped) {
      const req = next();
      const t0 = performance.now();
      try {
        const res = await pool.request({
          method: "POST",
          path: req.path,
          headers: req.headers,
          body: req.body,
        });
        await res.body.dump();
        if (measuring && !stopped) {
          latencies.push(performance.now() - t0);
          statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
        }
      } catch {
        if (measuring) errors += 1;
      }
    }
  };
  const workers = Array.from({ length: CONNECTIONS }, worker);
  await sleep(WARMUP_MS);
  measuring = true;
  const t0 = performance.now();
  await sleep(MEASURE_MS);
  stopped = true;
  const elapsed = performance.now() - t0;
  await Promise.all(workers);
  await pool.close();
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => Number((latencies[Math.floor((latencies.length - 1) * p)] ?? 0).toFixed(2));
  return {
    requests: latencies.length,
    rps: Math.round((latencies.length / elapsed) * 1000),
    p50Ms: pct(0.5),
    p99Ms: pct(0.99),
    errors,
    statuses,
  };
}

/** Signs PRESIGNED requests up front; signs on the fly if a run outlasts them. */
function requestSource(identity: MockIdentity, token: string): () => SignedRequest {
  const ready = Array.from({ length: PRESIGNED }, () => createVaRequest(identity, token));
  let i = 0;
  return () => ready[i++] ?? createVaRequest(identity, token);
}

async function mockThroughput(): Promise<LoadResult> {
  const dir = mkdtempSync(join(tmpdir(), "mock-bench-"));
  const file = join(dir, "identity.json");
  const target = spawnTarget(process.execPath, [
    "bin/doku-conformance.js",
    "mock",
    "--port",
    "0",
    "--identity-file",
    file,
  ]);
  try {
    while (!/listening on (\S+)/.test(target.out())) {
      if (target.child.exitCode !== null) throw new Error(`mock exited: ${target.out()}`);
      await sleep(20);
    }
    const url = (/listening on (\S+)/.exec(target.out()) as RegExpExecArray)[1] as string;
    const identity = JSON.parse(readFileSync(file, "utf8")) as MockIdentity;
    const token = JSON.parse((await post(url, tokenRequest(identity))).text).accessToken as string;
    return await load(url, requestSource(identity, token));
  } finally {
    await stop(target.child);
    rmSync(dir, { recursive: true, force: true });
  }
}

async function prismThroughput(): Promise<LoadResult> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const target = spawnTarget(process.execPath, prismArgs(port));
  try {
    const identity = fakeIdentity();
    await until2xx(
      performance.now(),
      async () => (await post(url, createVaRequest(identity, "bench-token"))).status,
    );
    return await load(url, requestSource(identity, "bench-token"));
  } finally {
    await stop(target.child);
  }
}

function prismArgs(port: number): string[] {
  return [
    join(root, "node_modules/@stoplight/prism-cli/dist/index.js"),
    "mock",
    "-h",
    "127.0.0.1",
    "-p",
    String(port),
    "-v",
    "silent",
    join(root, "generated/openapi.json"),
  ];
}

/** Prism checks no signature: any well-formed credentials do. */
function fakeIdentity(): MockIdentity {
  return {
    clientId: "BRN-0000-0000000000000",
    secretKey: "bench",
    merchantPublicKeyPem: "",
    origin: "options",
  };
}

async function mockStartup(): Promise<number> {
  const start = performance.now();
  const target = spawnTarget(process.execPath, ["bin/doku-conformance.js", "mock", "--port", "0"]);
  try {
    let match: RegExpExecArray | null = null;
    while (match === null) {
      if (target.child.exitCode !== null) throw new Error(`mock exited: ${target.out()}`);
      match = /listening on (\S+)[\s\S]*written to (.+) \(mode 0600/.exec(target.out());
      if (match === null) await sleep(5);
    }
    const [, url, file] = match as unknown as [string, string, string];
    const identity = JSON.parse(readFileSync(file, "utf8")) as MockIdentity;
    return await until2xx(start, async () => (await post(url, tokenRequest(identity))).status);
  } finally {
    await stop(target.child);
  }
}

async function prismStartup(): Promise<number> {
  const port = await freePort();
  const start = performance.now();
  const target = spawnTarget(process.execPath, prismArgs(port));
  try {
    const identity = fakeIdentity();
    return await until2xx(
      start,
      async () => (await post(`http://127.0.0.1:${port}`, createVaRequest(identity, "t"))).status,
    );
  } finally {
    await stop(target.child);
  }
}

function summary(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (n: number) => Math.round(n);
  return {
    runs: sorted.map(round),
    minMs: round(sorted[0] as number),
    medianMs: round(sorted[Math.floor(sorted.length / 2)] as number),
    maxMs: round(sorted[sorted.length - 1] as number),
  };
}

const mock = await mockThroughput();
const prism = await prismThroughput();
const mockStarts: number[] = [];
const prismStarts: number[] = [];
for (let i = 0; i < RUNS; i++) {
  mockStarts.push(await mockStartup());
  prismStarts.push(await prismStartup());
}

console.log(
  JSON.stringify({
    bench: "mock",
    method: {
      request:
        "POST create-va (snapCreateVa), valid, signed (B2B token + HMAC-SHA512), unique trxId / customerNo / X-EXTERNAL-ID",
      loadGenerator: `undici Pool, ${CONNECTIONS} connections, pipelining 1, closed loop, ${WARMUP_MS} ms warm-up, ${MEASURE_MS} ms measured`,
      startup: `spawn to first 2xx, ${RUNS} runs each; mock with no credentials (generated identity), first 2xx = Get Token`,
      prismCli: "prism mock -h 127.0.0.1 -p <port> -v silent generated/openapi.json (no signature checks)",
      machine: { cpus: cpus().length, node: process.version },
    },
    throughput: { mock, prismCli: prism, ratio: Number((mock.rps / Math.max(1, prism.rps)).toFixed(2)) },
    startup: { mock: summary(mockStarts), prismCli: summary(prismStarts), targetMs: 2500 },
  }),
);
