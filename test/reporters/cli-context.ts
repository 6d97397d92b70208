/** A CliContext for in-process command tests: captured output, a temp cwd, DOKU_* credentials. */
import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadSpecBundle } from "../../conformance/bundle.js";
import type { CliContext } from "../../src/cli/context.js";
import { runCli } from "../../src/cli/main.js";

export interface Captured {
  ctx: CliContext;
  out: string[];
  err: string[];
  cwd: string;
}

/** A context whose cwd is a fresh temp dir and whose env holds a throwaway merchant identity. */
export function context(cwd = mkdtempSync(join(tmpdir(), "doku-reports-"))): Captured {
  const key = join(cwd, "merchant.pem");
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  writeFileSync(key, privateKey.export({ type: "pkcs8", format: "pem" }).toString());
  const out: string[] = [];
  const err: string[] = [];
  const ctx: CliContext = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    readStdin: async () => "",
    env: {
      DOKU_CLIENT_ID: "BRN-0001-1234567890123",
      DOKU_SECRET_KEY: "SK-secret",
      DOKU_PRIVATE_KEY_FILE: key,
    },
    cwd,
    isTTY: false,
    loadBundle: loadSpecBundle,
    packageRoot: join(import.meta.dirname, "..", ".."),
    signal: new AbortController().signal,
  };
  return { ctx, out, err, cwd };
}

/** Runs the CLI in-process. */
export async function cli(c: Captured, args: string[]): Promise<number> {
  return runCli(args, c.ctx);
}
