/**
 * Valid cases generated per second for snapCreateVa and dokuVaCreatePaymentCode (target >= 10,000/s on
 * one core). Plain script: `node --import tsx bench/arbitraries.bench.ts`; one JSON line per operation.
 *
 * Method: build the Arbitrary once (timed separately), warm up, then time BATCHES batches of BATCH cases
 * (fc.sample, distinct seeds). Each batch is timed two ways: wall clock (process.hrtime.bigint) and this
 * process's CPU time (process.cpuUsage, user + system, which also counts V8's background GC threads, so it
 * errs on the slow side). Generation itself is single-threaded JavaScript. Reported: the median batch of
 * each. For a strict one-core figure on a busy machine: `taskset -c 0 node --import tsx bench/...`.
 */
import fc from "fast-check";
import { loadSpecBundle } from "../conformance/bundle.js";
import { caseArbitrary } from "../src/arbitraries/index.js";
import { median } from "./stats.js";

const OPERATIONS = ["snapCreateVa", "dokuVaCreatePaymentCode"];
const WARMUP = 20_000;
const BATCH = 10_000;
const BATCHES = 7;

const cpuSeconds = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

const bundle = await loadSpecBundle();
for (const id of OPERATIONS) {
  const op = bundle.operations.find((o) => o.id === id);
  if (!op) throw new Error(`unknown operation ${id}`);
  const t0 = process.hrtime.bigint();
  const arb = caseArbitrary(op, "valid");
  fc.sample(arb, { seed: 0, numRuns: 1 });
  const buildMs = Number(process.hrtime.bigint() - t0) / 1e6;
  fc.sample(arb, { seed: 1, numRuns: WARMUP });
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let b = 0; b < BATCHES; b++) {
    const [start, startCpu] = [process.hrtime.bigint(), cpuSeconds()];
    const cases = fc.sample(arb, { seed: 100 + b, numRuns: BATCH });
    const [seconds, cpuUsed] = [Number(process.hrtime.bigint() - start) / 1e9, cpuSeconds() - startCpu];
    if (cases.length !== BATCH) throw new Error("short batch");
    wall.push(BATCH / seconds);
    cpu.push(BATCH / cpuUsed);
  }
  console.log(
    JSON.stringify({
      bench: "arbitraries.valid-cases",
      operation: id,
      casesPerCpuSecond: Math.round(median(cpu)),
      casesPerWallSecond: Math.round(median(wall)),
      wallRange: [Math.round(Math.min(...wall)), Math.round(Math.max(...wall))],
      target: 10_000,
      buildMs: Math.round(buildMs),
      method: `caseArbitrary(op, "valid") built once (buildMs, includes the first case); ${WARMUP} warm-up cases; ${BATCHES} batches of ${BATCH} via fc.sample with distinct seeds; per batch: process.cpuUsage (user+system) and process.hrtime.bigint; medians`,
      node: process.version,
      loadavg: (await import("node:os")).loadavg().map((x) => Math.round(x * 100) / 100),
    }),
  );
}
