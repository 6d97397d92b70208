/**
 * An unusable --output-dir (under /proc, a file, a path through a file, not writable) is exit 2 with one
 * line, before any request; it never spins (Node's recursive mkdir loops forever under /proc).
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { requireWritableDir } from "../../src/cli/output-dir.js";
import { cli } from "./cli-context.js";

const cwd = mkdtempSync(join(tmpdir(), "doku-outdir-"));
writeFileSync(join(cwd, "a-file"), "x");

const UNUSABLE: [string, string, RegExp][] = [
  ["/proc itself", "/proc", /cannot hold the reports/],
  ["a new directory under /proc", "/proc/doku-reports/x", /cannot hold the reports/],
  ["a file", "a-file", /a file is in the way/],
  ["a path through a file", "a-file/reports", /a file is in the way/],
];

describe("an unusable --output-dir", () => {
  it.each(UNUSABLE)(
    "run: %s is exit 2 with one line",
    async (_name, dir, words) => {
      const r = await cli(["run", "--output-dir", dir, "--reporter", "json"], { cwd });
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split("\n")).toEqual([expect.stringMatching(words)]);
      expect(r.stdout).toBe("");
    },
    10_000,
  );

  it.each(UNUSABLE)(
    "callback: %s is exit 2 with one line",
    async (_name, dir, words) => {
      const r = await cli(
        ["callback", "--url", "http://127.0.0.1:9/n", "--flow", "doku-va-notification", "--output-dir", dir],
        { cwd, env: { DOKU_CLIENT_ID: "MCH-1", DOKU_SECRET_KEY: "SK-1" } },
      );
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split("\n")).toEqual([expect.stringMatching(words)]);
    },
    10_000,
  );

  it.skipIf(process.getuid?.() === 0)("a directory that is not writable is exit 2", async () => {
    const locked = join(cwd, "locked");
    mkdirSync(locked);
    chmodSync(locked, 0o500);
    await expect(requireWritableDir(cwd, "locked/reports")).rejects.toThrow(/not writable|EACCES/);
  });

  it("a usable directory passes and the probe leaves nothing behind", async () => {
    await requireWritableDir(cwd, "new/deeper");
    expect(existsSync(join(cwd, "new"))).toBe(false);
    mkdirSync(join(cwd, "kept"));
    await requireWritableDir(cwd, "kept");
    expect(existsSync(join(cwd, "kept"))).toBe(true);
  });
});
