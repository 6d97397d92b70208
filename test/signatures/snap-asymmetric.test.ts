/**
 * rsaSignBase64 reuses a key's last signature when the message repeats: the reused value must be exactly
 * what a fresh PKCS#1 v1.5 signature of that key and message gives, whatever the order of keys and messages.
 */
import { constants, type KeyObject, sign } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rsaSignBase64, rsaVerifyBase64 } from "../../src/signatures/snap-asymmetric.js";
import { rsaPair } from "./fixtures.js";

const pairs = [rsaPair(2048), rsaPair(2048)];
const privateKeys = pairs.map((p) => p.privateKey);
const publicKeys = pairs.map((p) => p.publicKey);

const fresh = (key: number, message: string) =>
  sign("sha256", Buffer.from(message, "utf8"), {
    key: privateKeys[key] as KeyObject,
    padding: constants.RSA_PKCS1_PADDING,
  }).toString("base64");

describe("rsaSignBase64", () => {
  it("any sequence of (key, message) signs each exactly as a fresh signature (repeats reuse the last)", () => {
    const step = fc.tuple(fc.integer({ min: 0, max: 1 }), fc.constantFrom("a|1", "a|2", "b|1", "ü|1"));
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 12 }), (steps) => {
        for (const [key, message] of steps) {
          const signature = rsaSignBase64(privateKeys[key] as KeyObject, message);
          expect(signature).toBe(fresh(key, message));
          expect(rsaVerifyBase64(publicKeys[key] as KeyObject, message, signature)).toBe(true);
        }
      }),
      { numRuns: 40 },
    );
  });
});
