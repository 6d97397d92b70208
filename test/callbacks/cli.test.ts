/**
 * `doku-conformance callback` through runCli with a real bundle and real merchants on 127.0.0.1: exit codes
 * (0 certified, 1 a check failed, 2 usage, 3 unreachable or hanging), the DOKU-role key output, and the
 * report files.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadSpecBundle } from "../../conformance/bundle.js";
import type { CliContext } from "../../src/cli/context.js";
import { runCli } from "../../src/cli/main.js";
import { REPORT_SCHEMA } from "../../src/reporters/report-schema.js";
import { createAjv } from "../../src/validation/ajv.js";
import { CLIENT_ID, dokuPair, type Listening, listen, SECRET_KEY, tempDir } from "./helpers.js";
import { nonSnapMerchant } from "./merchants/nonsnap.js";
import { snapMerchant } from "./merchants/snap.js";

const running: Listening[] = [];
afterEach(async () => {
  for (const r of running.splice(0)) await r.close();
});

async function cli(
  args: string[],
  env: Record<string, string> = { DOKU_CLIENT_ID: CLIENT_ID, DOKU_SECRET_KEY: SECRET_KEY },
) {
  let stdout = "";
  let stderr = "";
  const cwd = tempDir();
  const ctx: CliContext = {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    readStdin: async () => "",
    env,
    cwd,
    isTTY: false,
    loadBundle: loadSpecBundle,
    packageRoot: process.cwd(),
    signal: new AbortController().signal,
  };
  const code = await runCli(["callback", ...args], ctx);
  return { code, stdout, stderr, cwd };
}

/** A port nothing listens on (bound, then closed). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

describe("callback command", () => {
  it("exit 0 and report.json / junit.xml for a correct merchant", async () => {
    const server = await listen(nonSnapMerchant("notification").server);
    running.push(server);
    const run = await cli([
      "--url",
      `${server.base}/payments/notifications`,
      "--flow",
      "doku-va-notification",
      "--reporter",
      "console",
      "--reporter",
      "json",
      "--reporter",
      "junit",
      "--output-dir",
      "out",
      "--seed",
      "7",
    ]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/CERTIFIED: .*doku-va-notification/);
    const report = JSON.parse(readFileSync(join(run.cwd, "out", "report.json"), "utf8"));
    expect(report).toMatchObject({
      tool: "doku-conformance",
      seed: 7,
      flow: "doku-va-notification",
      exitCode: 0,
    });
    expect(report.summary.violations).toBe(0);
    const validate = createAjv().compile(REPORT_SCHEMA);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    const junit = readFileSync(join(run.cwd, "out", "junit.xml"), "utf8");
    expect(junit).toMatch(/dokuVaNotification forged-rejected/);
  });

  it("exit 1 with the violation in report.json when a check fails", async () => {
    const server = await listen(nonSnapMerchant("notification", { acceptStale: true }).server);
    running.push(server);
    const run = await cli([
      "--url",
      `${server.base}/payments/notifications`,
      "--flow",
      "doku-va-notification",
      "--reporter",
      "json",
      "--output-dir",
      "out",
    ]);
    expect(run.code).toBe(1);
    const report = JSON.parse(readFileSync(join(run.cwd, "out", "report.json"), "utf8"));
    const found = report.violations.find((v: { check: string }) => v.check === "forged-rejected");
    expect(found).toMatchObject({
      direction: "response",
      pointer: "/headers/Request-Timestamp",
      rule: "status-code",
    });
    expect(found.rerun).toMatch(/^doku-conformance callback --url /);
  });

  it.each([
    [["--flow", "doku-va-notification"], /--url/],
    [["--url", "http://127.0.0.1:1/x"], /--flow/],
    [["--url", "http://127.0.0.1:1/x", "--flow", "doku-va-refund"], /unknown flow/],
    [
      [
        "--url",
        "http://127.0.0.1:1/x",
        "--flow",
        "doku-va-notification",
        "--token-url",
        "http://127.0.0.1:1/t",
      ],
      /SNAP flows only/,
    ],
    [["--url", "not a url", "--flow", "doku-va-notification"], /--url/],
  ])("exit 2 for %j", async (args, message) => {
    const run = await cli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it("exit 2 when the secret is missing", async () => {
    const run = await cli(["--url", "http://127.0.0.1:1/x", "--flow", "doku-va-notification"], {
      DOKU_CLIENT_ID: CLIENT_ID,
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/DOKU_SECRET_KEY/);
    expect(run.stderr.split("\n").filter(Boolean)).toHaveLength(1);
  });

  it("exit 3 with a one-line verdict for a closed port", async () => {
    const port = await closedPort();
    const run = await cli([
      "--url",
      `http://127.0.0.1:${port}/payments/notifications`,
      "--flow",
      "doku-va-notification",
    ]);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/is unreachable: .*ECONNREFUSED/);
    expect(run.stderr.split("\n").filter(Boolean)).toHaveLength(1);
    expect(run.stdout).toMatch(/NOT CERTIFIED/);
  });

  it("exit 3 for a hanging endpoint, bounded by --timeout", async () => {
    const server = await listen(nonSnapMerchant("notification", { hang: true }).server);
    running.push(server);
    const run = await cli([
      "--url",
      `${server.base}/payments/notifications`,
      "--flow",
      "doku-va-notification",
      "--timeout",
      "300",
    ]);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/did not answer: no response within 300 ms/);
  });

  it("exit 3 when the token URL is unreachable", async () => {
    const port = await closedPort();
    const server = await listen(snapMerchant("snap-va-payment", "snap-hmac").server);
    running.push(server);
    const run = await cli([
      "--url",
      `${server.base}/v1.1/transfer-va/payment`,
      "--flow",
      "snap-va-payment",
      "--token-url",
      `http://127.0.0.1:${port}/token`,
    ]);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/token URL .* is unreachable/);
  });

  it("SNAP: prints the DOKU-role public key and where it was written; --doku-private-key reuses a key", async () => {
    const server = await listen(snapMerchant("snap-va-payment", "snap-rsa").server);
    running.push(server);
    const keyDir = tempDir();
    const keyFile = join(keyDir, "doku.pem");
    writeFileSync(keyFile, dokuPair().privateKey.export({ type: "pkcs8", format: "pem" }).toString());
    const run = await cli([
      "--url",
      `${server.base}/v1.1/transfer-va/payment`,
      "--flow",
      "snap-va-payment",
      "--callback-auth",
      "snap-rsa",
      "--token-url",
      `${server.base}/token`,
      "--doku-private-key",
      keyFile,
      "--output-dir",
      "out",
    ]);
    expect(run.code).toBe(0);
    const publicPem = dokuPair().publicKey.export({ type: "spki", format: "pem" }).toString();
    expect(run.stdout).toContain(publicPem.trim());
    expect(run.stdout).toMatch(/written to out\/doku-role-public\.pem/);
    expect(readFileSync(join(run.cwd, "out", "doku-role-public.pem"), "utf8")).toBe(publicPem);
    expect(existsSync(join(run.cwd, "out", "doku-role-private.pem"))).toBe(false);
    expect(run.stdout).toMatch(/rerun: doku-conformance callback .*--doku-private-key \S*doku\.pem/);
  });

  it("SNAP without --doku-private-key: generates a pair and writes the private half 0600 for reuse", async () => {
    const run = await cli([
      "--url",
      `http://127.0.0.1:${await closedPort()}/x`,
      "--flow",
      "snap-va-payment",
      "--output-dir",
      "out",
    ]);
    expect(run.code).toBe(3);
    expect(run.stdout).toMatch(/reuse it with --doku-private-key out\/doku-role-private\.pem/);
    const { statSync } = await import("node:fs");
    expect(statSync(join(run.cwd, "out", "doku-role-private.pem")).mode & 0o777).toBe(0o600);
  });
});
