/**
 * A terminating signal while a failing case is being shrunk, and while the reports are being written: the
 * reports are complete and parseable, one stderr line says the run was interrupted, the exit is non-zero.
 * In process, with the signal injected as the CLI's AbortSignal (reason = the signal's name).
 */
import { existsSync, mkdtempSync, readFileSync, watch } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli } from "./cli-context.js";

/** A target answering every request 200 with a body that breaks the response schema; counts requests. */
async function wrongTarget(onRequest: (n: number) => void) {
  let n = 0;
  const server = createServer((_req, res) => {
    onRequest(++n);
    res.writeHead(200, { "content-type": "application/json" }).end('{"virtual_account_info":7}');
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, count: () => n };
}

const RUN = ["--operation", "dokuVaCreatePaymentCode", "--phase", "property", "--cases", "1"];
const env = { DOKU_CLIENT_ID: "MCH-1", DOKU_SECRET_KEY: "SK-1" };

function expectReports(dir: string): void {
  const report = JSON.parse(readFileSync(join(dir, "report.json"), "utf8")) as { violations: unknown[] };
  expect(report.violations.length).toBeGreaterThan(0);
  expect(readFileSync(join(dir, "junit.xml"), "utf8")).toMatch(/<\/testsuites>\s*$/);
}

describe("signals late in a run", () => {
  it("SIGTERM while shrinking: partial reports, one line, non-zero", async () => {
    const controller = new AbortController();
    // --cases 1 and one operation: every request after the first is a shrink of the failing case.
    const target = await wrongTarget((n) => n === 3 && controller.abort("SIGTERM"));
    const dir = mkdtempSync(join(tmpdir(), "doku-sig-shrink-"));
    try {
      const r = await cli(
        [
          "run",
          "--target",
          target.url,
          ...RUN,
          "--reporter",
          "json",
          "--reporter",
          "junit",
          "--output-dir",
          dir,
        ],
        { cwd: dir, env, signal: controller.signal },
      );
      expect(target.count()).toBeGreaterThanOrEqual(3);
      expect(r.code).not.toBe(0);
      expect(r.stderr.trim().split("\n")).toEqual([expect.stringMatching(/run interrupted by SIGTERM/)]);
      expectReports(dir);
    } finally {
      target.server.close();
    }
  });

  it("SIGHUP while the reports are written: complete reports, one line, non-zero", async () => {
    const controller = new AbortController();
    const target = await wrongTarget(() => {});
    const dir = mkdtempSync(join(tmpdir(), "doku-sig-write-"));
    // The replays are the first thing written at the end of a run: the signal arrives as writing starts.
    const watcher = watch(dir, (_event, name) => {
      if (name === "replays" && existsSync(join(dir, "replays"))) controller.abort("SIGHUP");
    });
    try {
      const r = await cli(
        [
          "run",
          "--target",
          target.url,
          ...RUN,
          "--reporter",
          "json",
          "--reporter",
          "junit",
          "--output-dir",
          dir,
        ],
        { cwd: dir, env, signal: controller.signal },
      );
      expect(controller.signal.aborted).toBe(true);
      expect(r.code).not.toBe(0);
      expect(r.stderr.trim().split("\n")).toEqual([expect.stringMatching(/run interrupted by SIGHUP/)]);
      expectReports(dir);
    } finally {
      watcher.close();
      target.server.close();
    }
  });
});
