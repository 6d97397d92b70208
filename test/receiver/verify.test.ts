/**
 * verifyDokuCallback: a request signed by the signature layer verifies; each way to break it is refused
 * with the HTTP status to answer and a one-line reason, never a throw; kit misuse is a UsageError.
 */
import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/model/errors.js";
import {
  type CallbackInput,
  type ReceiverScheme,
  TokenIssuer,
  verifyDokuCallback,
} from "../../src/receiver/index.js";
import { nonSnapSignature } from "../../src/signatures/nonsnap.js";
import { signRequest } from "../../src/signatures/request-signer.js";
import { signMerchantTokenRequest } from "../../src/signatures/token-handshake.js";
import type { SignedRequest } from "../../src/signatures/types.js";

const NOW = Date.parse("2026-12-07T01:00:00Z");
const CLIENT_ID = "MCH-0001-10791114622547";
const SECRET_KEY = "SK-receiver-test";
const doku = generateKeyPairSync("rsa", { modulusLength: 2048 });
const TOKEN = "issued-token-0001";
const BODY = '{"partnerServiceId":"  888994","customerNo":"00000000000000000001","inquiryRequestId":"1"}';
const PATH = "/v1.1/transfer-va/inquiry";
const credentials = { clientId: CLIENT_ID, secretKey: SECRET_KEY, dokuPublicKey: doku.publicKey };

/** The signed request DOKU would send for `scheme`, at NOW. */
function signed(scheme: ReceiverScheme, body = BODY, path = PATH): SignedRequest {
  const timestamp = "2026-12-07T08:00:00+07:00";
  if (scheme === "token-request")
    return signMerchantTokenRequest({
      clientId: CLIENT_ID,
      dokuPrivateKey: doku.privateKey,
      path,
      timestamp,
    });
  if (scheme === "nonsnap-hmac") {
    return signRequest({
      auth: "nonsnap-hmac",
      method: "POST",
      path,
      body,
      headers: { "Request-Id": "req-1" },
      credentials: { clientId: CLIENT_ID, secretKey: SECRET_KEY },
      timestamp: "2026-12-07T01:00:00Z",
    });
  }
  return signRequest({
    auth: scheme,
    method: "POST",
    path,
    body,
    credentials: { secretKey: SECRET_KEY, privateKey: doku.privateKey },
    accessToken: TOKEN,
    timestamp,
  });
}

function input(
  scheme: ReceiverScheme,
  request: SignedRequest,
  extra: Partial<CallbackInput> = {},
): CallbackInput {
  return {
    method: request.method,
    path: request.path,
    headers: request.headers,
    rawBody: Buffer.from(request.body, "utf8"),
    credentials,
    scheme,
    issuedTokens: TOKEN,
    now: NOW,
    ...extra,
  };
}

const SCHEMES: ReceiverScheme[] = ["snap-hmac", "snap-rsa", "bearer-only", "token-request", "nonsnap-hmac"];

describe("verifyDokuCallback accepts what DOKU signs", () => {
  it.each(SCHEMES)("%s: ok with the parsed body", (scheme) => {
    const request = signed(scheme);
    const verdict = verifyDokuCallback(input(scheme, request));
    expect(verdict).toEqual({ ok: true, body: JSON.parse(request.body) });
  });

  it("accepts the bytes as a string and as a Uint8Array", () => {
    const request = signed("snap-hmac");
    expect(verifyDokuCallback(input("snap-hmac", request, { rawBody: request.body })).ok).toBe(true);
    const bytes = new Uint8Array(Buffer.from(request.body));
    expect(verifyDokuCallback(input("snap-hmac", request, { rawBody: bytes })).ok).toBe(true);
  });

  it("token-request: an empty body is accepted (DOKU documents none)", () => {
    const request = signMerchantTokenRequest({
      clientId: CLIENT_ID,
      dokuPrivateKey: doku.privateKey,
      path: "/token",
      body: "",
      timestamp: "2026-12-07T08:00:00+07:00",
    });
    expect(verifyDokuCallback(input("token-request", request))).toEqual({ ok: true, body: undefined });
  });

  it("accepts a token the TokenIssuer issued, refuses one it did not", () => {
    const issuer = new TokenIssuer(900, () => NOW);
    const { accessToken } = issuer.issue();
    const good = signRequest({
      auth: "snap-hmac",
      method: "POST",
      path: PATH,
      body: BODY,
      credentials: { secretKey: SECRET_KEY },
      accessToken,
      timestamp: "2026-12-07T08:00:00+07:00",
    });
    expect(verifyDokuCallback(input("snap-hmac", good, { issuedTokens: issuer })).ok).toBe(true);
    const foreign = verifyDokuCallback(input("snap-hmac", signed("snap-hmac"), { issuedTokens: issuer }));
    expect(foreign).toMatchObject({ ok: false, status: 401, rule: "token-unknown" });
  });
});

