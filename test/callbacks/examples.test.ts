/** The reference merchants in examples/merchants/ pass the certification of their flow (exit 0). */
import { afterEach, describe, expect, it } from "vitest";
import { createMerchant as danaPayment } from "../../examples/merchants/dana-payment.js";
import { createMerchant as dokuVaInquiry } from "../../examples/merchants/doku-va-inquiry.js";
import { createMerchant as dokuVaNotification } from "../../examples/merchants/doku-va-notification.js";
import { createMerchant as snapVaInquiry } from "../../examples/merchants/snap-va-inquiry.js";
import { createMerchant as snapVaPayment } from "../../examples/merchants/snap-va-payment.js";
import type { CallbackAuthMode } from "../../src/signatures/types.js";
import { CLIENT_ID, certify, dokuPair, errorsOf, type Listening, listen, SECRET_KEY } from "./helpers.js";

const running: Listening[] = [];
afterEach(async () => {
  for (const r of running.splice(0)) await r.close();
});

describe("reference merchants", () => {
  it("doku-va-notification passes", async () => {
    const server = await listen(dokuVaNotification({ clientId: CLIENT_ID, secretKey: SECRET_KEY }));
    running.push(server);
    const summary = await certify({
      url: `${server.base}/payments/notifications`,
      flow: "doku-va-notification",
    });
    expect(errorsOf(summary)).toEqual([]);
    expect(summary.exitCode).toBe(0);
  });

  it("doku-va-inquiry passes", async () => {
    const bills = new Map([
      [
        "7889940000000001",
        {
          invoiceNumber: "MINV20201231468",
          amount: 150000,
          customerName: "Taufik Ismail",
          status: "success" as const,
        },
      ],
    ]);
    const server = await listen(dokuVaInquiry({ clientId: CLIENT_ID, secretKey: SECRET_KEY }, bills));
    running.push(server);
    const summary = await certify({ url: `${server.base}/payments/inquiry`, flow: "doku-va-inquiry" });
    expect(errorsOf(summary)).toEqual([]);
    expect(summary.exitCode).toBe(0);
  });
});

const TOKEN_PATH = "/v1.0/access-token/b2b";
const snapConfig = (callbackAuth: CallbackAuthMode) => ({
  clientId: CLIENT_ID,
  secretKey: SECRET_KEY,
  dokuPublicKey: dokuPair().publicKey,
  callbackAuth,
});

/** An inquiry for the reference merchant's bill (23 digits, within BNI's direct-inquiry limit). */
const KNOWN_INQUIRY = JSON.stringify({
  partnerServiceId: "98827340",
  customerNo: "000000000000001",
  virtualAccountNo: "98827340000000000000001",
  trxDateInit: "2024-03-19T14:39:01+07:00",
  inquiryRequestId: "12839218738127830",
  additionalInfo: { channel: "VIRTUAL_ACCOUNT_BNI" },
});

/** A DANA notification (DOKU publishes no sample; shaped after the spec's SDK-derived schema). */
const DANA_NOTIFICATION = JSON.stringify({
  originalPartnerReferenceNo: "INV-20240319-0001",
  originalReferenceNo: "RN-0001",
  originalExternalId: "41807553358950093184162180797837",
  latestTransactionStatus: "00",
  amount: { value: "15000.00", currency: "IDR" },
  additionalInfo: {
    channelId: "EMONEY_DANA_SNAP",
    acquirerId: "DANA",
    custIdMerchant: "C-1",
    accountType: "EMONEY",
  },
  lineItems: [{ name: "Kopi", price: "15000.00", quantity: 1 }],
});

describe("SNAP reference merchants (token handshake first)", () => {
  it.each(["snap-hmac", "snap-rsa", "bearer-only"] as const)(
    "snap-va-inquiry passes with %s",
    async (mode) => {
      const bills = new Map([
        [
          "98827340000000000000001",
          { name: "Toru Yamashita", amount: "11500.00", channel: "VIRTUAL_ACCOUNT_BNI" },
        ],
      ]);
      const server = await listen(snapVaInquiry(snapConfig(mode), bills));
      running.push(server);
      const summary = await certify({
        url: `${server.base}/v1.1/transfer-va/inquiry`,
        flow: "snap-va-inquiry",
        callbackAuth: mode,
        tokenUrl: `${server.base}${TOKEN_PATH}`,
        body: KNOWN_INQUIRY,
      });
      expect(errorsOf(summary)).toEqual([]);
      expect(summary.kinds.pinned).toEqual({ cases: 1, passed: 1, failed: 0 });
      expect(summary.exitCode).toBe(0);
    },
  );

  it.each(["snap-hmac", "snap-rsa", "bearer-only"] as const)(
    "snap-va-payment passes with %s",
    async (mode) => {
      const server = await listen(snapVaPayment(snapConfig(mode)));
      running.push(server);
      const summary = await certify({
        url: `${server.base}/v1.1/transfer-va/payment`,
        flow: "snap-va-payment",
        callbackAuth: mode,
        tokenUrl: `${server.base}${TOKEN_PATH}`,
      });
      expect(errorsOf(summary)).toEqual([]);
      expect(summary.exitCode).toBe(0);
    },
  );

  it("dana-payment passes with a generated probe (DOKU publishes no sample)", async () => {
    const server = await listen(danaPayment(snapConfig("snap-hmac")));
    running.push(server);
    const summary = await certify({
      url: `${server.base}/v1.0/debit/notify`,
      flow: "dana-payment",
      tokenUrl: `${server.base}${TOKEN_PATH}`,
    });
    expect(errorsOf(summary)).toEqual([]);
    expect(summary.kinds.property?.cases).toBeGreaterThan(0);
    expect(summary.exitCode).toBe(0);
  });

  it("dana-payment passes with --body", async () => {
    const server = await listen(danaPayment(snapConfig("snap-hmac")));
    running.push(server);
    const summary = await certify({
      url: `${server.base}/v1.0/debit/notify`,
      flow: "dana-payment",
      tokenUrl: `${server.base}${TOKEN_PATH}`,
      body: DANA_NOTIFICATION,
    });
    expect(errorsOf(summary)).toEqual([]);
    expect(summary.exitCode).toBe(0);
  });
});
