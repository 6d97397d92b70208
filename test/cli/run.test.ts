/** `doku-conformance run` through runCli with a fake CliContext: exit codes, one-line errors, reports. */
import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadSpecBundle } from "../../conformance/bundle.js";
import type { CliContext } from "../../src/cli/context.js";
import { runCli } from "../../src/cli/main.js";

function context(env: Record<string, string> = {}) {
  const cwd = mkdtempSync(join(tmpdir(), "doku-run-cli-"));
  const out: string[] = [];
  const err: string[] = [];
  const ctx: CliContext = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    readStdin: async () => "",
    env,
    cwd,
    isTTY: false,
    loadBundle: loadSpecBundle,
    packageRoot: join(import.meta.dirname, "..", ".."),
    signal: new AbortController().signal,
  };
  return { ctx, out, err, cwd };
}

function credentials(): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), "doku-run-key-"));
  const key = join(dir, "merchant.pem");
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  writeFileSync(key, privateKey.export({ type: "pkcs8", format: "pem" }).toString());
  return {
    DOKU_CLIENT_ID: "BRN-0001-1234567890123",
    DOKU_SECRET_KEY: "SK-secret",
    DOKU_PRIVATE_KEY_FILE: key,
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

describe("run: usage errors exit 2 with one line", () => {
  it.each([
    [
      ["--operation", "nope"],
      /^doku-conformance: unknown operation "nope"; known operations: snapGetTokenB2b, /,
    ],
    [
      ["--operation", "snapCreateVA"],
      /^doku-conformance: unknown operation "snapCreateVA"; did you mean snapCreateVa/,
    ],
    [
      ["--operation", "snapVaInquiry"],
      /is a DOKU -> merchant callback; test it with doku-conformance callback/,
    ],
    [["--cases", "many"], /--cases many: expected a whole number/],
    [["--seed", "x1"], /--seed x1: expected a whole number/],
    [["--phase", "fuzz"], /--phase fuzz: expected one of examples, boundary, property, negative, signature/],
    [["--reporter", "pdf"], /--reporter pdf: expected one of console, json, junit, html, github/],
    [["--shard", "4/3"], /--shard 4\/3: i must be between 1 and n/],
    [["--target", "ftp://example.com"], /only http and https URLs are supported/],
    [["--bogus"], /Unknown option '--bogus'/],
  ])("%j", async (args, message) => {
    const { ctx, err } = context();
    expect(await runCli(["run", ...args], ctx)).toBe(2);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(message);
    expect(err[0]?.trim().split("\n")).toHaveLength(1);
  });

  it("sandbox without credentials names the missing variables", async () => {
    const { ctx, err } = context({ DOKU_CLIENT_ID: "BRN-1" });
    expect(await runCli(["run", "--target", "sandbox"], ctx)).toBe(2);
    expect(err).toEqual([
      "doku-conformance: target sandbox needs credentials: set DOKU_SECRET_KEY, DOKU_PRIVATE_KEY_FILE (or use --target mock)\n",
    ]);
  });

  it("refuses production for data-changing operations", async () => {
    const { ctx, err } = context(credentials());
    expect(
      await runCli(["run", "--target", "https://api.doku.com", "--operation", "snapCreateVa"], ctx),
    ).toBe(2);
    expect(err[0]).toMatch(
      /refusing to run snapCreateVa against production api.doku.com.*--allow-production/,
    );
  });
});

describe("run: target errors", () => {
  it("an unreachable target exits 3 with one line, after writing the report", async () => {
    const port = await freePort();
    const { ctx, err, out, cwd } = context(credentials());
    const code = await runCli(
      [
        "run",
        "--target",
        `http://127.0.0.1:${port}`,
        "--operation",
        "dokuVaCreatePaymentCode",
        "--reporter",
        "json",
        "--seed",
        "3",
      ],
      ctx,
    );
    expect(code).toBe(3);
    expect(err).toEqual([`doku-conformance: target http://127.0.0.1:${port} unreachable: ECONNREFUSED\n`]);
    expect(out).toEqual([`doku-conformance run · target http://127.0.0.1:${port} · seed 3\n`]);
    const report = JSON.parse(readFileSync(join(cwd, "conformance-report", "report.json"), "utf8"));
    expect(report).toMatchObject({ seed: 3, exitCode: 3, incomplete: expect.stringMatching(/unreachable/) });
  });
});

describe("run against the embedded mock", () => {
  it("writes report.json and junit.xml for a small run, prints the seed, exits 0", async () => {
    const { ctx, out, err, cwd } = context();
    const code = await runCli(
      [
        "run",
        "--operation",
        "dokuVaCreatePaymentCode",
        "--operation",
        "orderStatus",
        "--cases",
        "10",
        "--seed",
        "99",
        "--reporter",
        "console",
        "--reporter",
        "json",
        "--reporter",
        "junit",
      ],
      ctx,
    );
    expect(err).toEqual([]);
    expect(code, out.join("")).toBe(0);
    expect(out[0]).toMatch(/^doku-conformance run · target mock · seed 99 · 2 operations/);
    const report = JSON.parse(readFileSync(join(cwd, "conformance-report", "report.json"), "utf8"));
    expect(report).toMatchObject({
      tool: "doku-conformance",
      seed: 99,
      target: "mock",
      exitCode: 0,
      summary: { operations: 2, violations: 0 },
    });
    expect(readFileSync(join(cwd, "conformance-report", "junit.xml"), "utf8")).toMatch(
      /<testsuite name="orderStatus"/,
    );
  });

  it("--shard splits the operations into disjoint slices that cover them all", async () => {
    const seen: string[][] = [];
    for (const shard of ["1/3", "2/3", "3/3"]) {
      const { ctx, cwd } = context();
      expect(await runCli(["run", "--shard", shard, "--phase", "examples", "--reporter", "json"], ctx)).toBe(
        0,
      );
      const report = JSON.parse(readFileSync(join(cwd, "conformance-report", "report.json"), "utf8"));
      seen.push(report.operations.map((o: { operationId: string }) => o.operationId));
    }
    const all = seen.flat();
    expect(new Set(all).size).toBe(all.length);
    const paths = (await loadSpecBundle()).operations.filter((o) => o.kind === "path");
    expect([...all].sort()).toEqual(paths.map((o) => o.id).sort());
  });

  it("the default run over every merchant -> DOKU operation exits 0", async () => {
    const { ctx, out } = context();
    const code = await runCli(["run"], ctx);
    expect(code, out.join("").slice(-4000)).toBe(0);
    expect(out.join("")).toMatch(
      /conformant(, [0-9]+ warnings?)? · [0-9]+ cases \([0-9]+ passed, 0 failed\)/,
    );
  }, 120_000);
});
