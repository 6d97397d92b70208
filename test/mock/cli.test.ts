/**
 * `doku-conformance mock` as a user runs it: the real bin, a fresh process, no credentials. First line
 * `listening on http://HOST:PORT`, a working token endpoint, SIGINT -> exit 0; a port in use -> exit 3.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadSpecBundle } from "../../conformance/bundle.js";
import type { MockIdentity } from "../../src/mock/index.js";
import { fetchToken } from "./helpers.js";

const root = fileURLToPath(new URL("../..", import.meta.url));

/** The environment of a fresh clone: no DOKU_* credentials. */
function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("DOKU_")));
}

function start(args: string[]): {
  child: ChildProcess;
  lines: string[];
  stderr: () => string;
  exit: Promise<number>;
} {
  const child = spawn(process.execPath, ["bin/doku-conformance.js", "mock", ...args], {
    cwd: root,
    env: cleanEnv(),
  });
  const lines: string[] = [];
  let buffered = "";
  let err = "";
  child.stdout?.on("data", (c: Buffer) => {
    buffered += c.toString("utf8");
    const parts = buffered.split("\n");
    buffered = parts.pop() ?? "";
    lines.push(...parts);
  });
  child.stderr?.on("data", (c: Buffer) => {
    err += c.toString("utf8");
  });
  const exit = new Promise<number>((resolve) => child.on("exit", (code) => resolve(code ?? -1)));
  return { child, lines, stderr: () => err, exit };
}

async function waitFor(lines: string[], pattern: RegExp, exit: Promise<number>): Promise<string> {
  let exited = false;
  exit.then(() => {
    exited = true;
  });
  for (;;) {
    const found = lines.find((l) => pattern.test(l));
    if (found !== undefined) return found;
    if (exited) throw new Error(`mock exited before printing ${pattern}: ${lines.join("\n")}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("doku-conformance mock", () => {
  it("starts with no credentials, prints the URL first, serves, and stops on SIGINT with exit 0", async () => {
    const run = start(["--port", "0"]);
    try {
      await waitFor(run.lines, /^stop with Ctrl\+C$/, run.exit);
      expect(run.lines[0]).toMatch(/^listening on http:\/\/127\.0\.0\.1:[0-9]+$/);
      const url = (run.lines[0] as string).slice("listening on ".length);
      const clientId = run.lines.find((l) => l.startsWith("client id: "))?.slice("client id: ".length);
      const file = /written to (.+) \(mode 0600/.exec(run.lines.join("\n"))?.[1] as string;
      const identity = JSON.parse(await readFile(file, "utf8")) as MockIdentity;
      expect(identity.clientId).toBe(clientId);
      expect(run.lines.join("\n")).not.toContain(identity.secretKey);
      expect(await fetchToken(url, await loadSpecBundle(), identity)).toMatch(/\./);
      run.child.kill("SIGINT");
      expect(await run.exit).toBe(0);
      expect(run.lines).toContain("mock stopped");
      expect(existsSync(file)).toBe(false);
    } finally {
      run.child.kill("SIGKILL");
    }
  });

  it("--show-secrets prints the secret key", async () => {
    const run = start(["--show-secrets"]);
    try {
      const line = await waitFor(run.lines, /^secret key: /, run.exit);
      expect(line).toMatch(/^secret key: SK-/);
      run.child.kill("SIGINT");
      expect(await run.exit).toBe(0);
    } finally {
      run.child.kill("SIGKILL");
    }
  });

  it("a port in use -> one line on stderr, exit 3", async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const run = start(["--port", String(port)]);
      expect(await run.exit).toBe(3);
      const lines = run.stderr().trimEnd().split("\n");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(new RegExp(`127\\.0\\.0\\.1:${port}.*already in use`));
    } finally {
      blocker.close();
    }
  });

  it("a bad --port is a usage error (exit 2)", async () => {
    const run = start(["--port", "http"]);
    expect(await run.exit).toBe(2);
    expect(run.stderr()).toMatch(/--port/);
  });
});
