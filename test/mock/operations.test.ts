/**
 * Every merchant -> DOKU operation of the real spec: a correctly signed, valid request gets the documented
 * success, and the answer (body and headers) validates against the spec, from examples and with
 * `Prefer: dynamic=true`.
 */
import { describe, expect, it } from "vitest";
import type { Operation } from "../../src/model/operation.js";
import { type SignInput, signRequest, verifyNonSnapResponse } from "../../src/signatures/index.js";
import { operationValidation, validateResponse } from "../../src/validation/index.js";
import {
  createVaBody,
  deleteVaBody,
  newVa,
  paymentCodeBody,
  statusBody,
  updateVaBody,
} from "./fixtures/bodies.js";
import { EWALLET_OPERATIONS, ewalletBody } from "./fixtures/ewallet.js";
import { type Answer, nonSnapInput, op, send, sendSigned, snapInput, tokenInput, unique } from "./helpers.js";
import { type MockFixture, useMock } from "./setup.js";

const f = useMock();

/** Builds a valid request for `operation`, creating whatever it needs to exist first. */
async function validRequest(operation: Operation, prefer?: string): Promise<SignInput> {
  const { bundle, mock } = f;
  const extra = prefer === undefined ? {} : { Prefer: prefer };
  if (operation.auth === "snap-asymmetric-token") {
    const input = tokenInput(bundle, mock.identity);
    if (operation.id === "snapGetTokenB2b2c") {
      const token = await f.token();
      const binding = {
        phoneNo: "62813941306101",
        additionalInfo: {
          custIdMerchant: "c1",
          successRegistrationUrl: "https://m.example/ok",
          failedRegistrationUrl: "https://m.example/no",
        },
      };
      const bound = await expectOk(snapInput(op(bundle, "ddAccountBinding"), mock.identity, token, binding));
      const authCode = (bound.json.additionalInfo as Record<string, unknown>).authCode;
      const body = JSON.stringify({ grantType: "authorization_code", authCode });
      return { ...input, path: operation.path, body, headers: { ...input.headers, ...extra } };
    }
    return { ...input, headers: { ...input.headers, ...extra } };
  }
  const token = await f.token();
  const snap = (body: unknown) => snapInput(operation, mock.identity, token, body, extra);
  const va = newVa();
  const needsVa = ["snapUpdateVa", "snapDeleteVa", "snapCheckVaStatus"].includes(operation.id);
  if (needsVa)
    await expectOk(snapInput(op(bundle, "snapCreateVa"), mock.identity, token, createVaBody(bundle, va)));
  switch (operation.id) {
    case "snapCreateVa":
    case "snapBtnCreateVaV1":
      return snap(createVaBody(bundle, va));
    case "snapUpdateVa":
      return snap(updateVaBody(bundle, va));
    case "snapDeleteVa":
      return snap(deleteVaBody(va));
    case "snapCheckVaStatus":
      return snap(statusBody(va));
    case "dokuVaUpdatePaymentCode": {
      const created = await expectOk(
        nonSnapInput(op(bundle, "dokuVaCreatePaymentCode"), mock.identity, paymentCodeBody(bundle)),
      );
      const sample = structuredClone(operation.request.examples[0]?.value) as Record<
        string,
        Record<string, unknown>
      >;
      const number = (created.json.virtual_account_info as Record<string, unknown>).virtual_account_number;
      sample.order = {
        ...sample.order,
        invoice_number: (created.json.order as Record<string, unknown>).invoice_number,
      };
      sample.virtual_account_info = { ...sample.virtual_account_info, virtual_account_number: number };
      return nonSnapInput(operation, mock.identity, sample, operation.path, extra);
    }
    case "orderStatus": {
      const body = paymentCodeBody(bundle);
      await expectOk(nonSnapInput(op(bundle, "dokuVaCreatePaymentCode"), mock.identity, body));
      const path = `/orders/v1/status/${encodeURIComponent(String(body.order?.invoice_number))}`;
      return nonSnapInput(operation, mock.identity, undefined, path, extra);
    }
    case "tokenizationGetTokenList":
      return nonSnapInput(
        operation,
        mock.identity,
        operation.request.examples[0]?.value,
        operation.path,
        extra,
      );
    case "alfaCreatePaymentCode":
    case "indomaretCreatePaymentCode": {
      const order = { invoice_number: `INV-${unique()}`, amount: 150000 };
      const body = { order, online_to_offline_info: { reusable_status: false } };
      return nonSnapInput(operation, mock.identity, body, operation.path, extra);
    }
    case "snapQrisGenerate":
      return snap({ partnerReferenceNo: `INV-${unique()}`, amount: { value: "50000.00", currency: "IDR" } });
    case "danaPayment":
    case "danaRefund":
    case "ddAccountBinding":
    case "ddAccountUnbinding":
    case "ddCardRegistration":
    case "ddCardUnbinding":
    case "ddBalanceInquiry":
    case "ddDebitStatus":
      return directDebitRequest(operation, token, extra);
    default:
      if (EWALLET_OPERATIONS.includes(operation.id))
        return nonSnapInput(
          operation,
          mock.identity,
          ewalletBody(bundle, operation.id),
          operation.path,
          extra,
        );
      if (operation.auth === "nonsnap-hmac") {
        return nonSnapInput(
          operation,
          mock.identity,
          paymentCodeBody(bundle, operation.id),
          operation.path,
          extra,
        );
      }
      return snap(operation.request.examples[0]?.value);
  }
}

