/**
 * Fault injection: tiny servers on 127.0.0.1 that break HTTP in one way each. `run --target` and
 * `callback --url` against each end within a bound, exit 3, and say in one line what the target did: a
 * target that answers garbage or resets is reachable, so it is not called "unreachable".
 */
import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli } from "./cli-context.js";
import { type Fault, type FaultServer, startFaultServer } from "./fault-servers.js";

const dir = mkdtempSync(join(tmpdir(), "doku-faults-"));
const keyFile = join(dir, "merchant.pem");
writeFileSync(
  keyFile,
  generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs8", format: "pem" }),
);
const env = { DOKU_CLIENT_ID: "MCH-1", DOKU_SECRET_KEY: "SK-1", DOKU_PRIVATE_KEY_FILE: keyFile };

/** Each fault, and the words its one-line message must (and must not) carry. */
const FAULTS: readonly [Fault, RegExp, RegExp | undefined][] = [
  ["never", /unreachable: ETIMEDOUT|did not answer/, undefined],
  ["garbage", /answered something that is not HTTP \(HPE_/, /unreachable/],
  ["reset", /closed the connection without answering \(ECONNRESET\)/, /unreachable/],
  ["endless", /sent a response body (over 16 MB|that did not end)/, /unreachable/],
  ["huge-headers", /answered with headers over Node's 16 KB limit \(HPE_HEADER_OVERFLOW\)/, /unreachable/],
  ["drip", /unreachable: ETIMEDOUT|did not answer/, undefined],
];

const servers = new Map<Fault, FaultServer>();
beforeAll(async () => {
  for (const [fault] of FAULTS) servers.set(fault, await startFaultServer(fault));
});
afterAll(async () => {
  for (const server of servers.values()) await server.close();
});

function url(fault: Fault): string {
  return (servers.get(fault) as FaultServer).url;
}

function expectOneLine(stderr: string, words: RegExp, not: RegExp | undefined): void {
  const lines = stderr.trim().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(words);
  if (not) expect(lines[0]).not.toMatch(not);
}

describe("run --target <faulty server>", () => {
  // The first case also loads the spec bundle; the bound is for the request timeouts and token retries.
  it.each(FAULTS)("%s: exit 3 within the bound, one truthful line", async (fault, words, not) => {
    const started = Date.now();
    const r = await cli(
      ["run", "--target", url(fault), "--request-timeout", "400", "--output-dir", join(dir, `run-${fault}`)],
      { cwd: dir, env },
    );
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(r.code).toBe(3);
    expectOneLine(r.stderr, new RegExp(`^doku-conformance: target ${url(fault)} .*${words.source}`), not);
  });
});

describe("callback --url <faulty server>", () => {
  it.each(FAULTS)("%s: exit 3 within the bound, one truthful line", async (fault, words, not) => {
    const started = Date.now();
    const r = await cli(
      [
        "callback",
        "--url",
        `${url(fault)}/notify`,
        "--flow",
        "doku-va-notification",
        "--timeout",
        "400",
        "--output-dir",
        join(dir, `cb-${fault}`),
      ],
      { cwd: dir, env },
    );
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(r.code).toBe(3);
    expectOneLine(r.stderr, new RegExp(`merchant endpoint ${url(fault)}/notify .*${words.source}`), not);
  });
});

describe("run: a token answer without a token says why", () => {
  it.each([
    ["<html>maintenance</html>", "text/html", /cannot obtain a SNAP access token: the answer is not JSON$/],
    [
      '{"responseCode":"2007300"}',
      "application/json",
      /cannot obtain a SNAP access token: the answer has no accessToken string$/,
    ],
  ])("200 %s", async (body, type, words) => {
    const { createServer } = await import("node:http");
    const server = createServer((_req, res) => res.writeHead(200, { "content-type": type }).end(body));
    await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
    const address = server.address() as { port: number };
    try {
      const r = await cli(
        [
          "run",
          "--target",
          `http://127.0.0.1:${address.port}`,
          "--operation",
          "snapCreateVa",
          "--output-dir",
          join(dir, "token"),
        ],
        { cwd: dir, env },
      );
      expect(r.code).toBe(3);
      expectOneLine(r.stderr, words, undefined);
    } finally {
      server.close();
    }
  });
});
