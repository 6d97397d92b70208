/**
 * The answer builders: codes and layouts come from the operation table (x-doku-service-code,
 * x-doku-case-codes, status-by), and every answer validates against the operation's documented response.
 */
import { describe, expect, it } from "vitest";
import { loadSpecBundle } from "../../conformance/bundle.js";
import { dokuAnswers, webhookOperation } from "../../conformance/receiver.js";
import { UsageError } from "../../src/model/errors.js";
import type { Operation } from "../../src/model/operation.js";
import {
  type DokuAnswer,
  type refusalAnswer,
  snapAnswer,
  snapResponseCode,
  statusByRule,
} from "../../src/receiver/index.js";
import { verifyNonSnapResponse } from "../../src/signatures/nonsnap-response.js";
import { operationValidation, validateResponse } from "../../src/validation/validate.js";

const bundle = await loadSpecBundle();

/** Errors of the answer against the operation's documented response for its status. */
function errors(id: string, answer: DokuAnswer): string[] {
  const violations = validateResponse(operationValidation(bundle, id), {
    status: answer.status,
    headers: answer.headers,
    body: answer.body === "" ? undefined : JSON.parse(answer.body),
  });
  return violations.filter((v) => v.severity === "error").map((v) => `${v.pointer} ${v.message}`);
}

const json = (answer: DokuAnswer) => JSON.parse(answer.body) as Record<string, unknown>;

const VA = {
  partnerServiceId: "98827340",
  customerNo: "000000000000001",
  virtualAccountNo: "98827340000000000000001",
  virtualAccountName: "Toru Yamashita",
};

describe("webhookOperation", () => {
  it("finds every webhook of the table, and nothing else", () => {
    const webhooks = bundle.operations.filter((op) => op.kind === "webhook");
    expect(webhooks.length).toBeGreaterThan(0);
    for (const op of webhooks) expect(webhookOperation(op.id as never).id).toBe(op.id);
    expect(() => webhookOperation("snapCreateVa" as never)).toThrow(/no webhook snapCreateVa/);
  });
});

describe("SNAP answers", () => {
  it("token answer: 2007300, Bearer, expiresIn", () => {
    const answer = dokuAnswers.token({ accessToken: "t0k3n", expiresIn: 900 });
    expect(answer.status).toBe(200);
    expect(json(answer)).toMatchObject({
      responseCode: "2007300",
      accessToken: "t0k3n",
      tokenType: "Bearer",
      expiresIn: 900,
    });
    expect(errors("snapMerchantToken", answer)).toEqual([]);
  });

  it("VA inquiry answer: 2002400 with the bill", () => {
    const answer = dokuAnswers.snapVaInquiry({
      virtualAccountData: {
        ...VA,
        totalAmount: { value: "11500.00", currency: "IDR" },
        virtualAccountTrxType: "C",
        inquiryStatus: "00",
        inquiryRequestId: "12839218738127830",
      },
    });
    expect(json(answer).responseCode).toBe("2002400");
    expect(errors("snapVaInquiry", answer)).toEqual([]);
  });

  it("VA payment acknowledgement: 2002500, DOKU's sample message, optional echo", () => {
    const bare = dokuAnswers.snapVaPayment();
    expect(json(bare)).toEqual({ responseCode: "2002500", responseMessage: "Success" });
    const echo = dokuAnswers.snapVaPayment({ virtualAccountData: { ...VA, paymentRequestId: "1" } });
    expect(errors("snapVaPaymentNotification", echo)).toEqual([]);
  });

  it("DANA / direct-debit acknowledgement: 200 and no invented code (DOKU documents no body)", () => {
    for (const answer of [dokuAnswers.danaPayment(), dokuAnswers.directDebitPayment()]) {
      expect(answer.status).toBe(200);
      expect(json(answer)).toEqual({});
    }
  });

  it("a misspelled answer field is a type error (the generated types type the builders)", () => {
    const answer = () =>
      dokuAnswers.snapVaPayment({
        // @ts-expect-error virtualAcountData is not a field of the acknowledgement
        virtualAcountData: {},
      });
    expect(typeof answer).toBe("function");
    // @ts-expect-error tokenType is the builder's, expiresIn is required
    const token = () => dokuAnswers.token({ accessToken: "t" });
    expect(typeof token).toBe("function");
  });

  it("responseCode follows the table: service code and documented case codes only", () => {
    const op = webhookOperation("snapVaInquiry");
    expect(snapResponseCode(op, 404, "12")).toBe("4042412");
    expect(() => snapResponseCode(op, 404, "99")).toThrow(UsageError);
    expect(() => snapAnswer(op, 404, {}, { caseCode: "99" })).toThrow(/documents case codes 12, 14, 19/);
    // A different service code in the table changes the code: nothing is hard-coded.
    const other: Operation = { ...op, serviceCode: "99" };
    expect(snapResponseCode(other, 200)).toBe("2009900");
  });
});

