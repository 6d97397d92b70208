/** The compiled bin as a user runs it (a fresh process, no DOKU_* credentials unless given), line by line. */
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

export const root = fileURLToPath(new URL("../..", import.meta.url));

export interface Spawned {
  child: ChildProcess;
  lines: string[];
  stderr: () => string;
  exit: Promise<number | string>;
  /** Resolves with the first stdout line matching `pattern` (rejects if the process exits first). */
  waitFor(pattern: RegExp): Promise<string>;
}

/** Starts `node bin/doku-conformance.js ...args`; the exit promise gives the code, or the killing signal. */
export function spawnBin(
  args: string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): Spawned {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("DOKU_")));
  const child = spawn(process.execPath, [`${root}bin/doku-conformance.js`, ...args], {
    cwd: options.cwd ?? root,
    env: { ...env, ...options.env },
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
  let exited = false;
  const exit = new Promise<number | string>((resolve) =>
    child.on("exit", (code, signal) => {
      exited = true;
      resolve(code ?? signal ?? -1);
    }),
  );
  const waitFor = async (pattern: RegExp) => {
    for (;;) {
      const found = lines.find((l) => pattern.test(l));
      if (found !== undefined) return found;
      if (exited) throw new Error(`exited before printing ${pattern}: ${lines.join("\n")}\n${err}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  return { child, lines, stderr: () => err, exit, waitFor };
}
