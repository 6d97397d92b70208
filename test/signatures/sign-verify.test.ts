/**
 * verify(sign(x)) for every scheme and callback mode; a single changed character in any signed part
 * (body, path, method, timestamp, token, client id, signature) never verifies.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/model/errors.js";
import {
  formatSnapTimestamp,
  type ReceivedRequest,
  type SignatureAuth,
  type SignedRequest,
  signRequest,
  type VerifyOptions,
  verifyRequest,
} from "../../src/signatures/index.js";
import {
  ALL_AUTHS,
  CLIENT_ID,
  credentialsFor,
  inputFor,
  NONSNAP_BODY,
  rsaPair,
  SNAP_BODY,
  TOKEN,
} from "./fixtures.js";

const keys = rsaPair(2048);
const NOW = Date.UTC(2024, 2, 26, 9, 1, 41);
const TS = formatSnapTimestamp(NOW);
const NS_TS = "2024-03-26T09:01:41Z";

function optionsFor(auth: SignatureAuth): VerifyOptions {
  return { auth, credentials: credentialsFor(keys).verifier, accessToken: TOKEN, now: NOW };
}

function received(signed: SignedRequest, lowerCase = false): ReceivedRequest {
  const headers = lowerCase
    ? Object.fromEntries(Object.entries(signed.headers).map(([k, v]) => [k.toLowerCase(), v]))
    : signed.headers;
  return { method: signed.method, path: signed.path, headers, body: signed.body };
}

const signedFor = (auth: SignatureAuth, body: string) =>
  signRequest(inputFor(auth, keys, body, auth === "nonsnap-hmac" ? NS_TS : TS));

describe("verify(sign(x))", () => {
  it.each(ALL_AUTHS)("%s: a signed request verifies, with headers in any case and body as bytes", (auth) => {
    const signed = signedFor(auth, auth === "nonsnap-hmac" ? NONSNAP_BODY : SNAP_BODY);
    expect(verifyRequest(received(signed), optionsFor(auth))).toEqual({ ok: true });
    expect(verifyRequest(received(signed, true), optionsFor(auth))).toEqual({ ok: true });
    const bytes = { ...received(signed), body: Buffer.from(signed.body, "utf8") };
    expect(verifyRequest(bytes, optionsFor(auth))).toEqual({ ok: true });
  });

  it.each(ALL_AUTHS)("%s: holds for random bodies, paths, tokens and timestamps", (auth) => {
    const body = fc.oneof(
      fc.constant(""),
      fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v, null, 2)),
      fc.string({ unit: "binary", maxLength: 100 }),
    );
    const path = fc.stringMatching(/^\/[A-Za-z0-9/._~-]{0,40}$/);
    const token = fc.stringMatching(/^[A-Za-z0-9._~+/-]{1,60}=*$/);
    const instant = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) });
    fc.assert(
      fc.property(body, path, token, instant, (b, p, t, now) => {
        const ts = auth === "nonsnap-hmac" ? new Date(now).toISOString() : formatSnapTimestamp(now);
        const signed = signRequest({ ...inputFor(auth, keys, b, ts), path: p, accessToken: t });
        const result = verifyRequest(received(signed), { ...optionsFor(auth), accessToken: t, now });
        expect(result).toEqual({ ok: true });
      }),
      { numRuns: auth.includes("rsa") || auth.includes("token") ? 40 : 150 },
    );
  });

  it("snap-hmac: the token in the string to sign is configurable (SDK-NODE reading: the merchant's own token)", () => {
    const own = "merchant-own-doku-token";
    const signed = signRequest({ ...inputFor("snap-hmac", keys, SNAP_BODY, TS), signatureAccessToken: own });
    const options = optionsFor("snap-hmac");
    expect(verifyRequest(received(signed), { ...options, signatureAccessToken: own })).toEqual({ ok: true });
    expect(verifyRequest(received(signed), options)).toMatchObject({ ok: false, rule: "signature-mismatch" });
  });

  it("maxSkewMs null turns the window off; a configured window is honoured", () => {
    const signed = signedFor("snap-symmetric", SNAP_BODY);
    const later = { ...optionsFor("snap-symmetric"), now: NOW + 3_600_000 };
    expect(verifyRequest(received(signed), later)).toMatchObject({ ok: false, rule: "timestamp-window" });
    expect(verifyRequest(received(signed), { ...later, maxSkewMs: null })).toEqual({ ok: true });
    expect(verifyRequest(received(signed), { ...later, maxSkewMs: 3_600_000 })).toEqual({ ok: true });
  });

  it("a verifier without its secret or key is misconfigured: UsageError, not a verdict", () => {
    const signed = signedFor("snap-symmetric", SNAP_BODY);
    expect(() =>
      verifyRequest(received(signed), { ...optionsFor("snap-symmetric"), credentials: {} }),
    ).toThrow(UsageError);
    const rsa = signedFor("snap-rsa", SNAP_BODY);
    expect(() => verifyRequest(received(rsa), { ...optionsFor("snap-rsa"), credentials: {} })).toThrow(
      UsageError,
    );
    expect(() => verifyRequest(received(rsa), { auth: "bearer-only", credentials: {} })).toThrow(UsageError);
  });
});

/** Which parts each scheme signs: a change there must break verification. */
type Part = "body" | "path" | "method" | "timestamp" | "token" | "client-id" | "signature";
const SIGNED_PARTS: Record<SignatureAuth, Part[]> = {
  "snap-symmetric": ["body", "path", "method", "timestamp", "token", "signature"],
  "snap-hmac": ["body", "path", "method", "timestamp", "token", "signature"],
  "snap-rsa": ["body", "path", "method", "timestamp", "signature"],
  "snap-asymmetric-token": ["timestamp", "client-id", "signature"],
  "nonsnap-hmac": ["body", "path", "timestamp", "client-id", "signature"],
  "bearer-only": ["token"],
};

