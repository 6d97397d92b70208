/** Research §2.7: the published body-hash vector and the COMPUTED vectors, reproduced byte for byte. */
import { describe, expect, it } from "vitest";
import {
  bodyDigest,
  nonSnapSignature,
  nonSnapStringToSign,
  signRequest,
  snapBodyHash,
  snapSymmetricSignature,
  snapSymmetricStringToSign,
} from "../../src/signatures/index.js";
import { CLIENT_ID, NONSNAP_BODY, SECRET, SNAP_BODY } from "./fixtures.js";

const CREATE_VA = "/virtual-accounts/bi-snap-va/v1.1/transfer-va/create-va";

describe("SNAP body hash (published, D-SIG-SYM)", () => {
  it.each([
    [
      "the minified sample body",
      SNAP_BODY,
      "3274fab8dac896837b106a16da2a974e7e65142dcecb4b768ef0294102838977",
    ],
    [
      "the same body pretty-printed",
      JSON.stringify(JSON.parse(SNAP_BODY), null, 2),
      "3274fab8dac896837b106a16da2a974e7e65142dcecb4b768ef0294102838977",
    ],
    ['an empty body (hash of "")', "", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"],
    ["{}", "{}", "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a"],
  ])("%s", (_name, body, hash) => {
    expect(snapBodyHash(body)).toBe(hash);
  });

  it("keeps the two padding spaces: one space gives another hash (a4701ea41f...)", () => {
    const oneSpace = SNAP_BODY.replaceAll('"  0888', '" 0888');
    expect(snapBodyHash(oneSpace).startsWith("a4701ea41f")).toBe(true);
  });
});

describe("SNAP symmetric (COMPUTED)", () => {
  const c = {
    method: "POST",
    path: CREATE_VA,
    accessToken: "exampleAccessToken",
    body: SNAP_BODY,
    timestamp: "2024-03-26T16:01:41+07:00",
  };
  const expected = "Jx8A+tH1RBTLLSHH6Fh7hhKC0w4gKSIc0HuuZHdOSMYdm4KYL7pnhr4w5WMKP9b60Mgrld6cUFj7zagvK3VyHA==";

  it("builds the string to sign", () => {
    expect(snapSymmetricStringToSign(c)).toBe(
      `POST:${CREATE_VA}:exampleAccessToken:3274fab8dac896837b106a16da2a974e7e65142dcecb4b768ef0294102838977:2024-03-26T16:01:41+07:00`,
    );
  });

  it("computes X-SIGNATURE", () => {
    expect(snapSymmetricSignature(SECRET, c)).toBe(expected);
  });

  it("signRequest puts it in the headers and leaves the body as given", () => {
    const signed = signRequest({
      auth: "snap-symmetric",
      method: "POST",
      path: CREATE_VA,
      body: SNAP_BODY,
      credentials: { secretKey: SECRET },
      accessToken: "exampleAccessToken",
      timestamp: c.timestamp,
    });
    expect(signed.headers).toEqual({
      Authorization: "Bearer exampleAccessToken",
      "X-TIMESTAMP": c.timestamp,
      "X-SIGNATURE": expected,
    });
    expect(signed.body).toBe(SNAP_BODY);
  });
});

describe("non-SNAP (COMPUTED)", () => {
  const post = {
    clientId: CLIENT_ID,
    requestId: "09e0defe-a071-45b3-9feb-ac134374628c",
    timestamp: "2020-08-11T08:45:42Z",
    target: "/doku-virtual-account/v2/payment-code",
    body: NONSNAP_BODY,
  };

  it("POST: Digest and Signature", () => {
    expect(bodyDigest(NONSNAP_BODY)).toBe("zDDnVWen7JlBX+xBVwBOUHWWB7DX266cwXpr6zD8NZs=");
    expect(nonSnapStringToSign(post)).toBe(
      "Client-Id:MCH-0001-10791114622547\nRequest-Id:09e0defe-a071-45b3-9feb-ac134374628c\n" +
        "Request-Timestamp:2020-08-11T08:45:42Z\nRequest-Target:/doku-virtual-account/v2/payment-code\n" +
        "Digest:zDDnVWen7JlBX+xBVwBOUHWWB7DX266cwXpr6zD8NZs=",
    );
    expect(nonSnapSignature(SECRET, post)).toBe("HMACSHA256=SUkIQDCzQc/vN4ESFljJUQPwp+gvQ47JQSZw+eGxgv0=");
  });

  it("GET: no Digest line, no trailing newline", () => {
    const get = {
      clientId: CLIENT_ID,
      requestId: "d895fb53-479c-4f77-a76a-ab81b40d77cb",
      timestamp: "2020-08-11T08:45:42Z",
      target: "/orders/v1/status/INV-123123-12313",
    };
    expect(nonSnapStringToSign(get)).toBe(
      "Client-Id:MCH-0001-10791114622547\nRequest-Id:d895fb53-479c-4f77-a76a-ab81b40d77cb\n" +
        "Request-Timestamp:2020-08-11T08:45:42Z\nRequest-Target:/orders/v1/status/INV-123123-12313",
    );
    expect(nonSnapSignature(SECRET, get)).toBe("HMACSHA256=GpQH24FXq4gHJHNk2a2TvdqPaOvrjVNuM1v8zSFqLmI=");
    expect(nonSnapSignature(SECRET, { ...get, body: "" })).toBe(nonSnapSignature(SECRET, get));
  });

  it("signRequest sends Client-Id, Request-Id, Request-Timestamp, Signature (no Digest header)", () => {
    const signed = signRequest({
      auth: "nonsnap-hmac",
      method: "POST",
      path: post.target,
      body: NONSNAP_BODY,
      headers: { "Request-Id": post.requestId },
      credentials: { clientId: CLIENT_ID, secretKey: SECRET },
      timestamp: post.timestamp,
    });
    expect(signed.headers).toEqual({
      "Client-Id": CLIENT_ID,
      "Request-Id": post.requestId,
      "Request-Timestamp": post.timestamp,
      Signature: "HMACSHA256=SUkIQDCzQc/vN4ESFljJUQPwp+gvQ47JQSZw+eGxgv0=",
    });
  });

  it("response variant: Response-Timestamp label instead of Request-Timestamp", () => {
    const text = nonSnapStringToSign({ ...post, timestampLabel: "Response-Timestamp" });
    expect(text.split("\n")[2]).toBe("Response-Timestamp:2020-08-11T08:45:42Z");
    expect(nonSnapSignature(SECRET, { ...post, timestampLabel: "Response-Timestamp" })).not.toBe(
      nonSnapSignature(SECRET, post),
    );
  });

  it("DOKU -> merchant: Request-Target is the path of the merchant's notification URL", () => {
    const target = new URL("https://yourdomain.com/payments/notifications").pathname;
    expect(nonSnapStringToSign({ ...post, target }).split("\n")[3]).toBe(
      "Request-Target:/payments/notifications",
    );
  });
});
