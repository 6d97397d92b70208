/**
 * Every terminating signal (INT, TERM, HUP) ends `run`, `callback` and `mock` like Ctrl+C: partial reports,
 * one stderr line, a non-zero exit for run and callback; the mock's generated identity removed. Real
 * signals on the compiled bin (run `npm run build` after changing src/).
 */
import { generateKeyPairSync } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnBin } from "./bin.js";

const PRIVATE_KEY = generateKeyPairSync("rsa", { modulusLength: 2048 })
  .privateKey.export({ type: "pkcs8", format: "pem" })
  .toString();

describe("mock: the generated identity is removed on every terminating signal", () => {
  // SIGINT is covered by test/mock/cli.test.ts.
  it.each(["SIGTERM", "SIGHUP"] as const)(
    "%s: exit 0, identity directory gone",
    async (signal) => {
      const mock = spawnBin(["mock", "--port", "0"]);
      try {
        await mock.waitFor(/^stop with Ctrl\+C$/);
        const file = /written to (.+) \(mode 0600/.exec(mock.lines.join("\n"))?.[1] as string;
        expect(existsSync(file)).toBe(true);
        mock.child.kill(signal);
        expect(await mock.exit).toBe(0);
        expect(existsSync(dirname(file))).toBe(false);
      } finally {
        mock.child.kill("SIGKILL");
      }
    },
    30_000,
  );
});

/** A target that never answers: the run is stuck waiting for the token or the first answer. */
let silent: Server;
let silentUrl: string;
beforeAll(async () => {
  silent = createServer(() => {});
  await new Promise<void>((done) => silent.listen(0, "127.0.0.1", done));
  silentUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
});
afterAll(() => {
  silent.closeAllConnections();
  silent.close();
});

function expectPartialReports(dir: string): void {
  const report = JSON.parse(readFileSync(join(dir, "report.json"), "utf8")) as Record<string, unknown>;
  expect(report.incomplete).toBeTruthy();
  expect(readFileSync(join(dir, "junit.xml"), "utf8")).toMatch(/interrupted/);
}

describe("run: a terminating signal writes the partial reports and one stderr line", () => {
  it.each([
    ["SIGTERM", "worker", "main"],
    ["SIGTERM", "main", "main"],
    ["SIGINT", "main", "worker"],
  ] as const)(
    "%s mid-run against the mock (DOKU_CONFORMANCE_MOCK_THREAD=%s, DOKU_CONFORMANCE_PLAN_THREAD=%s)",
    async (signal, thread, plan) => {
      const dir = mkdtempSync(join(tmpdir(), "doku-sig-run-"));
      const run = spawnBin(
        [
          "run",
          "--reporter",
          "json",
          "--reporter",
          "junit",
          "--output-dir",
          dir,
          "--operation",
          "snapCreateVa",
          // Far more than 600 ms of work in every mode (the plan thread makes the run faster).
          "--cases",
          "4000",
          "--concurrency",
          "1",
        ],
        { env: { DOKU_CONFORMANCE_MOCK_THREAD: thread, DOKU_CONFORMANCE_PLAN_THREAD: plan } },
      );
      try {
        await run.waitFor(/^doku-conformance run · target mock/);
        await new Promise((resolve) => setTimeout(resolve, 600));
        run.child.kill(signal);
        const code = await run.exit;
        expect([1, 3]).toContain(code);
        const err = run.stderr().trim().split("\n");
        expect(err).toEqual([expect.stringMatching(new RegExp(`run interrupted by ${signal}`))]);
        expectPartialReports(dir);
      } finally {
        run.child.kill("SIGKILL");
      }
    },
    30_000,
  );

  it.each(["SIGHUP"] as const)(
    "%s while waiting for the SNAP token from a target that never answers",
    async (signal) => {
      const dir = mkdtempSync(join(tmpdir(), "doku-sig-token-"));
      const keyFile = join(dir, "merchant.pem");
      writeFileSync(keyFile, PRIVATE_KEY);
      const run = spawnBin(
        ["run", "--target", silentUrl, "--reporter", "json", "--reporter", "junit", "--output-dir", dir],
        { env: { DOKU_CLIENT_ID: "MCH-1", DOKU_SECRET_KEY: "SK-1", DOKU_PRIVATE_KEY_FILE: keyFile } },
      );
      try {
        await run.waitFor(/^doku-conformance run · target/);
        await new Promise((resolve) => setTimeout(resolve, 300));
        run.child.kill(signal);
        expect(await run.exit).toBe(3);
        expect(run.stderr()).toMatch(new RegExp(`interrupted by ${signal}`));
        expect(run.stderr().trim().split("\n")).toHaveLength(1);
        expectPartialReports(dir);
      } finally {
        run.child.kill("SIGKILL");
      }
    },
    30_000,
  );
});

describe("callback: a terminating signal writes the partial reports and one stderr line", () => {
  it.each(["SIGTERM"] as const)(
    "%s while the merchant endpoint never answers",
    async (signal) => {
      const dir = mkdtempSync(join(tmpdir(), "doku-sig-cb-"));
      const run = spawnBin(
        [
          "callback",
          "--url",
          `${silentUrl}/notify`,
          "--flow",
          "doku-va-notification",
          "--reporter",
          "json",
          "--reporter",
          "junit",
          "--output-dir",
          dir,
        ],
        { env: { DOKU_CLIENT_ID: "MCH-1", DOKU_SECRET_KEY: "SK-1" } },
      );
      try {
        await run.waitFor(/HMAC|key/);
        await new Promise((resolve) => setTimeout(resolve, 800));
        run.child.kill(signal);
        expect(await run.exit).toBe(3);
        expect(run.stderr().trim().split("\n")).toEqual([
          expect.stringMatching(new RegExp(`callback interrupted by ${signal}`)),
        ]);
        expectPartialReports(dir);
      } finally {
        run.child.kill("SIGKILL");
      }
    },
    30_000,
  );
});

describe("watchSignals (in process)", () => {
  it("aborts with the signal's name for INT, TERM and HUP; a second signal exits with 128+n", async () => {
    const { SIGNAL_EXIT_CODES, TERMINATING_SIGNALS, signalName, watchSignals } = await import(
      "../../src/cli/signals.js"
    );
    for (const signal of TERMINATING_SIGNALS) {
      const listeners = new Map<string, () => void>();
      const exits: number[] = [];
      const source = {
        on: (s: string, l: () => void) => listeners.set(s, l),
        off: (s: string) => listeners.delete(s),
        exit: (code: number) => {
          exits.push(code);
          return undefined as never;
        },
      };
      const controller = new AbortController();
      const unwatch = watchSignals(source, controller);
      listeners.get(signal)?.();
      expect(signalName(controller.signal)).toBe(signal);
      listeners.get(signal)?.();
      expect(exits).toEqual([SIGNAL_EXIT_CODES[signal]]);
      unwatch();
      expect(listeners.size).toBe(0);
    }
  });
});
