/**
 * The bin's thread policy (conformance/helper-threads.ts), read from /proc while a real bin runs: the threads
 * Node started before the kit's first line run at nice 19, the main thread and the threads started later (the
 * mock's worker) keep the process's priority; `DOKU_CONFORMANCE_HELPER_PRIORITY=normal` leaves all of them,
 * and any other value is a usage error. Linux only: elsewhere the policy does nothing (skipped there).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { HELPER_NICE } from "../../conformance/helper-threads.js";
import { type Spawned, spawnBin } from "../reliability/bin.js";

/** Each thread of `pid` with its nice value (/proc/<pid>/task/<tid>/stat, field 19). */
function niceOf(pid: number): Map<number, number> {
  const out = new Map<number, number>();
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/task/${task}/stat`, "utf8");
    } catch {
      continue; // ended meanwhile
    }
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    out.set(Number(task), Number(fields[16]));
  }
  return out;
}

let running: Spawned | undefined;
const dirs: string[] = [];
afterEach(async () => {
  if (running && running.child.exitCode === null) {
    running.child.kill("SIGTERM");
    await running.exit;
  }
  running = undefined;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(process.platform !== "linux")("helper threads (Linux)", () => {
  it("the helpers Node started run at nice 19, the main thread keeps its priority", async () => {
    running = spawnBin(["mock", "--port", "0", "--debug"]);
    await running.waitFor(/listening on/);
    const pid = running.child.pid as number;
    const nice = niceOf(pid);
    const main = nice.get(pid) as number;
    const helpers = [...nice].filter(([tid]) => tid !== pid).map(([, n]) => n);
    expect(main).toBeLessThan(HELPER_NICE);
    // V8's platform workers alone are four.
    expect(helpers.filter((n) => n === HELPER_NICE).length).toBeGreaterThanOrEqual(4);
    const lowered = /helper threads (\d+) lowered/.exec(running.stderr());
    expect(Number(lowered?.[1])).toBeGreaterThanOrEqual(4);
  }, 60_000);

  it("a thread started later (the mock's worker) keeps the main thread's priority", async () => {
    const dir = mkdtempSync(join(tmpdir(), "helper-threads-"));
    dirs.push(dir);
    running = spawnBin(["run", "--seed", "7", "--debug", "--output-dir", dir]);
    // The mock's worker thread is up once it says where it listens.
    for (let i = 0; i < 600 && !/in worker thread/.test(running.stderr()); i++)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(running.stderr()).toMatch(/mock \S+ in worker thread \d+/);
    const pid = running.child.pid as number;
    const nice = niceOf(pid);
    const main = nice.get(pid) as number;
    const later = [...nice].filter(([tid, n]) => tid !== pid && n === main);
    expect(later.length).toBeGreaterThanOrEqual(1);
    expect([...nice.values()].filter((n) => n === HELPER_NICE).length).toBeGreaterThanOrEqual(4);
  }, 60_000);

  it("DOKU_CONFORMANCE_HELPER_PRIORITY=normal leaves every thread at the main thread's priority", async () => {
    running = spawnBin(["mock", "--port", "0", "--debug"], {
      env: { DOKU_CONFORMANCE_HELPER_PRIORITY: "normal" },
    });
    await running.waitFor(/listening on/);
    const pid = running.child.pid as number;
    const nice = niceOf(pid);
    expect(new Set(nice.values())).toEqual(new Set([nice.get(pid)]));
    expect(running.stderr()).toContain(
      "helper threads left as they are (DOKU_CONFORMANCE_HELPER_PRIORITY=normal)",
    );
  }, 60_000);
});

describe("DOKU_CONFORMANCE_HELPER_PRIORITY", () => {
  it("any value but low or normal is a usage error: exit 2, one line", async () => {
    const run = spawnBin(["run", "--operation", "snapCreateVa", "--phase", "examples"], {
      env: { DOKU_CONFORMANCE_HELPER_PRIORITY: "high" },
    });
    expect(await run.exit).toBe(2);
    expect(run.stderr().trim().split("\n")).toEqual([
      'doku-conformance: DOKU_CONFORMANCE_HELPER_PRIORITY must be low or normal; got "high"',
    ]);
  }, 60_000);
});
