/** Composition root for the command line: wires generated/ into the engine and runs argv. */
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { runCli } from "../src/cli/main.js";
import { watchSignals } from "../src/cli/signals.js";
import type { PlanThreadStarter } from "../src/runner/plan-thread.js";
import type { MockStarter } from "../src/runner/target.js";
import { loadSpecBundle } from "./bundle.js";
import { prestartedMockStarter } from "./mock-thread.js";
import { COLD_MIN_CASES, type PlanThreadOptions, planThreadStarter } from "./plan-thread.js";

/** Whether this module runs compiled (dist/conformance/cli.js, or bundled into dist/cli/cli.cjs), not from source. */
const compiled = !import.meta.url.endsWith(".ts");
// The package root (specs/, generated/): one level up from conformance/cli.ts, two from the compiled
// dist/conformance/cli.js or dist/cli/cli.cjs.
const packageRoot = fileURLToPath(new URL(compiled ? "../.." : "..", import.meta.url));

/**
 * `run --target mock` runs the mock in a worker thread, off the runner's event loop, so the runner
 * (generation, signing, checks) and the mock (validation, signature checks, Prism) use two cores; only from
 * the compiled module (a worker cannot load TypeScript without a loader). DOKU_CONFORMANCE_MOCK_THREAD=main
 * keeps it in-process (less memory, one core). The worker is started before the command parses its flags,
 * so its start-up overlaps the runner's, and runSuite plans while it starts. --debug prints where the mock runs.
 */
function mockStarter(argv: string[]): { startMock: MockStarter; dispose(): Promise<void> } | undefined {
  if (!compiled || process.env.DOKU_CONFORMANCE_MOCK_THREAD === "main") return undefined;
  if (!runsAgainstMock(argv)) return undefined;
  if (!argv.includes("--debug")) return prestartedMockStarter();
  return prestartedMockStarter({
    onStarted: ({ url, threadId }) => {
      process.stderr.write(`doku-conformance: mock ${url} in worker thread ${threadId}\n`);
    },
  });
}

/** The arguments of a `run` that will run (not --help), without --debug; undefined for anything else. */
function runArgs(argv: string[]): string[] | undefined {
  const args = argv.filter((a) => a !== "--debug");
  return args[0] === "run" && !args.includes("--help") && !args.includes("-h") ? args : undefined;
}

/** `run` without --help whose target is the mock (no --target, or --target mock). */
function runsAgainstMock(argv: string[]): boolean {
  const args = runArgs(argv);
  if (!args) return false;
  let target = "mock";
  args.forEach((arg, i) => {
    if (arg === "--target") target = args[i + 1] ?? "";
    else if (arg.startsWith("--target=")) target = arg.slice("--target=".length);
  });
  return target === "mock";
}

async function stdinBytes(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Where the mock may run (DOKU_CONFORMANCE_MOCK_THREAD) and where the plan is drawn
 * (DOKU_CONFORMANCE_PLAN_THREAD): "main" or "worker". */
const THREADS = ["main", "worker"];

/**
 * `run` draws large plans in a worker thread (src/runner/plan-thread.ts) while the main thread sends; only
 * from the compiled module, like the mock thread. Unset, DOKU_CONFORMANCE_PLAN_THREAD means one busy thread
 * per core: the plan thread is used when the machine has a core for it besides the main thread and the
 * mock's worker (when the mock runs in one); "worker" always uses it, "main" never.
 */
function planThread(argv: string[], mockThread: boolean): PlanThreadStarter | undefined {
  const choice = process.env.DOKU_CONFORMANCE_PLAN_THREAD;
  if (!compiled || choice === "main") return undefined;
  if (!runArgs(argv)) return undefined;
  if (choice !== "worker" && availableParallelism() < (mockThread ? 3 : 2)) return undefined;
  // A fresh process: a cold worker only for plans large enough to pay for its start-up (COLD_MIN_CASES);
  // DOKU_CONFORMANCE_PLAN_THREAD=worker takes the thread for any plan runSuite offers it.
  const coldMinCases = choice === "worker" ? 0 : COLD_MIN_CASES;
  const onClosed: PlanThreadOptions["onClosed"] = ({ threadId, drawn }) => {
    process.stderr.write(
      `doku-conformance: plan thread ${threadId} drew ${drawn.thread} cases, the main thread ${drawn.inThread}\n`,
    );
  };
  return planThreadStarter({ coldMinCases, ...(argv.includes("--debug") ? { onClosed } : {}) });
}

export async function main(argv: string[]): Promise<number> {
  for (const name of ["DOKU_CONFORMANCE_MOCK_THREAD", "DOKU_CONFORMANCE_PLAN_THREAD"]) {
    const thread = process.env[name];
    if (thread !== undefined && thread !== "" && !THREADS.includes(thread)) {
      process.stderr.write(
        `doku-conformance: ${name} must be main or worker; got ${JSON.stringify(thread)}\n`,
      );
      return 2;
    }
  }
  const controller = new AbortController();
  const unwatch = watchSignals(process, controller);
  const mock = mockStarter(argv);
  const plan = planThread(argv, mock !== undefined);
  try {
    return await runCli(argv, {
      stdout: (text) => process.stdout.write(text),
      stderr: (text) => process.stderr.write(text),
      readStdin: async () => (await stdinBytes()).toString("utf8"),
      readStdinBytes: stdinBytes,
      env: process.env,
      cwd: process.cwd(),
      isTTY: process.stdout.isTTY === true,
      loadBundle: loadSpecBundle,
      packageRoot,
      signal: controller.signal,
      ...(mock ? { startMock: mock.startMock } : {}),
      ...(plan ? { planThread: plan } : {}),
    });
  } finally {
    await mock?.dispose();
    unwatch();
  }
}
