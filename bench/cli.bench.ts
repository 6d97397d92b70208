/**
 * CLI start-up: `node bin/doku-conformance.js --help` spawned RUNS times after one warm-up; wall time from
 * spawn to exit, median and range. It is what a user feels on every command, and it grows with whatever
 * the entry point loads eagerly. Prints one JSON line.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { median } from "./stats.js";

const RUNS = 11;
const root = fileURLToPath(new URL("..", import.meta.url));

function once(args: readonly string[]): number {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ["bin/doku-conformance.js", ...args], {
    cwd: root,
    stdio: "ignore",
  });
  if (result.status !== 0) throw new Error(`doku-conformance ${args.join(" ")} exited ${result.status}`);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

function measure(args: readonly string[]) {
  once(args);
  const times = Array.from({ length: RUNS }, () => once(args));
  return {
    medianMs: Math.round(median(times)),
    rangeMs: [Math.round(Math.min(...times)), Math.round(Math.max(...times))],
  };
}

console.log(
  JSON.stringify({
    bench: "cli",
    runs: RUNS,
    help: measure(["--help"]),
    runHelp: measure(["run", "--help"]),
  }),
);
