/**
 * Authentication like DOKU: Get Token B2B (RSA over clientId|X-TIMESTAMP), SNAP transactional (Bearer token +
 * HMAC-SHA512 over the raw bytes), non-SNAP (HMAC-SHA256 + Digest). Every signature mutator from
 * src/signatures is refused with 401 and the right code; tokens expire on the injected clock.
 */
import { describe, expect, it } from "vitest";
import {
  formatNonSnapTimestamp,
  formatSnapTimestamp,
  mutatorsFor,
  signRequest,
} from "../../src/signatures/index.js";
import { createVaBody, newVa, paymentCodeBody } from "./fixtures/bodies.js";
import { nonSnapInput, op, send, sendSigned, snapInput, tokenInput } from "./helpers.js";
import { useMock } from "./setup.js";

/** A clock the tests move; the mock and the signers read it. */
let now = Date.parse("2026-03-19T07:39:01Z");
const f = useMock({ clock: () => now });

/** Expected SNAP transactional answer (create-va, service 27) per mutator. */
const SNAP_EXPECTED: Record<string, [string, string]> = {
  "missing-token": ["4012703", "Token Not Found (B2B)"],
  "foreign-token": ["4012701", "Access Token Invalid (B2B)"],
  "stale-timestamp": ["4012700", "Unauthorized. Invalid Timestamp"],
  "future-timestamp": ["4012700", "Unauthorized. Invalid Timestamp"],
  "missing-timestamp-header": ["4012700", "Unauthorized. Invalid Timestamp"],
};

/** Expected token answer (service 73) per mutator. */
const TOKEN_EXPECTED: Record<string, string> = {
  "missing-client-id-header": "Unauthorized. Unknown Client",
  "foreign-client-id": "Unauthorized. Unknown Client",
  "stale-timestamp": "Unauthorized. Invalid Timestamp",
  "future-timestamp": "Unauthorized. Invalid Timestamp",
  "missing-timestamp-header": "Unauthorized. Invalid Timestamp",
};

const NONSNAP_EXPECTED: Record<string, string> = {
  "missing-client-id-header": "missing_client_id",
  "foreign-client-id": "unknown_client",
  "stale-timestamp": "invalid_timestamp",
  "future-timestamp": "invalid_timestamp",
  "missing-timestamp-header": "invalid_timestamp",
  "missing-signature-header": "missing_signature",
};

async function token(): Promise<string> {
  const answer = await sendSigned(
    f.mock.url,
    signRequest(tokenInput(f.bundle, f.mock.identity, formatSnapTimestamp(now))),
  );
  expect(answer.status, answer.text).toBe(200);
  return answer.json.accessToken as string;
}

function createVa(accessToken: string) {
  const input = snapInput(
    op(f.bundle, "snapCreateVa"),
    f.mock.identity,
    accessToken,
    createVaBody(f.bundle, newVa()),
  );
  return { ...input, timestamp: formatSnapTimestamp(now) };
}

describe("Get Token B2B", () => {
  it("issues a token for a valid RSA signature", async () => {
    const answer = await sendSigned(
      f.mock.url,
      signRequest(tokenInput(f.bundle, f.mock.identity, formatSnapTimestamp(now))),
    );
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({
      responseCode: "2007300",
      responseMessage: "Successful",
      tokenType: "Bearer",
      expiresIn: 900,
    });
    expect(answer.json.accessToken).toMatch(/^[A-Za-z0-9._-]+$/);
  });

  for (const mutator of mutatorsFor("snap-asymmetric-token")) {
    it(`refuses ${mutator.name}: 401 4017300`, async () => {
      const signed = mutator.apply(
        tokenInput(f.bundle, f.mock.identity, formatSnapTimestamp(now)),
        signRequest,
      );
      const answer = await sendSigned(f.mock.url, signed);
      expect(answer.status).toBe(401);
      expect(answer.json).toEqual({
        responseCode: "4017300",
        responseMessage: TOKEN_EXPECTED[mutator.name] ?? "Unauthorized. Invalid Signature",
      });
    });
  }
});

