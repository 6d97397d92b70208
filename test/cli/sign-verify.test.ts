/** `sign` / `verify` commands with a fake CliContext: exact output, exit codes, env fallbacks, one-line errors. */
import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { sign } from "../../src/cli/commands/sign.js";
import { verify } from "../../src/cli/commands/verify.js";
import type { CliContext } from "../../src/cli/context.js";
import { runCli } from "../../src/cli/main.js";
import { UsageError } from "../../src/model/errors.js";

const SECRET = "SK-tDzY6MSLBWlNXy3qCsUU";
const dir = mkdtempSync(join(tmpdir(), "doku-cli-"));
const file = (name: string, data: string) => {
  const path = join(dir, name);
  writeFileSync(path, data);
  return path;
};
const SNAP_BODY =
  '{"partnerServiceId":"  088899","customerNo":"12345678901234567890","virtualAccountNo":"  08889912345678901234567890","virtualAccountName":"Jokul Doe","virtualAccountEmail":"jokul@email.com","virtualAccountPhone":"6281828384858","trxId":"abcdefgh1234","totalAmount":{"value":"12345678.00","currency":"IDR"}}';
const NONSNAP_BODY =
  '{"order":{"invoice_number":"INV-20210124-0001","amount":150000},"virtual_account_info":{"billing_type":"FIX_BILL","expired_time":60,"reusable_status":false,"info1":"Merchant Demo Store"},"customer":{"name":"Anton Budiman","email":"anton@example.com"}}';
const snapBody = file("snap.json", JSON.stringify(JSON.parse(SNAP_BODY), null, 2));
const nonSnapBody = file("nonsnap.json", NONSNAP_BODY);
const keys = generateKeyPairSync("rsa", { modulusLength: 2048 });
const pkcs1 = file("key1.pem", keys.privateKey.export({ type: "pkcs1", format: "pem" }).toString());
const pkcs8 = file("key8.pem", keys.privateKey.export({ type: "pkcs8", format: "pem" }).toString());
const spki = file("pub.pem", keys.publicKey.export({ type: "spki", format: "pem" }).toString());
const notAKey = file("not-a-key.pem", "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");

function fakeContext(env: Record<string, string> = {}, stdin = "") {
  const out: string[] = [];
  const err: string[] = [];
  const ctx: CliContext = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    readStdin: async () => stdin,
    env,
    cwd: dir,
    isTTY: false,
    loadBundle: async () => {
      throw new Error("sign/verify must not need the spec bundle");
    },
    packageRoot: dir,
    signal: new AbortController().signal,
  };
  return { ctx, stdout: () => out.join(""), stderr: () => err.join("") };
}

const SNAP_SYM = [
  "snap-symmetric",
  "--method",
  "POST",
  "--path",
  "/virtual-accounts/bi-snap-va/v1.1/transfer-va/create-va",
  "--access-token",
  "exampleAccessToken",
  "--timestamp",
  "2024-03-26T16:01:41+07:00",
];
const NONSNAP = [
  "nonsnap",
  "--client-id",
  "MCH-0001-10791114622547",
  "--request-id",
  "09e0defe-a071-45b3-9feb-ac134374628c",
  "--timestamp",
  "2020-08-11T08:45:42Z",
  "--target",
  "/doku-virtual-account/v2/payment-code",
];
const SNAP_SIG = "Jx8A+tH1RBTLLSHH6Fh7hhKC0w4gKSIc0HuuZHdOSMYdm4KYL7pnhr4w5WMKP9b60Mgrld6cUFj7zagvK3VyHA==";
const NONSNAP_SIG = "HMACSHA256=SUkIQDCzQc/vN4ESFljJUQPwp+gvQ47JQSZw+eGxgv0=";