function headerOf(auth: SignatureAuth, part: Part): string {
  const nonSnap = auth === "nonsnap-hmac";
  if (part === "timestamp") return nonSnap ? "Request-Timestamp" : "X-TIMESTAMP";
  if (part === "signature") return nonSnap ? "Signature" : "X-SIGNATURE";
  if (part === "client-id") return nonSnap ? "Client-Id" : "X-CLIENT-KEY";
  return "Authorization";
}

function flip(
  request: ReceivedRequest,
  auth: SignatureAuth,
  part: Part,
  at: number,
  char: string,
): ReceivedRequest | undefined {
  const change = (s: string, offset = 0) => {
    const i = offset + (at % (s.length - offset));
    return s[i] === char ? undefined : s.slice(0, i) + char + s.slice(i + 1);
  };
  if (part === "body" || part === "path" || part === "method") {
    const value = change(String(request[part]));
    return value === undefined ? undefined : { ...request, [part]: value };
  }
  const name = headerOf(auth, part);
  const current = String(request.headers[name]);
  const value = change(current, part === "token" ? "Bearer ".length : 0);
  return value === undefined ? undefined : { ...request, headers: { ...request.headers, [name]: value } };
}

describe("a single changed character never verifies", () => {
  // Compact bodies: SNAP minification keeps every character of them, so every change is significant.
  it.each(ALL_AUTHS)("%s", (auth) => {
    const signed = received(signedFor(auth, auth === "nonsnap-hmac" ? NONSNAP_BODY : SNAP_BODY));
    const options = optionsFor(auth);
    const char = fc.oneof(
      fc.constantFrom(" ", "\t", "\n", '"', "\\", "=", "+", "/", ":", "a", "A", "0"),
      fc.string({ unit: "binary", minLength: 1, maxLength: 1 }),
    );
    let tried = 0;
    fc.assert(
      fc.property(fc.constantFrom(...SIGNED_PARTS[auth]), fc.nat(), char, (part, at, c) => {
        const mutated = flip(signed, auth, part, at, c);
        if (mutated === undefined) return;
        tried++;
        expect(verifyRequest(mutated, options).ok).toBe(false);
        // The signature itself binds the token: without an issued-token check it still fails.
        const { accessToken: _issued, ...unchecked } = options;
        if (auth !== "bearer-only") expect(verifyRequest(mutated, unchecked).ok).toBe(false);
      }),
      { numRuns: auth.includes("rsa") || auth.includes("token") ? 600 : 1500 },
    );
    expect(tried).toBeGreaterThan(100);
  });

  it("a single flipped bit in the raw body bytes never verifies (non-SNAP digest is over exact bytes)", () => {
    const signed = received(signedFor("nonsnap-hmac", NONSNAP_BODY));
    const bytes = Buffer.from(NONSNAP_BODY, "utf8");
    fc.assert(
      fc.property(fc.nat({ max: bytes.length - 1 }), fc.integer({ min: 0, max: 7 }), (i, bit) => {
        const body = Buffer.from(bytes);
        body[i] = (body[i] ?? 0) ^ (1 << bit);
        expect(verifyRequest({ ...signed, body }, optionsFor("nonsnap-hmac")).ok).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it("client id: verifier that knows its client id rejects another (X-CLIENT-KEY)", () => {
    const signed = signRequest({
      ...inputFor("snap-asymmetric-token", keys, "", TS),
      credentials: { clientId: "BRN-other", privateKey: keys.privateKey },
    });
    expect(verifyRequest(received(signed), optionsFor("snap-asymmetric-token"))).toMatchObject({
      ok: false,
      rule: "client-id-mismatch",
    });
    expect(CLIENT_ID).not.toBe("BRN-other");
  });
});
