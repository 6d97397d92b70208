/** An in-process CliContext for runCli, capturing stdout and stderr. */
import { join } from "node:path";
import { loadSpecBundle } from "../../conformance/bundle.js";
import type { CliContext } from "../../src/cli/context.js";
import { runCli } from "../../src/cli/main.js";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `argv` through runCli with the real bundle. */
export async function cli(
  argv: string[],
  options: {
    cwd: string;
    env?: Record<string, string>;
    signal?: AbortSignal;
    loadBundle?: CliContext["loadBundle"];
    packageRoot?: string;
  },
): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await runCli(argv, {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    readStdin: async () => "",
    env: options.env ?? {},
    cwd: options.cwd,
    isTTY: false,
    loadBundle: options.loadBundle ?? loadSpecBundle,
    packageRoot: options.packageRoot ?? join(import.meta.dirname, "..", ".."),
    signal: options.signal ?? new AbortController().signal,
  });
  return { code, stdout, stderr };
}
