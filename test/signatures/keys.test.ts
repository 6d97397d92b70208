/** PEM keys: PKCS#8 and PKCS#1 accepted; anything else a one-line UsageError that shows no key material. */
import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/model/errors.js";
import {
  asPrivateKey,
  asPublicKey,
  privateKeyFromPem,
  publicKeyFromPem,
  rsaSignBase64,
  rsaVerifyBase64,
} from "../../src/signatures/index.js";
import { rsaPair } from "./fixtures.js";

const keys = rsaPair(2048);

function usageError(fn: () => unknown): UsageError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    const e = error as UsageError;
    expect(e.message).not.toContain("\n");
    expect(e.message).not.toMatch(/MII[A-Za-z0-9+/]{8}/); // no DER/Base64 key material
    expect(e.exitCode).toBe(2);
    return e;
  }
  throw new Error("expected a UsageError");
}

describe("keys", () => {
  it("PKCS#8 and PKCS#1 private keys sign identically", () => {
    const a = rsaSignBase64(privateKeyFromPem(keys.pkcs8), "BRN-1|2024-01-01T00:00:00+07:00");
    const b = rsaSignBase64(privateKeyFromPem(keys.pkcs1), "BRN-1|2024-01-01T00:00:00+07:00");
    expect(a).toBe(b);
    expect(a).toHaveLength(344);
    expect(rsaVerifyBase64(publicKeyFromPem(keys.spki), "BRN-1|2024-01-01T00:00:00+07:00", a)).toBe(true);
  });

  it("accepts PKCS#1 public keys and derives the public half of a private PEM", () => {
    const pkcs1Public = keys.publicKey.export({ type: "pkcs1", format: "pem" }).toString();
    const sig = rsaSignBase64(keys.privateKey, "m");
    expect(rsaVerifyBase64(publicKeyFromPem(pkcs1Public), "m", sig)).toBe(true);
    expect(rsaVerifyBase64(asPublicKey(keys.pkcs8), "m", sig)).toBe(true);
    expect(rsaVerifyBase64(asPublicKey(keys.privateKey), "m", sig)).toBe(true);
  });

  it("a public key is read once per PEM text and per private KeyObject; an unusable one is refused every time", () => {
    const other = rsaPair(2048);
    const a = publicKeyFromPem(keys.spki);
    expect(publicKeyFromPem(Buffer.from(keys.spki))).toBe(a);
    expect(publicKeyFromPem(other.spki)).not.toBe(a);
    expect(publicKeyFromPem(other.spki).equals(other.publicKey)).toBe(true);
    expect(asPublicKey(keys.privateKey)).toBe(asPublicKey(keys.privateKey));
    expect(asPublicKey(keys.privateKey).equals(keys.publicKey)).toBe(true);
    expect(asPublicKey(keys.publicKey)).toBe(keys.publicKey);
    // A private PEM still gives its public half, but its text is not kept: each call reads it again.
    expect(publicKeyFromPem(keys.pkcs8).equals(keys.publicKey)).toBe(true);
    expect(publicKeyFromPem(keys.pkcs8)).not.toBe(publicKeyFromPem(keys.pkcs8));
    // More distinct keys than the cache holds: every answer is still the key of its own text.
    const many = Array.from(
      { length: 20 },
      () => generateKeyPairSync("rsa", { modulusLength: 1024 }).publicKey,
    );
    for (const key of [...many, ...many]) {
      const pem = key.export({ type: "spki", format: "pem" }).toString();
      expect(publicKeyFromPem(pem).equals(key)).toBe(true);
    }
    const ec = generateKeyPairSync("ec", { namedCurve: "P-256" }).publicKey.export({
      type: "spki",
      format: "pem",
    });
    usageError(() => publicKeyFromPem(ec.toString()));
    usageError(() => publicKeyFromPem(ec.toString()));
  });

  it.each([
    ["garbage", "not a key"],
    ["truncated PEM", keys.pkcs8.slice(0, 200)],
    ["a public key given as private", keys.spki],
  ])("malformed private key (%s) -> UsageError naming the label", (_name, pem) => {
    expect(usageError(() => privateKeyFromPem(pem, "private key file k.pem")).message).toContain("k.pem");
  });

  it("encrypted keys, EC keys and missing keys are UsageErrors", () => {
    const encrypted = keys.privateKey.export({
      type: "pkcs8",
      format: "pem",
      cipher: "aes-256-cbc",
      passphrase: "x",
    });
    expect(usageError(() => privateKeyFromPem(encrypted.toString())).message).toContain("encrypted");
    const ec = generateKeyPairSync("ec", { namedCurve: "P-256" });
    expect(usageError(() => asPrivateKey(ec.privateKey)).message).toContain("ec");
    expect(
      usageError(() => publicKeyFromPem(ec.publicKey.export({ type: "spki", format: "pem" }).toString()))
        .message,
    ).toContain("RSA");
    usageError(() => asPrivateKey(undefined));
    usageError(() => asPublicKey(undefined));
    usageError(() => publicKeyFromPem("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n"));
  });

  it("RSA verification accepts only the canonical Base64 spelling", () => {
    const sig = rsaSignBase64(keys.privateKey, "m");
    expect(rsaVerifyBase64(keys.publicKey, "m", sig)).toBe(true);
    expect(rsaVerifyBase64(keys.publicKey, "m", sig.replace(/=+$/, ""))).toBe(false);
    expect(rsaVerifyBase64(keys.publicKey, "m", `${sig}\n`)).toBe(false);
    expect(rsaVerifyBase64(keys.publicKey, "m", `${sig.slice(0, 100)}*${sig.slice(100)}`)).toBe(false);
    // 256 bytes always end in "==", so the unpadded base64url spelling always differs.
    expect(rsaVerifyBase64(keys.publicKey, "m", Buffer.from(sig, "base64").toString("base64url"))).toBe(
      false,
    );
    expect(rsaVerifyBase64(keys.publicKey, "m", "")).toBe(false);
  });
});
