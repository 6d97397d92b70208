/**
 * `mock --token-lifetime` / `--timestamp-window` from the command line (the real bin): a merchant can test
 * its client's token refresh without writing code (the SDK's sdk-token-never-refreshed defect).
 */
import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadSpecBundle } from "../../conformance/bundle.js";
import type { MockIdentity } from "../../src/mock/index.js";
import { signRequest } from "../../src/signatures/request-signer.js";
import { formatSnapTimestamp } from "../../src/signatures/timestamp.js";
import { sendSigned, tokenInput } from "../mock/helpers.js";

const root = fileURLToPath(new URL("../..", import.meta.url));

function start(args: string[]) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("DOKU_")));
  const child = spawn(process.execPath, ["bin/doku-conformance.js", "mock", ...args], { cwd: root, env });
  let out = "";
  let err = "";
  child.stdout.on("data", (c: Buffer) => {
    out += c.toString("utf8");
  });
  child.stderr.on("data", (c: Buffer) => {
    err += c.toString("utf8");
  });
  const exit = new Promise<number>((resolve) => child.on("exit", (code) => resolve(code ?? -1)));
  const ready = async () => {
    while (!/stop with Ctrl\+C/.test(out)) await new Promise((r) => setTimeout(r, 20));
    return out;
  };
  return { child, exit, ready, err: () => err, out: () => out };
}

describe("mock flags", () => {
  it("--token-lifetime sets expiresIn; --timestamp-window narrows the window", async () => {
    const run = start(["--token-lifetime", "7", "--timestamp-window", "2"]);
    try {
      const out = await run.ready();
      const url = /listening on (\S+)/.exec(out)?.[1] as string;
      const file = /written to (.+) \(mode 0600/.exec(out)?.[1] as string;
      const identity = JSON.parse(await readFile(file, "utf8")) as MockIdentity;
      const bundle = await loadSpecBundle();
      const fresh = await sendSigned(url, signRequest(tokenInput(bundle, identity)));
      expect(fresh.status).toBe(200);
      expect(fresh.json.expiresIn).toBe(7);
      const tenSecondsOld = formatSnapTimestamp(Date.now() - 10_000);
      const stale = await sendSigned(url, signRequest(tokenInput(bundle, identity, tenSecondsOld)));
      expect(stale.status).toBe(401);
      run.child.kill("SIGINT");
      expect(await run.exit).toBe(0);
    } finally {
      run.child.kill("SIGKILL");
    }
  });

  it.each([
    ["--token-lifetime", "0"],
    ["--timestamp-window", "5m"],
  ])("%s %s is a usage error (exit 2)", async (flag, value) => {
    const run = start([flag, value]);
    expect(await run.exit).toBe(2);
    expect(run.err()).toContain(flag);
  });

  it("--help documents both flags", async () => {
    const run = start(["--help"]);
    expect(await run.exit).toBe(0);
    expect(run.out()).toContain("--token-lifetime <s>");
    expect(run.out()).toContain("--timestamp-window <s>");
  });
});
