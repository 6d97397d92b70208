/** Where the mock's identity comes from: a generated test identity, an identity file, or DOKU_* env. */
import { generateKeyPairSync } from "node:crypto";
import { mkdtemp, readFile, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateIdentity, resolveIdentity } from "../../src/mock/index.js";
import { UsageError } from "../../src/model/errors.js";

const dir = () => mkdtemp(join(tmpdir(), "mock-identity-test-"));

function keyPair() {
  return generateKeyPairSync("rsa", {
    modulusLength: 2048,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  });
}

describe("generated identity", () => {
  it("has a DOKU-shaped client id, a secret and an RSA key pair", () => {
    const identity = generateIdentity();
    expect(identity.clientId).toMatch(/^BRN-[0-9]{4}-[0-9]{13}$/);
    expect(identity.secretKey.length).toBeGreaterThan(16);
    expect(identity.merchantPublicKeyPem).toContain("BEGIN PUBLIC KEY");
    expect(identity.merchantPrivateKeyPem).toContain("BEGIN PRIVATE KEY");
    expect(generateIdentity().secretKey).not.toBe(identity.secretKey);
  });

  it("without file or env, is written to a fresh 0600 file under the temp directory", async () => {
    const base = await dir();
    const resolved = await resolveIdentity({ env: {}, tmpDir: base });
    expect(resolved.generated).toBe(true);
    expect(resolved.file?.startsWith(base)).toBe(true);
    expect((await stat(resolved.file as string)).mode & 0o777).toBe(0o600);
    const written = JSON.parse(await readFile(resolved.file as string, "utf8"));
    expect(written).toMatchObject({
      clientId: resolved.identity.clientId,
      secretKey: resolved.identity.secretKey,
    });
  });
});

describe("--identity-file", () => {
  it("is created when missing and read back unchanged the next time", async () => {
    const file = join(await dir(), "id.json");
    const first = await resolveIdentity({ identityFile: file, env: {} });
    expect(first.generated).toBe(true);
    const second = await resolveIdentity({ identityFile: file, env: { DOKU_CLIENT_ID: "ignored" } });
    expect(second.generated).toBe(false);
    expect(second.identity).toMatchObject({
      clientId: first.identity.clientId,
      secretKey: first.identity.secretKey,
      merchantPrivateKeyPem: first.identity.merchantPrivateKeyPem,
      origin: "file",
    });
  });

  it("a file that is not JSON, or lacks a field, is a UsageError", async () => {
    const base = await dir();
    await writeFile(join(base, "bad.json"), "not json");
    await expect(resolveIdentity({ identityFile: join(base, "bad.json") })).rejects.toBeInstanceOf(
      UsageError,
    );
    await writeFile(join(base, "partial.json"), JSON.stringify({ clientId: "x" }));
    await expect(resolveIdentity({ identityFile: join(base, "partial.json") })).rejects.toThrow(/secretKey/);
  });
});

describe("DOKU_* environment", () => {
  it("reads DOKU_PUBLIC_KEY_FILE as the MERCHANT public key", async () => {
    const base = await dir();
    const { publicKey } = keyPair();
    await writeFile(join(base, "pub.pem"), publicKey);
    const env = {
      DOKU_CLIENT_ID: "BRN-1",
      DOKU_SECRET_KEY: "SK-1",
      DOKU_PUBLIC_KEY_FILE: join(base, "pub.pem"),
    };
    const resolved = await resolveIdentity({ env });
    expect(resolved.identity).toMatchObject({
      clientId: "BRN-1",
      secretKey: "SK-1",
      merchantPublicKeyPem: publicKey,
      origin: "env",
    });
    expect(resolved.identity.merchantPrivateKeyPem).toBeUndefined();
    expect(resolved.file).toBeUndefined();
  });

  it("derives the public key from DOKU_PRIVATE_KEY_FILE, and refuses a public key that does not match it", async () => {
    const base = await dir();
    const merchant = keyPair();
    const other = keyPair();
    await writeFile(join(base, "key.pem"), merchant.privateKey);
    await writeFile(join(base, "other.pem"), other.publicKey);
    const env = {
      DOKU_CLIENT_ID: "BRN-1",
      DOKU_SECRET_KEY: "SK-1",
      DOKU_PRIVATE_KEY_FILE: join(base, "key.pem"),
    };
    expect((await resolveIdentity({ env })).identity.merchantPublicKeyPem).toBe(merchant.publicKey);
    await expect(
      resolveIdentity({ env: { ...env, DOKU_PUBLIC_KEY_FILE: join(base, "other.pem") } }),
    ).rejects.toThrow(/MERCHANT public key/);
  });

  it("a client id without secret is a UsageError naming what is missing", async () => {
    await expect(resolveIdentity({ env: { DOKU_CLIENT_ID: "BRN-1" } })).rejects.toThrow(/DOKU_SECRET_KEY/);
  });

  it("a client id and secret without a key (a non-SNAP merchant) is an identity without a merchant key", async () => {
    const { identity } = await resolveIdentity({ env: { DOKU_CLIENT_ID: "BRN-1", DOKU_SECRET_KEY: "x" } });
    expect(identity).toMatchObject({ clientId: "BRN-1", secretKey: "x", merchantPublicKeyPem: "" });
  });
});