/** The direct debit operations are stateful (issue 15): each request gets its own payment or binding. */
async function directDebitRequest(
  operation: Operation,
  token: string,
  extra: Record<string, string>,
): Promise<SignInput> {
  const { bundle, mock } = f;
  const input = (id: string, body: unknown, headers: Record<string, string> = {}) =>
    snapInput(op(bundle, id), mock.identity, token, body, {
      ...headers,
      ...(id === operation.id ? extra : {}),
    });
  const ref = `INV-${unique()}`;
  const payment = {
    ...(op(bundle, "danaPayment").request.examples[0]?.value as object),
    partnerReferenceNo: ref,
  };
  if (operation.id === "danaPayment") return input(operation.id, payment);
  if (operation.id === "danaRefund" || operation.id === "ddDebitStatus") {
    await expectOk(input("danaPayment", payment));
    if (operation.id === "ddDebitStatus")
      return input(operation.id, { originalPartnerReferenceNo: ref, serviceCode: "55" });
    const sample = operation.request.examples[0]?.value as Record<string, unknown>;
    return input(operation.id, {
      ...sample,
      originalPartnerReferenceNo: ref,
      partnerRefundNo: `REF-${unique()}`,
    });
  }
  const card = operation.id === "ddCardRegistration" || operation.id === "ddCardUnbinding";
  const bindBody = card
    ? {
        cardData: "encrypted",
        custIdMerchant: "cust01",
        phoneNo: "6281234567890",
        additionalInfo: {
          channel: "DIRECT_DEBIT_BRI_SNAP",
          successRegistrationUrl: "https://m.example/ok",
          failedRegistrationUrl: "https://m.example/no",
        },
      }
    : {
        phoneNo: "62813941306101",
        additionalInfo: {
          custIdMerchant: "cust01",
          successRegistrationUrl: "https://m.example/ok",
          failedRegistrationUrl: "https://m.example/no",
        },
      };
  if (operation.id === "ddAccountBinding" || operation.id === "ddCardRegistration")
    return input(operation.id, bindBody);
  const bound = await expectOk(input(card ? "ddCardRegistration" : "ddAccountBinding", bindBody));
  const authCode = String((bound.json.additionalInfo as Record<string, unknown>).authCode);
  if (operation.id === "ddBalanceInquiry")
    return input(operation.id, { additionalInfo: {} }, { "Authorization-Customer": `Bearer ${authCode}` });
  const channel = card ? { additionalInfo: { channel: "DIRECT_DEBIT_BRI_SNAP" } } : {};
  return input(operation.id, { tokenId: authCode, ...channel });
}

async function expectOk(input: SignInput): Promise<Answer> {
  const answer = await sendSigned(f.mock.url, signRequest(input));
  expect(answer.status, answer.text).toBe(200);
  return answer;
}

function errorsOf(fixture: MockFixture, operation: Operation, answer: Answer) {
  return validateResponse(operationValidation(fixture.bundle, operation.id), {
    status: answer.status,
    body: answer.json,
    headers: answer.headers,
  }).filter((v) => v.severity === "error");
}