describe("SNAP transactional (create-va)", () => {
  it("accepts a correctly signed request", async () => {
    const answer = await sendSigned(f.mock.url, signRequest(createVa(await token())));
    expect(answer.status, answer.text).toBe(200);
  });

  for (const mutator of mutatorsFor("snap-symmetric")) {
    it(`refuses ${mutator.name}: 401 with the right code`, async () => {
      const answer = await sendSigned(f.mock.url, mutator.apply(createVa(await token()), signRequest));
      const [code, message] = SNAP_EXPECTED[mutator.name] ?? ["4012700", "Unauthorized. Signature Not Match"];
      expect(answer.status).toBe(401);
      expect(answer.json).toEqual({ responseCode: code, responseMessage: message });
    });
  }

  it("refuses an X-PARTNER-ID that is not the token's client", async () => {
    const input = createVa(await token());
    const signed = signRequest({
      ...input,
      headers: { ...input.headers, "X-PARTNER-ID": "BRN-0000-0000000000000" },
    });
    const answer = await sendSigned(f.mock.url, signed);
    expect(answer.json).toEqual({ responseCode: "4012700", responseMessage: "Unauthorized. Unknown Client" });
  });

  it("tokens expire after expiresIn seconds on the mock's clock", async () => {
    const issued = await token();
    const start = now;
    try {
      now = start + 899_000;
      expect((await sendSigned(f.mock.url, signRequest(createVa(issued)))).status).toBe(200);
      now = start + 900_000;
      const expired = await sendSigned(f.mock.url, signRequest(createVa(issued)));
      expect(expired.status).toBe(401);
      expect(expired.json).toEqual({
        responseCode: "4012701",
        responseMessage: "Access Token Invalid (B2B)",
      });
    } finally {
      now = start;
    }
  });

  it("accepts X-TIMESTAMP at the edge of the 5-minute window and refuses it just past", async () => {
    const accessToken = await token();
    const at = (deltaMs: number) => ({
      ...createVa(accessToken),
      timestamp: formatSnapTimestamp(now + deltaMs),
    });
    expect((await sendSigned(f.mock.url, signRequest(at(-300_000)))).status).toBe(200);
    expect((await sendSigned(f.mock.url, signRequest(at(300_000)))).status).toBe(200);
    const late = await sendSigned(f.mock.url, signRequest(at(-301_000)));
    expect(late.json).toEqual({
      responseCode: "4012700",
      responseMessage: "Unauthorized. Invalid Timestamp",
    });
  });

  it("verifies the raw bytes: extra whitespace that minifies away is fine, a changed space inside a string is not", async () => {
    const accessToken = await token();
    const input = createVa(accessToken);
    const pretty = JSON.stringify(JSON.parse(input.body), null, 2);
    expect((await sendSigned(f.mock.url, signRequest({ ...input, body: pretty }))).status).toBe(200);
    const again = createVa(accessToken);
    const signed = signRequest(again);
    const tampered = signed.body.replace('"partnerServiceId":"', '"partnerServiceId":" ');
    const answer = await sendSigned(f.mock.url, { ...signed, body: tampered });
    expect(answer.json.responseCode).toBe("4012700");
  });
});

describe("non-SNAP (generate payment code)", () => {
  const input = () => ({
    ...nonSnapInput(op(f.bundle, "dokuVaCreatePaymentCode"), f.mock.identity, paymentCodeBody(f.bundle)),
    timestamp: formatNonSnapTimestamp(now),
  });

  it("accepts a correctly signed request", async () => {
    expect((await sendSigned(f.mock.url, signRequest(input()))).status).toBe(200);
  });

  for (const mutator of mutatorsFor("nonsnap-hmac")) {
    it(`refuses ${mutator.name}: 401 with the kit's error body`, async () => {
      const answer = await sendSigned(f.mock.url, mutator.apply(input(), signRequest));
      expect(answer.status).toBe(401);
      expect(answer.json).toMatchObject({
        error: { code: NONSNAP_EXPECTED[mutator.name] ?? "invalid_signature" },
      });
    });
  }

  it("refuses a request without Request-Id", async () => {
    const signed = signRequest(input());
    const { "Request-Id": _dropped, ...headers } = signed.headers;
    const answer = await send(f.mock.url, { ...signed, headers });
    expect(answer.status).toBe(401);
    expect(answer.json).toMatchObject({ error: { code: "missing_request_id" } });
  });
});
