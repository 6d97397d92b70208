/** Composition root for the command line: wires generated/ into the engine and runs argv. */
import { fileURLToPath } from "node:url";
import { runCli } from "../src/cli/main.js";
import { watchSignals } from "../src/cli/signals.js";
import type { MockStarter } from "../src/runner/target.js";
import { loadSpecBundle } from "./bundle.js";
import { prestartedMockStarter } from "./mock-thread.js";

// The package root (specs/, generated/): one level up from conformance/cli.ts, two from the compiled
// dist/conformance/cli.js.
const packageRoot = fileURLToPath(new URL(import.meta.url.endsWith(".js") ? "../.." : "..", import.meta.url));

/**
 * `run --target mock` runs the mock in a worker thread, off the runner's event loop, so the runner
 * (generation, signing, checks) and the mock (validation, signature checks, Prism) use two cores; only from
 * the compiled module (a worker cannot load TypeScript without a loader). DOKU_CONFORMANCE_MOCK_THREAD=main
 * keeps it in-process (less memory, one core). The worker is started before the command parses its flags,
 * so its start-up overlaps the runner's, and runSuite plans while it starts. --debug prints where the mock runs.
 */
function mockStarter(argv: string[]): { startMock: MockStarter; dispose(): Promise<void> } | undefined {
  if (!import.meta.url.endsWith(".js") || process.env.DOKU_CONFORMANCE_MOCK_THREAD === "main")
    return undefined;
  if (!runsAgainstMock(argv)) return undefined;
  if (!argv.includes("--debug")) return prestartedMockStarter();
  return prestartedMockStarter({
    onStarted: ({ url, threadId }) => {
      process.stderr.write(`doku-conformance: mock ${url} in worker thread ${threadId}\n`);
    },
  });
}

/** `run` without --help whose target is the mock (no --target, or --target mock). */
function runsAgainstMock(argv: string[]): boolean {
  const args = argv.filter((a) => a !== "--debug");
  if (args[0] !== "run" || args.includes("--help") || args.includes("-h")) return false;
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

/** Where the mock may run: DOKU_CONFORMANCE_MOCK_THREAD's values (unset = worker). */
const MOCK_THREADS = ["main", "worker"];

export async function main(argv: string[]): Promise<number> {
  const thread = process.env.DOKU_CONFORMANCE_MOCK_THREAD;
  if (thread !== undefined && thread !== "" && !MOCK_THREADS.includes(thread)) {
    process.stderr.write(
      `doku-conformance: DOKU_CONFORMANCE_MOCK_THREAD must be main or worker; got ${JSON.stringify(thread)}\n`,
    );
    return 2;
  }
  const controller = new AbortController();
  const unwatch = watchSignals(process, controller);
  const mock = mockStarter(argv);
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
    });
  } finally {
    await mock?.dispose();
    unwatch();
  }
}