const PATH_OPERATIONS = [
  "snapGetTokenB2b",
  "snapCreateVa",
  "snapUpdateVa",
  "snapDeleteVa",
  "snapCheckVaStatus",
  "snapBtnCreateVaV1",
  "danaPayment",
  "danaRefund",
  "snapGetTokenB2b2c",
  "ddAccountBinding",
  "ddAccountUnbinding",
  "ddCardRegistration",
  "ddCardUnbinding",
  "ddBalanceInquiry",
  "ddDebitStatus",
  "dokuVaCreatePaymentCode",
  "dokuVaUpdatePaymentCode",
  "dokuVaCreateMerchantPaymentCode",
  "orderStatus",
  "checkoutCreatePayment",
  "cardsCreatePaymentPage",
  "tokenizationGetTokenList",
  ...EWALLET_OPERATIONS,
  "snapQrisGenerate",
  "alfaCreatePaymentCode",
  "indomaretCreatePaymentCode",
];

describe("every merchant -> DOKU operation", () => {
  it("serves exactly the spec's path operations", () => {
    const ids = f.bundle.operations.filter((o) => o.kind === "path").map((o) => o.id);
    expect(ids.sort()).toEqual([...PATH_OPERATIONS].sort());
  });

  for (const id of PATH_OPERATIONS) {
    for (const prefer of [undefined, "dynamic=true"]) {
      it(`${id}${prefer ? " (Prefer: dynamic=true)" : ""}: signed valid request -> documented success that validates`, async () => {
        const operation = op(f.bundle, id);
        const input = await validRequest(operation, prefer);
        const answer = await sendSigned(f.mock.url, signRequest(input));
        expect(answer.status, answer.text).toBe(200);
        expect(errorsOf(f, operation, answer)).toEqual([]);
        if (operation.serviceCode !== undefined) {
          expect(answer.json.responseCode).toBe(`200${operation.serviceCode}00`);
        }
        if (operation.auth === "nonsnap-hmac") {
          const verdict = verifyNonSnapResponse(
            { headers: answer.headers, body: answer.text },
            {
              target: input.path,
              secretKey: f.mock.identity.secretKey,
              requestId: String(answer.headers["request-id"]),
            },
          );
          expect(verdict).toEqual({ ok: true });
        }
        expect(f.errors).toEqual([]);
      });
    }
  }

  it("create-va echoes the request's virtualAccountData fields", async () => {
    const token = await f.token();
    const va = newVa();
    const body = {
      ...createVaBody(f.bundle, va),
      virtualAccountName: "Echo Test",
      totalAmount: { value: "777.00", currency: "IDR" },
    };
    const answer = await sendSigned(
      f.mock.url,
      signRequest(snapInput(op(f.bundle, "snapCreateVa"), f.mock.identity, token, body)),
    );
    const data = answer.json.virtualAccountData as Record<string, unknown>;
    expect(data).toMatchObject({
      ...va,
      virtualAccountName: "Echo Test",
      totalAmount: { value: "777.00", currency: "IDR" },
    });
    expect(String((data.additionalInfo as Record<string, unknown>).howToPayPage)).toContain(
      va.virtualAccountNo,
    );
  });

  it("does not serve webhooks (DOKU -> merchant): their sample paths are unknown here", async () => {
    const webhooks = f.bundle.operations.filter((o) => o.kind === "webhook");
    expect(webhooks.length).toBeGreaterThan(0);
    for (const hook of webhooks) {
      const answer = await send(f.mock.url, { method: hook.method, path: hook.path, body: "{}" });
      expect(answer.status, `${hook.id} ${hook.method} ${hook.path}`).toBe(404);
    }
  });

  it("the token answer carries X-CLIENT-KEY, X-TIMESTAMP and expiresIn 900", async () => {
    const answer = await sendSigned(f.mock.url, signRequest(tokenInput(f.bundle, f.mock.identity)));
    expect(answer.headers["x-client-key"]).toBe(f.mock.identity.clientId);
    expect(answer.json).toMatchObject({ responseCode: "2007300", tokenType: "Bearer", expiresIn: 900 });
  });
});
