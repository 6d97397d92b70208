/**
 * Direct debit / e-wallet state: binding -> B2B2C token -> balance and payment with the customer token ->
 * partial refunds that add up and may not exceed the payment -> check status with the history -> unbinding
 * ends the binding; DANA payment and refund answers are bound to the request, not to the spec samples.
 */
import { describe, expect, it } from "vitest";
import { formatSnapTimestamp, signRequest } from "../../src/signatures/index.js";
import { op, sendSigned, snapInput, tokenInput, unique } from "./helpers.js";
import { useMock } from "./setup.js";

const now = Date.now();
const f = useMock({ clock: () => now });

async function snap(id: string, body: unknown, headers: Record<string, string> = {}) {
  const token = await sendSigned(f.mock.url, signRequest(tokenInput(f.bundle, f.mock.identity)));
  const input = snapInput(op(f.bundle, id), f.mock.identity, token.json.accessToken as string, body, headers);
  return sendSigned(f.mock.url, signRequest({ ...input, timestamp: formatSnapTimestamp(now) }));
}

async function b2b2c(body: Record<string, unknown>) {
  const base = tokenInput(f.bundle, f.mock.identity);
  const o = op(f.bundle, "snapGetTokenB2b2c");
  return sendSigned(f.mock.url, signRequest({ ...base, path: o.path, body: JSON.stringify(body) }));
}

const binding = (channel: string) => ({
  phoneNo: "62813941306101",
  additionalInfo: {
    channel,
    custIdMerchant: `cust-${unique()}`,
    successRegistrationUrl: "https://merchant.example/ok",
    failedRegistrationUrl: "https://merchant.example/failed",
  },
});
const amount = (value: string) => ({ value, currency: "IDR" });
const payment = (channel: string, value: string, ref = `INV-${unique()}`) => ({
  partnerReferenceNo: ref,
  amount: amount(value),
  additionalInfo: { channel },
});
const refund = (ref: string, value: string, channel = "EMONEY_OVO_SNAP") => ({
  originalPartnerReferenceNo: ref,
  partnerRefundNo: `REF-${unique()}`,
  refundAmount: amount(value),
  additionalInfo: { channel },
});

describe("direct debit state in the mock", () => {
  it("binds, exchanges the authCode, pays with the customer token, refunds within the payment, unbinds", async () => {
    const bound = await snap("ddAccountBinding", binding("EMONEY_OVO_SNAP"));
    expect(bound.status).toBe(200);
    const authCode = (bound.json.additionalInfo as Record<string, unknown>).authCode as string;
    expect(authCode).toMatch(/^[0-9a-f-]{36}$/);

    const token = await b2b2c({ grantType: "authorization_code", authCode });
    expect(token.status, token.text).toBe(200);
    expect(token.json).toMatchObject({ responseCode: "2007400", tokenType: "Bearer" });
    const customer = token.json.accessToken as string;
    const refreshed = await b2b2c({ grantType: "refresh_token", refreshToken: token.json.refreshToken });
    expect(refreshed.status).toBe(200);
    expect((await b2b2c({ grantType: "refresh_token", refreshToken: token.json.refreshToken })).status).toBe(
      401,
    );

    const auth = { "Authorization-Customer": `Bearer ${customer}` };
    const balance = async () =>
      (
        (await snap("ddBalanceInquiry", { additionalInfo: { channel: "EMONEY_OVO_SNAP" } }, auth)).json
          .accountInfos as { amount: { value: string } }[]
      )[0]?.amount.value;
    const before = await balance();

    const paid = await snap("danaPayment", payment("EMONEY_OVO_SNAP", "15000.00"), auth);
    expect(paid.status, paid.text).toBe(200);
    const ref = paid.json.partnerReferenceNo as string;
    expect(paid.json).toMatchObject({ responseCode: "2000500", partnerReferenceNo: ref });
    expect(Number(await balance())).toBe(Number(before) - 15000);

    const first = await snap("danaRefund", refund(ref, "5000.00"));
    expect(first.status, first.text).toBe(200);
    expect(first.json).toMatchObject({ refundAmount: amount("5000.00"), originalPartnerReferenceNo: ref });
    expect(first.json.refundTime).toBe(formatSnapTimestamp(now));
    const over = await snap("danaRefund", refund(ref, "10000.01"));
    expect(over.status).toBe(404);
    expect(over.json.responseCode).toBe("4040713");
    expect((await snap("danaRefund", refund(ref, "10000.00"))).status).toBe(200);

    const status = await snap("ddDebitStatus", { originalPartnerReferenceNo: ref, serviceCode: "55" });
    expect(status.status).toBe(200);
    expect(status.json).toMatchObject({ latestTransactionStatus: "04", transAmount: amount("15000.00") });
    expect((status.json.refundHistory as unknown[]).length).toBe(2);

    const unbound = await snap("ddAccountUnbinding", {
      tokenId: customer,
      additionalInfo: { channel: "EMONEY_OVO_SNAP" },
    });
    expect(unbound.status, unbound.text).toBe(200);
    expect((await snap("danaPayment", payment("EMONEY_OVO_SNAP", "1.00"), auth)).json.responseCode).toBe(
      "4010502",
    );
    expect((await b2b2c({ grantType: "authorization_code", authCode })).status).toBe(401);
    expect((await snap("ddAccountUnbinding", { tokenId: customer })).status).toBe(401);
  });

  it("answers DANA payment and refund from the request, not from DOKU's samples", async () => {
    const ref = `INV-${unique()}`;
    const paid = await snap("danaPayment", {
      ...payment("EMONEY_DANA_SNAP", "5000.00", ref),
      urlParam: { url: "https://merchant.example", type: "PAY_RETURN", isDeepLink: "N" },
    });
    expect(paid.json.partnerReferenceNo).toBe(ref);
    const refunded = await snap("danaRefund", refund(ref, "5000.00", "EMONEY_DANA_SNAP"));
    expect(refunded.json).toMatchObject({ responseCode: "2000700", refundAmount: amount("5000.00") });
    expect(refunded.json.refundTime).not.toBe("2024-01-01T09:09:00.123");
    expect((await snap("danaRefund", refund("INV-unknown", "1.00"))).json.responseCode).toBe("4040701");
    expect((await snap("danaPayment", payment("EMONEY_OVO_SNAP", "1.00", ref))).json.responseCode).toBe(
      "4040518",
    );
  });

  it("refuses a balance inquiry without a customer token, and card unbinding of an account binding", async () => {
    const noToken = await snap("ddBalanceInquiry", { additionalInfo: {} });
    expect(noToken.status).toBe(400);
    const card = await snap("ddCardRegistration", {
      cardData: "encrypted",
      custIdMerchant: "cust01",
      phoneNo: "6281234567890",
      additionalInfo: {
        channel: "DIRECT_DEBIT_BRI_SNAP",
        successRegistrationUrl: "https://merchant.example/ok",
        failedRegistrationUrl: "https://merchant.example/failed",
      },
    });
    expect(card.status, card.text).toBe(200);
    const authCode = (card.json.additionalInfo as Record<string, unknown>).authCode as string;
    expect((await snap("ddAccountUnbinding", { tokenId: authCode })).status).toBe(401);
    const unbound = await snap("ddCardUnbinding", {
      tokenId: authCode,
      additionalInfo: { channel: "DIRECT_DEBIT_BRI_SNAP" },
    });
    expect(unbound.status).toBe(200);
  });
});
