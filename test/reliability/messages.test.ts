/** Usage errors say what was typed and what is expected, in one line, exit 2. */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli } from "./cli-context.js";

const cwd = mkdtempSync(join(tmpdir(), "doku-msg-"));

describe("run flag messages", () => {
  it.each([
    [
      ["--cases", "-1"],
      /--cases takes a value; one starting with "-" must be written --cases=<value>; see --help$/,
    ],
    [["--cases=-1"], /--cases -1: expected a whole number from 0/],
    [["--request-timeout", "0"], /--request-timeout 0: expected a whole number from 1 .* \(milliseconds\)$/],
    [
      ["--seed", "99999999999999999999"],
      /--seed 99999999999999999999: expected a whole number from 0 to 9007199254740991$/,
    ],
  ])("run %j", async (args, words) => {
    const r = await cli(["run", ...args], { cwd });
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(words);
    expect(lines[0]).not.toMatch(/ambiguous|\.;|requestTimeoutMs/);
  });
});
