/**
 * The digests against node:crypto's streaming API: hmacBase64 keeps the last key as a KeyObject, so any
 * sequence of keys must still MAC with the key given; the one-shot SHA-256 digests equal createHash's.
 */
import { createHash, createHmac } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bodyDigest, hmacBase64, snapBodyHash } from "../../src/signatures/digest.js";

describe("digests", () => {
  it("hmacBase64 over any sequence of (algorithm, key, message) equals a fresh HMAC", () => {
    const step = fc.tuple(
      fc.constantFrom("sha256", "sha512") as fc.Arbitrary<"sha256" | "sha512">,
      fc.constantFrom("", "k1", "k2", "kü"),
      fc.string(),
    );
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 10 }), (steps) => {
        for (const [algorithm, key, message] of steps)
          expect(hmacBase64(algorithm, key, message)).toBe(
            createHmac(algorithm, Buffer.from(key, "utf8")).update(message, "utf8").digest("base64"),
          );
      }),
    );
  });

  it("bodyDigest and snapBodyHash equal createHash over the same bytes", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.uint8Array()), (body) => {
        const bytes = typeof body === "string" ? Buffer.from(body, "utf8") : body;
        expect(bodyDigest(body)).toBe(createHash("sha256").update(bytes).digest("base64"));
      }),
    );
    expect(snapBodyHash('{ "a" : 1 }')).toBe(createHash("sha256").update('{"a":1}').digest("hex"));
    expect(snapBodyHash("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  });
});
