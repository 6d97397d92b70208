/** The SDK-defect fingerprints: data complete, each matched by exactly the finding it explains. */
import { describe, expect, it } from "vitest";
import { SDK_DEFECTS } from "../../src/checks/sdk/defects.js";
import { fingerprinted, matchDefect } from "../../src/checks/sdk/fingerprint.js";
import type { Violation } from "../../src/model/violation.js";

const v = (check: string, pointer = ""): Violation => ({
  operationId: "snapVaPaymentNotification",
  direction: "response",
  check,
  pointer,
  rule: "status-code",
  expected: 401,
  actual: "200",
  message: "the merchant accepted a forged callback",
  source: "x",
  severity: "error",
});

describe("SDK defect data", () => {
  it.each(SDK_DEFECTS.map((d) => [d.id, d] as const))(
    "%s names versions, how to tell and a fix",
    (_id, d) => {
      expect(d.versions.length).toBeGreaterThan(0);
      expect(d.howToTell.length).toBeGreaterThan(10);
      expect(d.fix.length).toBeGreaterThan(10);
    },
  );
  it("ids are unique", () => {
    expect(new Set(SDK_DEFECTS.map((d) => d.id)).size).toBe(SDK_DEFECTS.length);
  });
});

describe("matching", () => {
  it.each([
    ["forged-rejected", "", { status: 200, mutator: "stale-timestamp" }, "sdk-no-timestamp-window"],
    ["forged-rejected", "", { status: 200, mutator: "future-timestamp" }, "sdk-no-timestamp-window"],
    [
      "forged-rejected",
      "",
      { status: 200, mutator: "case-folded-signature" },
      "sdk-case-insensitive-signature",
    ],
    ["forged-rejected", "", { status: 500, mutator: "missing-token" }, "sdk-crash-without-authorization"],
    ["no-5xx", "", { status: 500, mutator: "missing-token" }, "sdk-crash-without-authorization"],
    [
      "forged-rejected",
      "",
      { status: 401, json: { responseCode: 4012701 } },
      "sdk-numeric-notification-code",
    ],
    ["response-code", "", { status: 200, json: { responseCode: 2002700 } }, "sdk-numeric-notification-code"],
    ["headers", "/headers/X-DEVICE-ID", {}, "sdk-jumpapp-no-device-id"],
    ["response-code", "", { status: 500, mutator: "missing-token" }, "sdk-crash-without-authorization"],
    ["byte-variant-accepted", "", { status: 401, variant: "escaped" }, "sdk-reserialised-body"],
    // other causes are not blamed on the SDK
    ["forged-rejected", "", { status: 200, mutator: "tampered-body" }, undefined],
    ["forged-rejected", "", { status: 500, mutator: "stale-timestamp" }, undefined],
    ["forged-rejected", "", { status: 401, mutator: "missing-token" }, undefined],
    ["response-code", "", { status: 200, json: { responseCode: "2002700" } }, undefined],
    ["byte-variant-accepted", "", { status: 401, variant: "pretty" }, undefined],
    ["byte-variant-accepted", "", { status: 500, variant: "escaped" }, undefined],
  ] as const)("%s %s %j -> %s", (check, pointer, input, id) => {
    expect(matchDefect(v(check, pointer), input)?.id).toBe(id);
  });

  it("a fingerprinted violation carries the defect and names the fix in its message", () => {
    const out = fingerprinted(v("forged-rejected"), { status: 200, mutator: "case-folded-signature" });
    expect(out.fingerprint?.id).toBe("sdk-case-insensitive-signature");
    expect(out.fingerprint?.versions).toEqual(["1.0.52"]);
    expect(out.message).toMatch(
      /known SDK defect sdk-case-insensitive-signature, doku-nodejs-library 1\.0\.52.*fix:/,
    );
    expect(fingerprinted(v("latency"), {})).toEqual(v("latency"));
  });
});
