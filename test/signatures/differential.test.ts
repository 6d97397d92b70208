/**
 * Differential: the kit's signers against an independent computation (openssl dgst over temp files) on
 * random methods, paths, tokens, timestamps, secrets and bodies. The oracle builds its own strings to sign,
 * and uses compact JSON.stringify as the minification oracle for pretty-printed bodies.
 */
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import {
  nonSnapSignature,
  rsaSignBase64,
  signRequest,
  snapBodyHash,
  snapSymmetricSignature,
} from "../../src/signatures/index.js";
import { rsaPair } from "./fixtures.js";
import { HAVE_OPENSSL, Oracle } from "./openssl.js";

const oracle = new Oracle();
afterAll(() => oracle.dispose());
const keys = rsaPair(2048);

const RUNS = 200;
const segment = fc.stringMatching(/^[A-Za-z0-9._~-]{1,12}$/);
const path = fc.array(segment, { minLength: 1, maxLength: 5 }).map((s) => `/${s.join("/")}`);
const method = fc.constantFrom("GET", "POST", "PUT", "PATCH", "DELETE");
const text = fc.string({ unit: "binary", maxLength: 40 });
const secret = fc.string({ unit: "binary", minLength: 1, maxLength: 40 });
const instant = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) });
const isoTimestamp = instant.map((ms) =>
  new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(".000Z", "Z"),
);
const indent = fc.constantFrom(0, 1, 2, 4, "\t", " \n");
const jsonBody = fc.tuple(fc.jsonValue({ maxDepth: 3 }), indent).map(([v, space]) => ({
  sent: JSON.stringify(v, null, space),
  compact: JSON.stringify(v),
}));

// Without an openssl binary the oracle falls back to node:crypto; the title says so instead of claiming openssl.
describe(`differential against ${HAVE_OPENSSL ? "openssl" : "node:crypto (openssl not found)"}`, () => {
  it("SNAP body hash = sha256 hex of compact JSON", () => {
    fc.assert(
      fc.property(jsonBody, ({ sent, compact }) => {
        expect(snapBodyHash(sent)).toBe(oracle.sha256(compact).toString("hex"));
      }),
      { numRuns: 100 },
    );
  });

  it("SNAP symmetric X-SIGNATURE = openssl HMAC-SHA512", () => {
    fc.assert(
      fc.property(method, path, text, isoTimestamp, secret, jsonBody, (m, p, token, ts, key, body) => {
        const hash = oracle.sha256(body.compact).toString("hex");
        const expected = oracle.hmac("sha512", key, `${m}:${p}:${token}:${hash}:${ts}`);
        const c = { method: m, path: p, accessToken: token, body: body.sent, timestamp: ts };
        expect(snapSymmetricSignature(key, c)).toBe(expected);
      }),
      { numRuns: RUNS },
    );
  });

  it("non-SNAP Signature = HMACSHA256= + openssl HMAC-SHA256 over the component lines", () => {
    const body = fc.oneof(fc.constant(""), fc.string({ unit: "binary", maxLength: 200 }));
    fc.assert(
      fc.property(text, text, isoTimestamp, path, body, secret, (clientId, requestId, ts, target, b, key) => {
        const lines = [
          `Client-Id:${clientId}`,
          `Request-Id:${requestId}`,
          `Request-Timestamp:${ts}`,
          `Request-Target:${target}`,
        ];
        if (b !== "") lines.push(`Digest:${oracle.sha256(b).toString("base64")}`);
        const expected = `HMACSHA256=${oracle.hmac("sha256", key, lines.join("\n"))}`;
        expect(nonSnapSignature(key, { clientId, requestId, timestamp: ts, target, body: b })).toBe(expected);
      }),
      { numRuns: RUNS },
    );
  });

  it("SNAP token X-SIGNATURE = openssl dgst -sha256 -sign over clientId|timestamp (PKCS#1 and PKCS#8 keys)", () => {
    fc.assert(
      fc.property(secret, isoTimestamp, fc.boolean(), (clientId, ts, pkcs1) => {
        const signed = signRequest({
          auth: "snap-asymmetric-token",
          method: "POST",
          path: "/authorization/v1/access-token/b2b",
          body: '{"grantType":"client_credentials"}',
          credentials: { clientId, privateKey: pkcs1 ? keys.pkcs1 : keys.pkcs8 },
          timestamp: ts,
        });
        expect(signed.headers["X-SIGNATURE"]).toBe(oracle.rsaSign(keys.pkcs8, `${clientId}|${ts}`));
      }),
      { numRuns: 60 },
    );
  });

  it("snap-rsa X-SIGNATURE = openssl RSA over METHOD:path:sha256hex(compact body):timestamp", () => {
    fc.assert(
      fc.property(method, path, isoTimestamp, jsonBody, (m, p, ts, body) => {
        const message = `${m}:${p}:${oracle.sha256(body.compact).toString("hex")}:${ts}`;
        const signed = signRequest({
          auth: "snap-rsa",
          method: m,
          path: p,
          body: body.sent,
          credentials: { privateKey: keys.privateKey },
          timestamp: ts,
        });
        expect(signed.headers["X-SIGNATURE"]).toBe(oracle.rsaSign(keys.pkcs1, message));
        expect(rsaSignBase64(keys.privateKey, message)).toBe(signed.headers["X-SIGNATURE"]);
      }),
      { numRuns: 60 },
    );
  });
});