describe("sign", () => {
  it.each([
    [
      "snap-symmetric, pretty body file",
      [...SNAP_SYM, "--client-secret", SECRET, "--body", snapBody],
      {},
      "",
      SNAP_SIG,
    ],
    [
      "snap-symmetric, body on stdin, secret from env",
      [...SNAP_SYM, "--body", "-"],
      { DOKU_SECRET_KEY: SECRET },
      SNAP_BODY,
      SNAP_SIG,
    ],
    ["nonsnap POST", [...NONSNAP, "--secret-key", SECRET, "--body", "nonsnap.json"], {}, "", NONSNAP_SIG],
    [
      "nonsnap GET (no body, no Digest), client id and secret from env",
      [
        "nonsnap",
        "--request-id",
        "d895fb53-479c-4f77-a76a-ab81b40d77cb",
        "--timestamp",
        "2020-08-11T08:45:42Z",
        "--target",
        "/orders/v1/status/INV-123123-12313",
      ],
      { DOKU_SECRET_KEY: SECRET, DOKU_CLIENT_ID: "MCH-0001-10791114622547" },
      "",
      "HMACSHA256=GpQH24FXq4gHJHNk2a2TvdqPaOvrjVNuM1v8zSFqLmI=",
    ],
  ])("%s prints only the header value", async (_name, args, env, stdin, expected) => {
    const t = fakeContext(env, stdin);
    expect(await sign(args, t.ctx)).toBe(0);
    expect(t.stdout()).toBe(`${expected}\n`);
    expect(t.stderr()).toBe("");
  });

  it("nonsnap hashes the exact body bytes: a trailing newline changes the signature", async () => {
    const t = fakeContext();
    await sign([...NONSNAP, "--secret-key", SECRET, "--body", file("nl.json", `${NONSNAP_BODY}\n`)], t.ctx);
    expect(t.stdout()).not.toBe(`${NONSNAP_SIG}\n`);
  });

  it("snap-asymmetric: same signature from PKCS#1 and PKCS#8 files (flag or env)", async () => {
    const a = fakeContext();
    await sign(
      [
        "snap-asymmetric",
        "--client-id",
        "BRN-1",
        "--timestamp",
        "2024-03-26T16:01:41+07:00",
        "--private-key",
        pkcs1,
      ],
      a.ctx,
    );
    const b = fakeContext({ DOKU_PRIVATE_KEY_FILE: pkcs8, DOKU_CLIENT_ID: "BRN-1" });
    await sign(["snap-asymmetric", "--timestamp", "2024-03-26T16:01:41+07:00"], b.ctx);
    expect(a.stdout()).toMatch(/^[A-Za-z0-9+/]{342}==\n$/);
    expect(b.stdout()).toBe(a.stdout());
  });

  it("--help lists the scheme's flags and environment fallbacks", async () => {
    const t = fakeContext();
    expect(await sign(["snap-asymmetric", "--help"], t.ctx)).toBe(0);
    expect(t.stdout()).toContain("--private-key");
    expect(t.stdout()).toContain("DOKU_PRIVATE_KEY_FILE");
    const all = fakeContext();
    expect(await sign(["--help"], all.ctx)).toBe(0);
    expect(all.stdout()).toMatch(/snap-symmetric[\s\S]*snap-asymmetric[\s\S]*nonsnap/);
  });
});

describe("verify", () => {
  it("exit 0 for a valid signature, 1 with one line on stderr for an invalid one", async () => {
    const ok = fakeContext({ DOKU_SECRET_KEY: SECRET });
    expect(await verify([...SNAP_SYM, "--body", snapBody, "--signature", SNAP_SIG], ok.ctx)).toBe(0);
    const bad = fakeContext({ DOKU_SECRET_KEY: SECRET });
    expect(
      await verify([...SNAP_SYM, "--body", snapBody, "--signature", SNAP_SIG.toLowerCase()], bad.ctx),
    ).toBe(1);
    expect(bad.stderr().trimEnd().split("\n")).toHaveLength(1);
    expect(bad.stderr()).toContain("signature-mismatch");
  });

  it("nonsnap and snap-asymmetric round trips; wrong public key or body fails", async () => {
    expect(
      await verify(
        [...NONSNAP, "--secret-key", SECRET, "--body", nonSnapBody, "--signature", NONSNAP_SIG],
        fakeContext().ctx,
      ),
    ).toBe(0);
    expect(
      await verify([...NONSNAP, "--secret-key", SECRET, "--signature", NONSNAP_SIG], fakeContext().ctx),
    ).toBe(1);
    const s = fakeContext();
    const token = ["snap-asymmetric", "--client-id", "BRN-1", "--timestamp", "2024-03-26T16:01:41+07:00"];
    await sign([...token, "--private-key", pkcs8], s.ctx);
    const signature = s.stdout().trim();
    expect(await verify([...token, "--public-key", spki, "--signature", signature], fakeContext().ctx)).toBe(
      0,
    );
    const other = file(
      "other.pem",
      generateKeyPairSync("rsa", { modulusLength: 2048 })
        .publicKey.export({ type: "spki", format: "pem" })
        .toString(),
    );
    expect(await verify([...token, "--public-key", other, "--signature", signature], fakeContext().ctx)).toBe(
      1,
    );
    expect(
      await verify([...token, "--signature", signature], fakeContext({ DOKU_PUBLIC_KEY_FILE: spki }).ctx),
    ).toBe(0);
  });

  it("no window check unless --max-skew; --now sets the reference time", async () => {
    const args = [...SNAP_SYM, "--client-secret", SECRET, "--body", snapBody, "--signature", SNAP_SIG];
    expect(await verify(args, fakeContext().ctx)).toBe(0);
    const stale = fakeContext();
    expect(await verify([...args, "--max-skew", "300"], stale.ctx)).toBe(1);
    expect(stale.stderr()).toContain("timestamp-window");
    expect(
      await verify([...args, "--max-skew", "300", "--now", "2024-03-26T09:05:00Z"], fakeContext().ctx),
    ).toBe(0);
    await expect(verify([...args, "--max-skew", "five"], fakeContext().ctx)).rejects.toThrow(UsageError);
    await expect(verify([...args, "--max-skew", "1", "--now", "soon"], fakeContext().ctx)).rejects.toThrow(
      UsageError,
    );
  });
});

