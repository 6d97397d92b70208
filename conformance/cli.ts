/** Composition root for the command line: wires generated/ into the engine and runs argv. */
import { fileURLToPath } from "node:url";
import { runCli } from "../src/cli/main.js";
import { watchSignals } from "../src/cli/signals.js";
import type { MockStarter } from "../src/runner/target.js";
import { loadSpecBundle } from "./bundle.js";
import { workerMockStarter } from "./mock-thread.js";

// The package root (specs/, generated/): one level up from conformance/cli.ts, two from the compiled
// dist/conformance/cli.js.
const packageRoot = fileURLToPath(new URL(import.meta.url.endsWith(".js") ? "../.." : "..", import.meta.url));

/**
 * `run --target mock` runs the mock in a worker thread, off the runner's event loop, when this module is the
 * compiled one (a worker cannot load TypeScript without a loader); DOKU_CONFORMANCE_MOCK_THREAD=main keeps it
 * in-process. --debug prints where it runs.
 */
function mockStarter(argv: string[]): MockStarter | undefined {
  if (!import.meta.url.endsWith(".js") || process.env.DOKU_CONFORMANCE_MOCK_THREAD === "main")
    return undefined;
  if (!argv.includes("--debug")) return workerMockStarter();
  return workerMockStarter({
    onStarted: ({ url, threadId }) => {
      process.stderr.write(`doku-conformance: mock ${url} in worker thread ${threadId}\n`);
    },
  });
}

async function stdinBytes(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function main(argv: string[]): Promise<number> {
  const controller = new AbortController();
  const unwatch = watchSignals(process, controller);
  const startMock = mockStarter(argv);
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
      ...(startMock ? { startMock } : {}),
    });
  } finally {
    unwatch();
  }
}
