/** Non-SNAP response signatures (Response-Timestamp label): DOKU's responses, merchants' inquiry answers. */
import { describe, expect, it } from "vitest";
import { nonSnapSignature, signNonSnapResponse, verifyNonSnapResponse } from "../../src/signatures/index.js";
import { CLIENT_ID, SECRET } from "./fixtures.js";

const REQUEST_ID = "09e0defe-a071-45b3-9feb-ac134374628c";
const TARGET = "/doku-virtual-account/v2/payment-code";
const BODY = '{"order":{"invoice_number":"INV-1"}}';
const TS = "2020-08-11T08:45:42Z";
const NOW = Date.parse(TS);

describe("non-SNAP response signature", () => {
  const headers = signNonSnapResponse({
    clientId: CLIENT_ID,
    requestId: REQUEST_ID,
    target: TARGET,
    body: BODY,
    secretKey: SECRET,
    timestamp: TS,
  });

  it("signs the Response-Timestamp component lines", () => {
    expect(headers).toEqual({
      "Client-Id": CLIENT_ID,
      "Request-Id": REQUEST_ID,
      "Response-Timestamp": TS,
      Signature: nonSnapSignature(SECRET, {
        clientId: CLIENT_ID,
        requestId: REQUEST_ID,
        timestamp: TS,
        target: TARGET,
        body: BODY,
        timestampLabel: "Response-Timestamp",
      }),
    });
  });

  const verify = (h: Record<string, string>, body = BODY, extra = {}) =>
    verifyNonSnapResponse(
      { headers: h, body },
      { target: TARGET, secretKey: SECRET, requestId: REQUEST_ID, now: NOW, ...extra },
    );

  it("verifies, and rejects tampering, a wrong target, a foreign Request-Id, a stale timestamp, a missing header", () => {
    expect(verify(headers)).toEqual({ ok: true });
    expect(verify(headers, BODY.replace("1", "2"))).toMatchObject({ ok: false, rule: "signature-mismatch" });
    expect(verify(headers, BODY, { target: "/other" })).toMatchObject({
      ok: false,
      rule: "signature-mismatch",
    });
    expect(verify(headers, BODY, { requestId: "other" })).toMatchObject({
      ok: false,
      rule: "request-id-mismatch",
    });
    expect(verify(headers, BODY, { now: NOW + 3_600_000 })).toMatchObject({
      ok: false,
      rule: "timestamp-window",
    });
    const { Signature: _s, ...unsigned } = headers;
    expect(verify(unsigned)).toMatchObject({ ok: false, rule: "signature-missing", header: "Signature" });
  });

  it("does not verify a request-variant signature (label matters)", () => {
    const requestStyle = nonSnapSignature(SECRET, {
      clientId: CLIENT_ID,
      requestId: REQUEST_ID,
      timestamp: TS,
      target: TARGET,
      body: BODY,
    });
    expect(verify({ ...headers, Signature: requestStyle })).toMatchObject({
      ok: false,
      rule: "signature-mismatch",
    });
  });
});
