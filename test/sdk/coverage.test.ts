/**
 * Every request-issuing method of the Node SDK's Snap client (its async methods) is run against the mock by a
 * test in this folder, or is recorded here as unable to reach DOKU (an SDK defect, shown by a test). A new SDK
 * version that adds a method fails this test until a test covers it.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import type { Ctor } from "./harness.js";

const require = createRequire(import.meta.url);
const { Snap } = require("doku-nodejs-library") as { Snap: Ctor };
const CreateVaV1 = require("doku-nodejs-library/_models/createVaRequestDTOV1.js") as Ctor;

/** Snap method -> the test file that runs it against the mock (getTokenB2B2c: run by doPayment/doBalanceInquiry/doRefund). */
const COVERED: Readonly<Record<string, string>> = {
  getTokenB2B: "node-sdk.test.ts",
  getTokenB2B2c: "node-sdk.test.ts",
  doAccountBinding: "node-sdk.test.ts",
  doAccountUnbinding: "node-sdk.test.ts",
  doPayment: "node-sdk.test.ts",
  doBalanceInquiry: "node-sdk.test.ts",
  doRefund: "node-sdk.test.ts",
  doCheckStatus: "node-sdk.test.ts",
  doRegistrationCardBind: "node-sdk-card.test.ts",
  doUnRegistCardUnBind: "node-sdk-card.test.ts",
  doPaymentJumpApp: "node-sdk-card.test.ts",
  createVa: "node-sdk-va.test.ts",
  updateVa: "node-sdk-va.test.ts",
  checkStatusVa: "node-sdk-va.test.ts",
  deletePaymentCode: "node-sdk-va.test.ts",
  createVaV1: "coverage.test.ts",
  // Builds headers only (no request); it calls TokenController.doGenerateRequestHeader statically, an instance method.
  generateRequestHeader: "coverage.test.ts",
};
/** Methods the SDK calls itself on the way (no test calls them by name). */
const INDIRECT = new Set(["getTokenB2B2c"]);

const asyncMethods = Object.getOwnPropertyNames(Snap.prototype).filter(
  (name) => (Snap.prototype as Record<string, unknown>)[name]?.constructor?.name === "AsyncFunction",
);

describe("Node SDK operation coverage", () => {
  it("every async Snap method has a test that calls it", () => {
    expect([...asyncMethods].sort()).toEqual(Object.keys(COVERED).sort());
    for (const [method, file] of Object.entries(COVERED)) {
      if (INDIRECT.has(method)) continue;
      const text = readFileSync(new URL(file, import.meta.url), "utf8");
      expect(text.includes(`.${method}(`), `${file} calls snap.${method}`).toBe(true);
    }
  });

  it("createVaV1 cannot reach DOKU: its conversion sends customerNo null, which the SDK's own validator refuses", async () => {
    const snap = Object.create(Snap.prototype) as { createVaV1(dto: unknown): Promise<unknown> };
    const v1 = new CreateVaV1(
      ...Array.from({ length: 31 }, () => "x"),
      "   12345",
      "2030-01-01T00:00:00+07:00",
    );
    await expect(snap.createVaV1(v1)).rejects.toThrow(/customerNo/);
  });

  it("generateRequestHeader cannot build headers: it calls an instance method statically", async () => {
    const snap = Object.create(Snap.prototype) as { generateRequestHeader(): Promise<unknown> };
    Object.assign(snap, {
      tokenB2B: "t",
      tokenExpiresIn: 900,
      tokenGeneratedTimestamp: Math.floor(Date.now() / 1000),
    });
    await expect(snap.generateRequestHeader()).rejects.toThrow(/doGenerateRequestHeader is not a function/);
  });
});
