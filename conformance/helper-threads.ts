/**
 * The command line's thread policy (Linux): the threads Node started before the kit's first line (V8's
 * background workers, which compile hot functions and help the garbage collector, and Node's own helpers)
 * run at the lowest priority, so that on a small machine the main thread, which draws, signs, sends and
 * checks every case, is not time-sliced with them. Threads started later (the plan and mock workers, libuv's
 * file-system pool) are started by the main thread and keep its priority. Nothing is raised, so no privilege
 * is needed; what V8 runs on a helper still gets done, on a core nothing else wants, or on the main thread's
 * own core while it waits for it. Measured in docs/benchmarks.md ("Ninth pass"): about 5 % off a
 * 1,000-case run's wall time on 2 cores, where the helpers took a third of the process's CPU.
 *
 * Only the bin calls this (it owns its process; a library or test runner's threads are not the kit's).
 * `DOKU_CONFORMANCE_HELPER_PRIORITY=normal` leaves every thread as it is (`low`, the default, lowers them; any
 * other value is a usage error). Elsewhere than Linux (no /proc/self/task, and a pid there names the whole
 * process) it does nothing.
 */
import { readdirSync } from "node:fs";
import { setPriority } from "node:os";

/** The nice value helpers get: the lowest priority a thread can lower itself to. */
export const HELPER_NICE = 19;

/** What lowerHelperThreads did: the threads it lowered, why it did nothing, or a usage error (exit 2). */
export type HelperPriority = { lowered: number } | { skipped: string } | { error: string };

/** Lowers every thread of this process but the main one to HELPER_NICE (Linux; see the header). */
export function lowerHelperThreads(env: NodeJS.ProcessEnv): HelperPriority {
  const choice = env.DOKU_CONFORMANCE_HELPER_PRIORITY;
  if (choice === "normal") return { skipped: "DOKU_CONFORMANCE_HELPER_PRIORITY=normal" };
  if (choice !== undefined && choice !== "" && choice !== "low")
    return { error: `DOKU_CONFORMANCE_HELPER_PRIORITY must be low or normal; got ${JSON.stringify(choice)}` };
  let tasks: string[];
  try {
    tasks = readdirSync("/proc/self/task");
  } catch {
    return { skipped: "no /proc/self/task (not Linux)" };
  }
  let lowered = 0;
  for (const task of tasks) {
    const tid = Number(task);
    // The main thread's id is the process id.
    if (!Number.isInteger(tid) || tid === process.pid) continue;
    try {
      setPriority(tid, HELPER_NICE);
      lowered++;
    } catch {
      // A thread that ended meanwhile, or a sandbox that refuses: it keeps its priority.
    }
  }
  return { lowered };
}