const refused = (scheme: ReceiverScheme, request: SignedRequest, extra: Partial<CallbackInput> = {}) => {
  const verdict = verifyDokuCallback(input(scheme, request, extra));
  if (verdict.ok) throw new Error("accepted");
  expect(verdict.reason).not.toContain("\n");
  return verdict;
};

const withHeader = (request: SignedRequest, name: string, value: string | undefined): SignedRequest => {
  const headers = Object.fromEntries(
    Object.entries(request.headers).filter(([k]) => k.toLowerCase() !== name.toLowerCase()),
  );
  return { ...request, headers: value === undefined ? headers : { ...headers, [name]: value } };
};

describe("verifyDokuCallback refuses (401) what DOKU did not sign, without throwing", () => {
  it.each(["snap-hmac", "snap-rsa", "nonsnap-hmac"] as const)("%s: a tampered body", (scheme) => {
    const request = signed(scheme);
    const tampered = Buffer.from(request.body.replace('"1"', '"2"'));
    expect(refused(scheme, request, { rawBody: tampered })).toMatchObject({
      status: 401,
      rule: "signature-mismatch",
    });
  });

  it.each(["snap-hmac", "snap-rsa", "token-request", "nonsnap-hmac"] as const)(
    "%s: a case-folded signature (doku-nodejs-library compares case-insensitively)",
    (scheme) => {
      const request = signed(scheme);
      const name = scheme === "nonsnap-hmac" ? "Signature" : "X-SIGNATURE";
      const value = String(request.headers[name]);
      const folded = value === value.toLowerCase() ? value.toUpperCase() : value.toLowerCase();
      expect(refused(scheme, withHeader(request, name, folded)).status).toBe(401);
    },
  );

  it.each(SCHEMES)("%s: a timestamp an hour old (the SDK has no window)", (scheme) => {
    const verdict = refused(scheme, signed(scheme), { now: NOW + 3600_000 });
    expect(verdict).toMatchObject({ status: 401, rule: "timestamp-window" });
  });

  it("the window is configurable: an hour old passes with windowMs of two hours", () => {
    const verdict = verifyDokuCallback(
      input("snap-hmac", signed("snap-hmac"), { now: NOW + 3600_000, windowMs: 7200_000 }),
    );
    expect(verdict.ok).toBe(true);
  });

  it.each([
    ["snap-hmac", "Authorization", "token-missing"],
    ["bearer-only", "Authorization", "token-missing"],
    ["snap-hmac", "X-SIGNATURE", "signature-missing"],
    ["snap-rsa", "X-TIMESTAMP", "timestamp-missing"],
    ["bearer-only", "X-TIMESTAMP", "timestamp-missing"],
    ["token-request", "X-CLIENT-KEY", "client-id-missing"],
    ["nonsnap-hmac", "Request-Id", "request-id-missing"],
    ["nonsnap-hmac", "Signature", "signature-missing"],
  ] as const)("%s without %s (the SDK crashes on a missing Authorization)", (scheme, header, rule) => {
    expect(refused(scheme, withHeader(signed(scheme), header, undefined))).toMatchObject({
      status: 401,
      rule,
    });
  });

  it.each([
    [
      "a list",
      (r: SignedRequest) => ({ ...r.headers, "X-SIGNATURE": [String(r.headers["X-SIGNATURE"]), "forged"] }),
    ],
    [
      "the same value twice",
      (r: SignedRequest) => ({
        ...r.headers,
        "X-SIGNATURE": [String(r.headers["X-SIGNATURE"]), String(r.headers["X-SIGNATURE"])],
      }),
    ],
    [
      "keys differing in case",
      (r: SignedRequest) => ({ ...r.headers, "x-signature": String(r.headers["X-SIGNATURE"]) }),
    ],
  ])("a signed header present twice (%s)", (_name, headers) => {
    const request = signed("snap-hmac");
    const verdict = refused("snap-hmac", request, { headers: headers(request) });
    expect(verdict).toMatchObject({ status: 401, rule: "duplicate-header", header: "X-SIGNATURE" });
  });

  it("a duplicated Authorization in bearer-only", () => {
    const request = signed("bearer-only");
    const verdict = refused("bearer-only", request, {
      headers: { ...request.headers, authorization: "Bearer other" },
    });
    expect(verdict.rule).toBe("duplicate-header");
  });

  it("a foreign Client-Id (non-SNAP) and X-CLIENT-KEY (token request)", () => {
    expect(
      refused("nonsnap-hmac", signed("nonsnap-hmac"), { credentials: { ...credentials, clientId: "MCH-2" } })
        .rule,
    ).toBe("client-id-mismatch");
    expect(
      refused("token-request", signed("token-request"), {
        credentials: { ...credentials, clientId: "MCH-2" },
      }).rule,
    ).toBe("client-id-mismatch");
  });

  it("a snap-rsa signature by another key", () => {
    const other = generateKeyPairSync("rsa", { modulusLength: 2048 });
    expect(
      refused("snap-rsa", signed("snap-rsa"), {
        credentials: { ...credentials, dokuPublicKey: other.publicKey },
      }).status,
    ).toBe(401);
  });

  it("garbage headers: not an object, non-Base64 signature, a bearer scheme typo", () => {
    const request = signed("snap-hmac");
    expect(refused("snap-hmac", request, { headers: null as never }).status).toBe(401);
    expect(refused("snap-rsa", withHeader(signed("snap-rsa"), "X-SIGNATURE", "%%%not base64")).status).toBe(
      401,
    );
    expect(refused("snap-hmac", withHeader(request, "Authorization", `Basic ${TOKEN}`)).rule).toBe(
      "token-missing",
    );
  });
});