const refusal = (rule: string, status = 401) =>
  ({ ok: false, status, rule, reason: "r" }) as Parameters<typeof refusalAnswer>[1];

describe("refusals", () => {
  it.each([
    ["snapVaInquiry", "token-unknown", "4012401"],
    ["snapVaInquiry", "signature-mismatch", "4012400"],
    ["snapVaInquiry", "duplicate-header", "4012400"],
    ["snapVaInquiry", "token-missing", "4012400"],
    ["snapVaPaymentNotification", "signature-mismatch", "4012501"],
    ["snapMerchantToken", "signature-mismatch", "4017300"],
    ["danaPaymentNotification", "timestamp-window", "4010000"],
  ] as const)("%s refuses %s with %s", (id, rule, code) => {
    const answer = dokuAnswers.refusal(id, refusal(rule));
    expect(answer.status).toBe(401);
    expect(json(answer).responseCode).toBe(code);
    if (id !== "danaPaymentNotification") expect(errors(id, answer)).toEqual([]);
  });

  it("non-SNAP: 401 with the kit's error layout (DOKU documents none)", () => {
    const answer = dokuAnswers.refusal("dokuVaNotification", refusal("signature-mismatch"));
    expect(answer.status).toBe(401);
    expect(json(answer)).toEqual({ error: { code: "invalid_signature", message: "r" } });
  });

  it("a bad body: 400", () => {
    expect(dokuAnswers.refusal("dokuVaInquiry", refusal("body-json", 400)).status).toBe(400);
    expect(json(dokuAnswers.refusal("snapVaInquiry", refusal("body-json", 400))).responseCode).toMatch(
      /^40024/,
    );
  });
});

describe("non-SNAP answers", () => {
  const keys = { clientId: "MCH-0001", secretKey: "SK-1", timestamp: "2026-12-07T01:00:00Z" };
  const request = { path: "/payments/inquiry", headers: { "request-id": "req-7" } };
  const bill = (status: string) => ({
    order: { invoice_number: "MINV20201231468", amount: 150000 },
    virtual_account_info: { billing_type: "FIX_BILL" as const, virtual_account_number: "7889940000000001" },
    virtual_account_inquiry: { status: status as "success" },
    customer: { name: "Taufik Ismail" },
  });

  it.each([
    ["success", 200],
    ["decline", 400],
    ["billing_already_paid", 400],
    ["billing_was_expired", 400],
    ["billing_not_found", 404],
  ])("inquiry %s: HTTP %i from the status-by rule, signed over the exact body", (status, http) => {
    const answer = dokuAnswers.dokuVaInquiry(bill(status), request, keys);
    expect(answer.status).toBe(http);
    expect(answer.headers["Request-Id"]).toBe("req-7");
    const verdict = verifyNonSnapResponse(
      { headers: answer.headers, body: answer.body },
      {
        target: request.path,
        secretKey: keys.secretKey,
        requestId: "req-7",
        now: Date.parse(keys.timestamp),
      },
    );
    expect(verdict).toEqual({ ok: true });
    expect(errors("dokuVaInquiry", answer)).toEqual([]);
  });

  it("the status comes from the table: another status-by rule, another status", () => {
    const op = webhookOperation("dokuVaInquiry");
    const rules = op.rules.map((r) => (r.kind === "status-by" ? { ...r, statuses: { success: 202 } } : r));
    expect(statusByRule({ ...op, rules }, bill("success"))).toBe(202);
    expect(statusByRule(op, bill("unknown"))).toBeUndefined();
  });

  it("notification acknowledgement: 200", () => {
    expect(dokuAnswers.dokuVaNotification().status).toBe(200);
  });
});
