/** Composition root for the command line: wires generated/ into the engine and runs argv. */
import { fileURLToPath } from "node:url";
import { runCli } from "../src/cli/main.js";
import { watchSignals } from "../src/cli/signals.js";
import { loadSpecBundle } from "./bundle.js";

// The package root (specs/, generated/): one level up from conformance/cli.ts, two from the compiled
// dist/conformance/cli.js.
const packageRoot = fileURLToPath(new URL(import.meta.url.endsWith(".js") ? "../.." : "..", import.meta.url));

async function stdinBytes(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function main(argv: string[]): Promise<number> {
  const controller = new AbortController();
  const unwatch = watchSignals(process, controller);
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
    });
  } finally {
    unwatch();
  }
}
