/** Shared test plumbing: listen on 127.0.0.1:0, real bundle, certification with test credentials. */
import { generateKeyPairSync, type KeyObject } from "node:crypto";
import { mkdtempSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadSpecBundle } from "../../conformance/bundle.js";
import { certifyCallback } from "../../src/callbacks/certify.js";
import type { CertifyOptions } from "../../src/callbacks/options.js";
import type { CertificationSummary } from "../../src/callbacks/summary.js";

export const CLIENT_ID = "MCH-0001-10791114622547";
export const SECRET_KEY = "SK-test-callbacks-0001";

/** One RSA-2048 DOKU-role pair for the whole test file (generation is slow). */
let pair: { privateKey: KeyObject; publicKey: KeyObject } | undefined;
export function dokuPair(): { privateKey: KeyObject; publicKey: KeyObject } {
  pair ??= generateKeyPairSync("rsa", { modulusLength: 2048 });
  return pair;
}

export interface Listening {
  base: string;
  close(): Promise<void>;
}

/** Starts `server` on 127.0.0.1 with a free port. */
export async function listen(server: Server): Promise<Listening> {
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "doku-callbacks-"));
}

/** certifyCallback with the real bundle, test credentials, the shared DOKU-role key and a temp output dir. */
export async function certify(
  options: Omit<CertifyOptions, "bundle" | "clientId" | "secretKey"> &
    Partial<Pick<CertifyOptions, "clientId" | "secretKey">>,
): Promise<CertificationSummary> {
  return certifyCallback({
    bundle: await loadSpecBundle(),
    clientId: CLIENT_ID,
    secretKey: SECRET_KEY,
    dokuPrivateKey: dokuPair().privateKey,
    seed: 42,
    outputDir: tempDir(),
    ...options,
  });
}

/** "check pointer rule" of each error violation, for compact assertions. */
export function errorsOf(summary: CertificationSummary): string[] {
  return summary.violations
    .filter((v) => v.severity === "error")
    .map((v) => `${v.check} ${v.pointer} ${v.rule}`);
}

/** The distinct check names of the error violations, sorted. */
export function checkNames(summary: CertificationSummary): string[] {
  return [...new Set(summary.violations.filter((v) => v.severity === "error").map((v) => v.check))].sort();
}