describe("usage errors: exit 2, one line, no secrets", () => {
  const cases: [string, string[], Record<string, string>][] = [
    ["missing scheme", ["sign"], {}],
    ["unknown scheme", ["sign", "hmac"], {}],
    ["missing --client-secret", ["sign", ...SNAP_SYM], {}],
    [
      "missing --timestamp",
      ["sign", "nonsnap", "--client-id", "c", "--request-id", "r", "--target", "/t"],
      { DOKU_SECRET_KEY: SECRET },
    ],
    ["missing --signature", ["verify", ...SNAP_SYM], { DOKU_SECRET_KEY: SECRET }],
    ["unreadable --body", ["sign", ...SNAP_SYM, "--body", "nope.json"], { DOKU_SECRET_KEY: SECRET }],
    [
      "missing private key file",
      ["sign", "snap-asymmetric", "--client-id", "c", "--timestamp", "t", "--private-key", "nope.pem"],
      {},
    ],
    [
      "malformed private key",
      ["sign", "snap-asymmetric", "--client-id", "c", "--timestamp", "t", "--private-key", notAKey],
      {},
    ],
    [
      "public key given as private key",
      ["sign", "snap-asymmetric", "--client-id", "c", "--timestamp", "t", "--private-key", spki],
      {},
    ],
    [
      "malformed public key",
      [
        "verify",
        "snap-asymmetric",
        "--client-id",
        "c",
        "--timestamp",
        "t",
        "--public-key",
        snapBody,
        "--signature",
        "x",
      ],
      {},
    ],
    ["unknown flag", ["sign", ...SNAP_SYM, "--client-secret", SECRET, "--secret", SECRET], {}],
    [
      "flag of another scheme",
      [
        "verify",
        "snap-asymmetric",
        "--client-id",
        "c",
        "--timestamp",
        "t",
        "--private-key",
        pkcs8,
        "--signature",
        "x",
      ],
      {},
    ],
  ];

  it.each(cases)("%s", async (_name, argv, env) => {
    const t = fakeContext(env);
    expect(await runCli(argv, t.ctx)).toBe(2);
    expect(t.stdout()).toBe("");
    const lines = t.stderr().trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^doku-conformance: /);
    expect(t.stderr()).not.toContain(SECRET);
    expect(t.stderr()).not.toMatch(/MII[A-Za-z0-9+/]{8}/);
  });

  it("the command functions throw UsageError themselves (exit code 2)", async () => {
    await expect(sign(["nonsnap", "--client-id", "c"], fakeContext().ctx)).rejects.toMatchObject({
      exitCode: 2,
    });
    await expect(
      sign(
        ["snap-asymmetric", "--client-id", "c", "--timestamp", "t", "--private-key", notAKey],
        fakeContext().ctx,
      ),
    ).rejects.toThrow(/not a readable RSA private key/);
  });
});
