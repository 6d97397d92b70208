/**
 * The x-doku-rules half of the conflict rule: a rule finding on a value that a recorded conflict quotes
 * (the 28-digit BNI inquiry sample against the 23-digit rule; the BNI DGPC sample's VA number) is a warning
 * naming the conflict in REPORTS (validate, response-body-valid of run and callback), while the mock, which
 * decides what it accepts, keeps refusing the value as before (so the default `run` keeps passing).
 */
import { describe, expect, it } from "vitest";
import { loadSpecBundle } from "../../conformance/bundle.js";
import { responseBodyValid } from "../../src/checks/response-body-valid.js";
import type { Exchange } from "../../src/model/case.js";
import type { Operation } from "../../src/model/index.js";
import { signRequest } from "../../src/signatures/index.js";
import { validateRequest } from "../../src/validation/validate.js";
import { op, sendSigned, snapInput } from "../mock/helpers.js";
import { useMock } from "../mock/setup.js";

const bundle = await loadSpecBundle();
const sample = (operation: Operation, name: string) => {
  const found = operation.request.examples.find((e) => e.name === name);
  if (found === undefined) throw new Error(`${operation.id} has no example ${name}`);
  return found.value;
};
const rulesOf = (operation: Operation, body: unknown, options = {}) =>
  validateRequest({ operation, validators: bundle.validators }, { body }, options).filter(
    (v) => v.check === "x-doku-rules",
  );

describe.each([
  ["snapVaInquiry", "bni-dipc", "x-doku-va-digits-by-channel", "dipc-payment-code-length"],
  ["snapCreateVa", "dgpc", "x-doku-va-number-concat", "bni-dgpc-sample-va-number"],
])("%s example %s", (operationId, example, rule, conflict) => {
  const operation = op(bundle, operationId);
  const body = sample(operation, example);

  it("is reported as a warning naming the conflict (validate, reports)", () => {
    const found = rulesOf(operation, body, { quotedConflicts: "warning" });
    expect(found.map((v) => [v.rule, v.severity, v.conflict?.id])).toEqual([[rule, "warning", conflict]]);
    expect(found[0]?.message).toContain(`x-doku-conflict ${conflict}`);
  });

  it("stays an error where it decides acceptance (mock, examples phase) and under --strict", () => {
    expect(rulesOf(operation, body).map((v) => [v.rule, v.severity])).toEqual([[rule, "error"]]);
    const strict = rulesOf(operation, body, { quotedConflicts: "warning", strict: true });
    expect(strict.map((v) => v.severity)).toEqual(["error"]);
  });
});

describe("response-body-valid (run and callback reports)", () => {
  it("an inquiry answer echoing the 28-digit BNI sample VA is a warning naming the conflict", () => {
    const inquiry = op(bundle, "snapVaInquiry");
    const va = "9882734000000000000000000001";
    const json = {
      responseCode: "2002400",
      responseMessage: "Successful",
      virtualAccountData: {
        partnerServiceId: "   98827",
        customerNo: "34000000000000000000001",
        virtualAccountNo: va,
        virtualAccountName: "Toru Yamashita",
        totalAmount: { value: "11500.00", currency: "IDR" },
        virtualAccountTrxType: "C",
        inquiryStatus: "00",
        inquiryReason: { english: "Success", indonesia: "Sukses" },
        inquiryRequestId: "1",
      },
      additionalInfo: { channel: "VIRTUAL_ACCOUNT_BNI" },
    };
    const exchange = { case: { operationId: inquiry.id }, response: { status: 200, json, headers: {} } };
    const found = responseBodyValid(
      { operation: inquiry, validators: bundle.validators } as never,
      exchange as unknown as Exchange,
    ).filter((v) => v.rule === "x-doku-va-digits-by-channel-response");
    expect(found.map((v) => [v.severity, v.conflict?.id])).toEqual([["warning", "dipc-payment-code-length"]]);
  });
});

describe("the mock keeps refusing", () => {
  const f = useMock();
  it("the BNI DGPC sample body on snapCreateVa: 400 Invalid Field Format, as before", async () => {
    const create = op(f.bundle, "snapCreateVa");
    const body = structuredClone(sample(create, "dgpc")) as Record<string, unknown>;
    const input = snapInput(create, f.mock.identity, await f.token(), body);
    const answer = await sendSigned(f.mock.url, signRequest(input));
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ responseCode: "4002701" });
    expect(JSON.stringify(answer.json)).toMatch(/virtualAccountNo|partnerServiceId|customerNo/);
  });
});
