/** DOKU -> merchant token handshake: DOKU's RSA key signs clientId|timestamp; the merchant verifies. */
import { describe, expect, it } from "vitest";
import {
  CALLBACK_AUTH_MODES,
  DEFAULT_CALLBACK_AUTH_MODE,
  isCallbackAuthMode,
  MERCHANT_TOKEN_REQUEST_BODY,
  signMerchantTokenRequest,
  verifyMerchantTokenRequest,
} from "../../src/signatures/index.js";
import { CLIENT_ID, rsaPair } from "./fixtures.js";

const doku = rsaPair(2048);
const stranger = rsaPair(2048);
const TS = "2024-03-26T16:01:41+07:00";
const NOW = Date.parse(TS);

describe("merchant token handshake", () => {
  const request = signMerchantTokenRequest({
    clientId: CLIENT_ID,
    dokuPrivateKey: doku.pkcs1,
    path: "/v1.0/access-token/b2b",
    timestamp: TS,
  });

  it("sends X-CLIENT-KEY, X-TIMESTAMP, X-SIGNATURE and the B2B grant body", () => {
    expect(request.method).toBe("POST");
    expect(request.body).toBe(MERCHANT_TOKEN_REQUEST_BODY);
    expect(request.headers).toMatchObject({
      "X-CLIENT-KEY": CLIENT_ID,
      "X-TIMESTAMP": TS,
      "Content-Type": "application/json",
    });
    expect(request.headers["X-SIGNATURE"]).toHaveLength(344);
  });

  it("verifies with DOKU's public key only, for the merchant's own client id only", () => {
    const ok = verifyMerchantTokenRequest(request, {
      clientId: CLIENT_ID,
      dokuPublicKey: doku.spki,
      now: NOW,
    });
    expect(ok).toEqual({ ok: true });
    expect(
      verifyMerchantTokenRequest(request, {
        clientId: CLIENT_ID,
        dokuPublicKey: stranger.publicKey,
        now: NOW,
      }),
    ).toMatchObject({ ok: false, rule: "signature-mismatch" });
    expect(
      verifyMerchantTokenRequest(request, { clientId: "BRN-other", dokuPublicKey: doku.spki, now: NOW }),
    ).toMatchObject({ ok: false, rule: "client-id-mismatch" });
  });
});

describe("callback modes", () => {
  it("names three modes; the documented one is the default", () => {
    expect(Object.keys(CALLBACK_AUTH_MODES)).toEqual(["snap-hmac", "snap-rsa", "bearer-only"]);
    expect(DEFAULT_CALLBACK_AUTH_MODE).toBe("snap-hmac");
    expect(isCallbackAuthMode("snap-rsa")).toBe(true);
    expect(isCallbackAuthMode("toString")).toBe(false);
  });
});