describe("verifyDokuCallback refuses (400) a validly signed body that is not UTF-8 JSON", () => {
  it.each([
    ["not JSON", "{not json", "body-json"],
    ["empty", "", "body-empty"],
  ])("%s", (_name, body, rule) => {
    const request = signed("nonsnap-hmac", body);
    expect(refused("nonsnap-hmac", request)).toMatchObject({ status: 400, rule });
  });

  it("not UTF-8", () => {
    const bytes = Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]);
    const request = signRequest({
      auth: "nonsnap-hmac",
      method: "POST",
      path: PATH,
      body: "",
      headers: { "Request-Id": "r" },
      credentials: { clientId: CLIENT_ID, secretKey: SECRET_KEY },
      timestamp: "2026-12-07T01:00:00Z",
    });
    // Signed over these exact bytes (the Digest line hashes bytes), so only the encoding check can refuse it.
    const signature = nonSnapSignature(SECRET_KEY, {
      clientId: CLIENT_ID,
      requestId: "r",
      timestamp: "2026-12-07T01:00:00Z",
      target: PATH,
      body: bytes,
    });
    const verdict = refused(
      "nonsnap-hmac",
      { ...request, headers: { ...request.headers, Signature: signature } },
      { rawBody: bytes },
    );
    expect(verdict).toMatchObject({ status: 400, rule: "body-encoding" });
  });
});

describe("kit misuse is a UsageError", () => {
  it.each([
    ["an unknown scheme", { scheme: "hmac" as never }],
    ["snap-hmac without the secret key", { credentials: { clientId: CLIENT_ID } }],
    [
      "snap-rsa without DOKU's public key",
      { scheme: "snap-rsa" as const, credentials: { secretKey: SECRET_KEY } },
    ],
    ["bearer-only without issued tokens", { scheme: "bearer-only" as const, issuedTokens: undefined }],
    ["a parsed body as rawBody", { rawBody: { a: 1 } as never }],
    ["a negative window", { windowMs: -1 }],
  ])("%s", (_name, extra) => {
    const request = signed("snap-hmac");
    const given = { ...input("snap-hmac", request), ...extra } as CallbackInput;
    if ("issuedTokens" in extra) delete (given as Partial<CallbackInput>).issuedTokens;
    expect(() => verifyDokuCallback(given)).toThrow(UsageError);
  });
});
