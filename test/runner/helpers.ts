/** Shared setup for runner tests: a key file, DOKU_* env, a temp output dir, a server per test. */
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { RunSummary } from "../../src/engine/events.js";
import type { RunOptions } from "../../src/runner/options.js";
import type { CaseSource } from "../../src/runner/planned.js";
import { runSuite } from "../../src/runner/suite.js";
import { type Defect, startTestServer, type TestServer } from "./server.js";
import { bundle, caseSource, identity } from "./spec.js";

export const merchant = identity();

export async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), "doku-conformance-runner-"));
}

export async function envFor(dir: string): Promise<Record<string, string>> {
  const keyFile = join(dir, "merchant.pem");
  await writeFile(keyFile, merchant.privateKeyPem, { mode: 0o600 });
  return {
    DOKU_CLIENT_ID: merchant.clientId,
    DOKU_SECRET_KEY: merchant.secretKey,
    DOKU_PRIVATE_KEY_FILE: keyFile,
  };
}

/** Runs the inline suite against a fresh test server with `defects`; returns the summary and the server. */
export async function runAgainst(
  defects: readonly Defect[],
  options: Partial<RunOptions> & { caseSource?: CaseSource } = {},
): Promise<{ summary: RunSummary; server: TestServer; dir: string }> {
  const server = await startTestServer(merchant, defects);
  const dir = await tempDir();
  try {
    const summary = await runSuite({
      bundle,
      caseSource,
      target: server.url,
      env: await envFor(dir),
      outputDir: join(dir, "report"),
      cwd: dir,
      cases: 8,
      negativeCases: 8,
      seed: 42,
      ...options,
    });
    return { summary, server, dir };
  } finally {
    await server.close();
  }
}
