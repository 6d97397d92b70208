/** runCli with a recording CliContext rooted at the package (or at a given bundle and root). */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadSpecBundle } from "../../conformance/bundle.js";
import type { CliContext } from "../../src/cli/context.js";
import { runCli } from "../../src/cli/main.js";
import type { SpecBundle } from "../../src/model/operation.js";

/** The package root (this worktree). */
export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

const made: string[] = [];

/** A scratch directory under the ignored .tmp/ (inside the package, so generated validators resolve ajv). */
export function scratch(name: string): string {
  mkdirSync(join(ROOT, ".tmp"), { recursive: true });
  const dir = mkdtempSync(join(ROOT, ".tmp", `${name}-`));
  made.push(dir);
  return dir;
}

/** Removes the scratch directories this test file made (call from afterAll). */
export function removeScratch(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Runs the CLI; `loadBundle` defaults to the package's generated/. */
export async function cli(args: string[], loadBundle: () => Promise<SpecBundle> = loadSpecBundle) {
  let stdout = "";
  let stderr = "";
  const ctx: CliContext = {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    readStdin: async () => "",
    env: {},
    cwd: ROOT,
    isTTY: false,
    loadBundle,
    packageRoot: ROOT,
    signal: new AbortController().signal,
  };
  const code = await runCli(args, ctx);
  return { code, stdout, stderr };
}
