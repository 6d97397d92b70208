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

describe("other refusals", () => {
  it("an EC key is called an ec key, not a ec key", async () => {
    const { generateKeyPairSync } = await import("node:crypto");
    const { privateKeyFromPem } = await import("../../src/signatures/keys.js");
    const pem = generateKeyPairSync("ec", { namedCurve: "P-256" })
      .privateKey.export({ type: "pkcs8", format: "pem" })
      .toString();
    expect(() => privateKeyFromPem(pem, "the key")).toThrow(
      /the key is an ec key; DOKU signatures need an RSA key/,
    );
  });

  it.each(["not a url", "ftp://ledger.example/x"])(
    "callback --ledger-url %s is exit 2 before any request",
    async (ledger) => {
      const r = await cli(
        [
          "callback",
          "--url",
          "http://127.0.0.1:9/n",
          "--flow",
          "doku-va-notification",
          "--ledger-url",
          ledger,
        ],
        { cwd, env: { DOKU_CLIENT_ID: "MCH-1", DOKU_SECRET_KEY: "SK-1" } },
      );
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split("\n")).toEqual([
        expect.stringMatching(/--ledger-url .* is not an http\(s\) URL/),
      ]);
      expect(r.stdout).toBe("");
    },
  );
});

describe("sign refuses a malformed timestamp, as verify does", () => {
  it.each([
    ["snap-symmetric", ["--method", "POST", "--path", "/x", "--access-token", "t", "--client-secret", "s"]],
    ["nonsnap", ["--client-id", "c", "--request-id", "r", "--target", "/x", "--secret-key", "s"]],
  ])("sign %s --timestamp nonsense: exit 2, nothing signed", async (scheme, flags) => {
    const r = await cli(["sign", scheme, ...flags, "--timestamp", "2024-13-45T99:00:00Z"], { cwd });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/--timestamp "2024-13-45T99:00:00Z" is not an ISO-8601 timestamp/);
    const good = await cli(["sign", scheme, ...flags, "--timestamp", "2024-03-26T16:01:41+07:00"], { cwd });
    expect(good.code).toBe(0);
  });
});
