/** redactHeaders and base URL presets. */
import { describe, expect, it } from "vitest";
import { BASE_URLS, redactHeaders, resolveBaseUrl } from "../../src/client/index.js";
import { UsageError } from "../../src/model/errors.js";

describe("redactHeaders", () => {
  it("masks signatures, tokens, keys and secrets; keeps identifiers and ordinary headers", () => {
    const headers = {
      Authorization: "Bearer eyJhbGciOiJSUzI1NiJ9.payload.sig",
      "Authorization-Customer": "Bearer b2b2c-token",
      "X-SIGNATURE":
        "Jx8A+tH1RBTLLSHH6Fh7hhKC0w4gKSIc0HuuZHdOSMYdm4KYL7pnhr4w5WMKP9b60Mgrld6cUFj7zagvK3VyHA==",
      Signature: "HMACSHA256=SUkIQDCzQc/vN4ESFljJUQPwp+gvQ47JQSZw+eGxgv0=",
      "x-client-secret": "SK-1",
      "X-Api-Key": "k",
      "X-CLIENT-KEY": "BRN-1",
      "Client-Id": "MCH-1",
      "X-PARTNER-ID": "BRN-1",
      "X-TIMESTAMP": "2024-03-26T16:01:41+07:00",
      "Content-Type": "application/json",
    };
    expect(redactHeaders(headers)).toEqual({
      Authorization: "Bearer <redacted>",
      "Authorization-Customer": "Bearer <redacted>",
      "X-SIGNATURE": "<redacted>",
      Signature: "HMACSHA256=<redacted>",
      "x-client-secret": "<redacted>",
      "X-Api-Key": "<redacted>",
      "X-CLIENT-KEY": "BRN-1",
      "Client-Id": "MCH-1",
      "X-PARTNER-ID": "BRN-1",
      "X-TIMESTAMP": "2024-03-26T16:01:41+07:00",
      "Content-Type": "application/json",
    });
    const fromFetch = redactHeaders(new Headers({ authorization: "Bearer t", "x-signature": "s" }));
    expect(fromFetch).toEqual({ authorization: "Bearer <redacted>", "x-signature": "<redacted>" });
    expect(JSON.stringify(redactHeaders(headers))).not.toMatch(/eyJ|Jx8A|SUkI|SK-1/);
  });
});

describe("resolveBaseUrl", () => {
  it.each([
    ["sandbox", BASE_URLS.sandbox],
    ["production", "https://api.doku.com"],
    ["http://127.0.0.1:4010/", "http://127.0.0.1:4010"],
  ])("%s -> %s", (input, output) => {
    expect(resolveBaseUrl(input)).toBe(output);
  });

  it.each(["staging", "ftp://x", ""])("rejects %j", (input) => {
    expect(() => resolveBaseUrl(input)).toThrow(UsageError);
  });
});
