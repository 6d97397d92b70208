/**
 * Replay files that cannot be written (a file named "replays" is in the way): one stderr line says so, and
 * no violation carries a curl line pointing at files that do not exist.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli } from "./cli-context.js";

/** Answers every request 500 with an empty JSON object: every case is a violation. */
const server = createServer((_req, res) =>
  res.writeHead(500, { "content-type": "application/json" }).end("{}"),
);
let base: string;
beforeAll(async () => {
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => server.close());

function blockedDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "doku-noreplay-"));
  writeFileSync(join(dir, "replays"), "in the way");
  return dir;
}

function expectNoted(stderr: string, stdout: string, dir: string): void {
  const lines = stderr.trim().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(
    /^doku-conformance: \d+ replay files? could not be written to .*replays \(E[A-Z]+\)/,
  );
  expect(stdout).not.toMatch(/curl/);
  const report = JSON.parse(readFileSync(join(dir, "report.json"), "utf8")) as {
    violations: Record<string, unknown>[];
  };
  expect(report.violations.length).toBeGreaterThan(0);
  for (const v of report.violations) expect(v.curl).toBeUndefined();
}

describe("unwritable replays", () => {
  it("run: one stderr line, no curl lines", async () => {
    const dir = blockedDir();
    const r = await cli(
      [
        "run",
        "--target",
        base,
        "--operation",
        "dokuVaCreatePaymentCode",
        "--phase",
        "examples",
        "--reporter",
        "console",
        "--reporter",
        "json",
        "--output-dir",
        dir,
      ],
      { cwd: dir, env: { DOKU_CLIENT_ID: "MCH-1", DOKU_SECRET_KEY: "SK-1" } },
    );
    expect(r.code).toBe(1);
    expectNoted(r.stderr, r.stdout, dir);
  });

  it("callback: one stderr line, no curl lines", async () => {
    const dir = blockedDir();
    const r = await cli(
      [
        "callback",
        "--url",
        `${base}/notify`,
        "--flow",
        "doku-va-notification",
        "--reporter",
        "console",
        "--reporter",
        "json",
        "--output-dir",
        dir,
      ],
      { cwd: dir, env: { DOKU_CLIENT_ID: "MCH-1", DOKU_SECRET_KEY: "SK-1" } },
    );
    expect(r.code).toBe(1);
    expectNoted(r.stderr, r.stdout, dir);
  });
});
