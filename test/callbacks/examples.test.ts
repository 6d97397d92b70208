/**
 * The reference merchants in examples/merchants/ (built on the kit's receiver, src/receiver) pass the
 * certification of their flow (exit 0, no error): every SNAP merchant under every callback auth mode, with
 * the token handshake, and the non-SNAP merchants; the inquiry merchants on their success and not-found paths.
 */
import type { Server } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { createMerchant as danaPayment } from "../../examples/merchants/dana-payment.js";
import { createMerchant as directDebitPayment } from "../../examples/merchants/direct-debit-payment.js";
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

const DOKU_BILLS = new Map([
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

/** A DOKU VA inquiry for the merchant's bill (seed 001's request sample). */
const DOKU_INQUIRY = (vaNumber: string) =>
  JSON.stringify({
    service: { id: "VIRTUAL_ACCOUNT" },
    acquirer: { id: "DOKU" },
    channel: { id: "VIRTUAL_ACCOUNT_DOKU" },
    virtual_account_info: { virtual_account_number: vaNumber },
    virtual_account_inquiry: { date: "20210913100120", identifier: [] },
  });

describe("non-SNAP reference merchants", () => {
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

  it.each([
    ["a generated inquiry (bill not found: 404)", undefined],
    ["an inquiry for a known bill (200)", DOKU_INQUIRY("7889940000000001")],
  ])("doku-va-inquiry passes with %s", async (_name, body) => {
    const server = await listen(dokuVaInquiry({ clientId: CLIENT_ID, secretKey: SECRET_KEY }, DOKU_BILLS));
    running.push(server);
    const summary = await certify({
      url: `${server.base}/payments/inquiry`,
      flow: "doku-va-inquiry",
      ...(body === undefined ? {} : { body }),
    });
    expect(errorsOf(summary)).toEqual([]);
    expect(summary.exitCode).toBe(0);
  });
});

const TOKEN_PATH = "/v1.0/access-token/b2b";
const MODES = ["snap-hmac", "snap-rsa", "bearer-only"] as const;
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

const SNAP_BILLS = new Map([
  ["98827340000000000000001", { name: "Toru Yamashita", amount: "11500.00", channel: "VIRTUAL_ACCOUNT_BNI" }],
]);

interface SnapCase {
  flow: string;
  path: string;
  merchant: (mode: CallbackAuthMode) => Server;
  body?: string;
}

const SNAP_CASES: Record<string, SnapCase> = {
  "snap-va-inquiry (known bill)": {
    flow: "snap-va-inquiry",
    path: "/v1.1/transfer-va/inquiry",
    merchant: (mode) => snapVaInquiry(snapConfig(mode), SNAP_BILLS),
    body: KNOWN_INQUIRY,
  },
  "snap-va-inquiry (generated, bill not found)": {
    flow: "snap-va-inquiry",
    path: "/v1.1/transfer-va/inquiry",
    merchant: (mode) => snapVaInquiry(snapConfig(mode), SNAP_BILLS),
  },
  "snap-va-payment": {
    flow: "snap-va-payment",
    path: "/v1.1/transfer-va/payment",
    merchant: (mode) => snapVaPayment(snapConfig(mode)),
  },
  "dana-payment (generated)": {
    flow: "dana-payment",
    path: "/v1.0/debit/notify",
    merchant: (mode) => danaPayment(snapConfig(mode)),
  },
  "dana-payment (--body)": {
    flow: "dana-payment",
    path: "/v1.0/debit/notify",
    merchant: (mode) => danaPayment(snapConfig(mode)),
    body: DANA_NOTIFICATION,
  },
  "direct-debit-payment": {
    flow: "direct-debit-payment",
    path: "/v1.0/debit/notify",
    merchant: (mode) => directDebitPayment(snapConfig(mode)),
  },
};

const ROWS = Object.keys(SNAP_CASES).flatMap((name) => MODES.map((mode) => [name, mode] as const));

describe("SNAP reference merchants (token handshake first), every callback auth mode", () => {
  it.each(ROWS)("%s passes with %s", async (name, mode) => {
    const c = SNAP_CASES[name] as SnapCase;
    const server = await listen(c.merchant(mode));
    running.push(server);
    const summary = await certify({
      url: `${server.base}${c.path}`,
      flow: c.flow,
      callbackAuth: mode,
      tokenUrl: `${server.base}${TOKEN_PATH}`,
      ...(c.body === undefined ? {} : { body: c.body }),
    });
    expect(errorsOf(summary)).toEqual([]);
    expect(summary.kinds.token?.passed).toBe(1);
    expect(summary.kinds.forged?.failed ?? 0).toBe(0);
    if (c.body !== undefined) expect(summary.kinds.pinned).toEqual({ cases: 1, passed: 1, failed: 0 });
    expect(summary.exitCode).toBe(0);
  });
});
