/** An interrupted `run` (SIGINT -> ctx.signal) stops sending, still writes its reports, and says so. */
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadSpecBundle } from "../../conformance/bundle.js";
import type { CliContext } from "../../src/cli/context.js";
import { runCli } from "../../src/cli/main.js";

describe("run interrupted", () => {
  it("writes partial report.json and junit.xml, prints one stderr line, exits non-zero", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "doku-run-int-"));
    const controller = new AbortController();
    const out: string[] = [];
    const err: string[] = [];
    const ctx: CliContext = {
      stdout: (t) => {
        out.push(t);
      },
      stderr: (t) => {
        err.push(t);
      },
      readStdin: async () => "",
      env: {},
      cwd,
      isTTY: false,
      loadBundle: loadSpecBundle,
      packageRoot: join(import.meta.dirname, "..", ".."),
      signal: controller.signal,
    };
    // Interrupt once the run is under way: the full default suite takes several seconds, so 1.5 s lands
    // mid-run (and an interrupt during mock start-up must still produce reports too).
    const timer = setTimeout(() => controller.abort(), 1500);
    const code = await runCli(
      ["run", "--reporter", "json", "--reporter", "junit", "--output-dir", "out"],
      ctx,
    );
    clearTimeout(timer);

    expect([1, 3]).toContain(code);
    expect(err.join("")).toMatch(/run interrupted/);
    expect(err.join("").trim().split("\n")).toHaveLength(1);
    const report = JSON.parse(readFileSync(join(cwd, "out", "report.json"), "utf8")) as Record<
      string,
      unknown
    >;
    expect(report.tool).toBe("doku-conformance");
    expect(report.incomplete).toBeTruthy();
    expect(existsSync(join(cwd, "out", "junit.xml"))).toBe(true);
  });
});
