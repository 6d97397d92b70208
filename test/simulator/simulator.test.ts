/**
 * The payment simulator end to end, in process: the mock with the reference merchants' URLs; VAs and payment
 * codes created through the API, paid over the admin route; DOKU's direct inquiry (DIPC), token handshake and
 * signed notification reach the merchants, their answers are checked, check status reports the payment.
 */
import type { Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSpecBundle } from "../../conformance/bundle.js";
import { createMerchant as dokuVaInquiry } from "../../examples/merchants/doku-va-inquiry.js";
import { createMerchant as dokuVaNotification } from "../../examples/merchants/doku-va-notification.js";
import { createMerchant as snapVaInquiry } from "../../examples/merchants/snap-va-inquiry.js";
import { createMerchant as snapVaPayment, TOKEN_PATH } from "../../examples/merchants/snap-va-payment.js";
import type { SpecBundle } from "../../src/model/operation.js";
import { type RunningSimulator, startSimulator } from "../../src/simulator/index.js";
import type { Delivery } from "../../src/simulator/types.js";
import { dokuPair, type Listening, listen } from "../callbacks/helpers.js";
import {
  createPaymentCode,
  createSnapVa,
  orderStatus,
  sharedIdentity,
  simulateHttp,
  snapStatus,
} from "./helpers.js";

let bundle: SpecBundle;
let sim: RunningSimulator;
const servers: Listening[] = [];
const snapPaid = new Map<string, string>();
const orders = new Map<string, string>();

async function serve(server: Server): Promise<string> {
  const l = await listen(server);
  servers.push(l);
  return l.base;
}

beforeAll(async () => {
  bundle = await loadSpecBundle();
  const identity = sharedIdentity();
  const snap = {
    clientId: identity.clientId,
    secretKey: identity.secretKey,
    dokuPublicKey: dokuPair().publicKey,
    callbackAuth: "snap-hmac" as const,
  };
  const nonSnap = { clientId: identity.clientId, secretKey: identity.secretKey };
  const payment = await serve(snapVaPayment(snap, { paid: snapPaid, answers: new Map() }));
  const inquiry = await serve(
    snapVaInquiry(
      snap,
      new Map([
        [
          "98827340000000000000001",
          { name: "Toru Yamashita", amount: "11500.00", channel: "VIRTUAL_ACCOUNT_BNI" },
        ],
      ]),
    ),
  );
  const notification = await serve(dokuVaNotification(nonSnap, { orders, applied: new Set() }));
  const nsInquiry = await serve(
    dokuVaInquiry(
      nonSnap,
      new Map([
        [
          "7889940000000001",
          {
            invoiceNumber: "MINV20201231468",
            amount: 150000,
            customerName: "Taufik Ismail",
            status: "success" as const,
          },
        ],
        [
          "7889940000000002",
          {
            invoiceNumber: "MINV20201231469",
            amount: 90000,
            customerName: "Taufik Ismail",
            status: "billing_already_paid" as const,
          },
        ],
      ]),
    ),
  );
  sim = await startSimulator({
    bundle,
    identity,
    dokuPrivateKey: dokuPair().privateKey,
    notifyUrls: {
      "snap-va": `${payment}/v1.1/transfer-va/payment`,
      "non-snap-va": `${notification}/payments/notifications`,
    },
    inquiryUrls: {
      "snap-va": `${inquiry}/v1.1/transfer-va/inquiry`,
      "non-snap-va": `${nsInquiry}/payments/inquiry`,
    },
    tokenUrls: { "snap-va": `${payment}${TOKEN_PATH}`, "snap-va-inquiry": `${inquiry}${TOKEN_PATH}` },
    retryScale: 0.001,
  });
});

afterAll(async () => {
  await sim?.close();
  for (const s of servers) await s.close();
});

const failedChecks = (ds: readonly Delivery[]) =>
  ds.flatMap((d) =>
    d.checks.filter((c) => !c.ok).map((c) => `${d.flow}#${d.attempt} ${c.name}: ${c.message}`),
  );

describe("paying a SNAP VA created on the mock", () => {
  it("sends the token handshake and the signed notification; the merchant's ack passes; check status says paid", async () => {
    const va = await createSnapVa(sim.url, bundle, sim.identity);
    const before = await snapStatus(sim.url, bundle, sim.identity, va);
    expect(before.paidAmount).toEqual({ value: "0.00", currency: "IDR" });
    const { status, json } = await simulateHttp(sim.url, { action: "pay", id: va.number });
    expect(status).toBe(200);
    const deliveries = json.deliveries as Delivery[];
    expect(deliveries.map((d) => [d.kind, d.verdict])).toEqual([
      ["token", "ok"],
      ["notification", "ok"],
    ]);
    const notification = deliveries[1] as Delivery;
    expect(notification.response?.status).toBe(200);
    expect(JSON.parse(notification.response?.body ?? "{}").responseCode).toBe("2002500");
    expect(notification.request.headers["X-SIGNATURE"]).toBeTruthy();
    const sent = JSON.parse(notification.request.body);
    expect(sent).toMatchObject({
      virtualAccountNo: va.number,
      trxId: va.trxId,
      paidAmount: { value: "11500.00", currency: "IDR" },
    });
    expect(failedChecks(deliveries)).toEqual([]);
    expect(notification.checks.map((c) => c.name)).toEqual(
      expect.arrayContaining(["response-received", "valid-accepted", "response-body-valid", "latency"]),
    );
    // The merchant verified the signature and credited the VA.
    expect(snapPaid.get(va.trxId)).toBe("11500.00");
    expect((json.item as { status: string }).status).toBe("paid");
    const after = await snapStatus(sim.url, bundle, sim.identity, va);
    expect(after.paidAmount).toEqual({ value: "11500.00", currency: "IDR" });
    expect(after.paymentFlagReason).toEqual({ english: "Success", indonesia: "Sukses" });
  });

  it("refuses a second payment of a non-reusable VA and a wrong amount on a closed bill (409 with the reason)", async () => {
    const va = await createSnapVa(sim.url, bundle, sim.identity);
    const wrong = await simulateHttp(sim.url, { action: "pay", id: va.number, amount: "100.00" });
    expect(wrong.status).toBe(409);
    expect(wrong.json.error).toMatch(/closed bill of 11500/);
    expect((await simulateHttp(sim.url, { action: "pay", id: va.trxId })).status).toBe(200);
    const again = await simulateHttp(sim.url, { action: "pay", id: va.number });
    expect(again.status).toBe(409);
    expect(again.json.error).toMatch(/already paid and not reusable/);
  });

  it("lets a reusable open VA be paid several times within its limits", async () => {
    const va = await createSnapVa(sim.url, bundle, sim.identity, {
      trxType: "O",
      amount: "0.00",
      reusable: true,
      min: "10000.00",
      max: "50000.00",
    });
    const low = await simulateHttp(sim.url, { action: "pay", id: va.number, amount: 5000 });
    expect(low.status).toBe(409);
    expect(low.json.error).toMatch(/below .* minimum amount 10000/);
    const high = await simulateHttp(sim.url, { action: "pay", id: va.number, amount: 60000 });
    expect(high.json.error).toMatch(/above .* maximum amount 50000/);
    const noAmount = await simulateHttp(sim.url, { action: "pay", id: va.number });
    expect(noAmount.status).toBe(400);
    expect((await simulateHttp(sim.url, { action: "pay", id: va.number, amount: 20000 })).status).toBe(200);
    const second = await simulateHttp(sim.url, { action: "pay", id: va.number, amount: "30000" });
    expect(second.status).toBe(200);
    expect((second.json.item as { payments: unknown[] }).payments).toHaveLength(2);
    const status = await snapStatus(sim.url, bundle, sim.identity, va);
    expect(status.paidAmount).toEqual({ value: "50000.00", currency: "IDR" });
  });
});

describe("direct inquiry (DIPC): a number the merchant registered itself", () => {
  it("SNAP: asks the Inquiry URL, then notifies with paymentRequestId = inquiryRequestId; check status knows it", async () => {
    const { status, json } = await simulateHttp(sim.url, {
      action: "pay",
      id: "98827340000000000000001",
      family: "snap-va",
    });
    expect(json.error).toBeUndefined();
    expect(status).toBe(200);
    const deliveries = json.deliveries as Delivery[];
    expect(deliveries.map((d) => `${d.kind}:${d.verdict}`)).toEqual([
      "token:ok",
      "inquiry:ok",
      "token:ok",
      "notification:ok",
    ]);
    expect(failedChecks(deliveries)).toEqual([]);
    const inquiry = JSON.parse((deliveries[1] as Delivery).request.body);
    const notification = JSON.parse((deliveries[3] as Delivery).request.body);
    expect(notification.paymentRequestId).toBe(inquiry.inquiryRequestId);
    expect(notification.paidAmount).toEqual({ value: "11500.00", currency: "IDR" });
    const after = await snapStatus(sim.url, bundle, sim.identity, {
      partnerServiceId: "98827340",
      customerNo: "000000000000001",
    });
    expect(after.paidAmount).toEqual({ value: "11500.00", currency: "IDR" });
  });

  it("non-SNAP: the signed inquiry answer is verified and checked; a declined bill is refused with its status", async () => {
    const paid = await simulateHttp(sim.url, {
      action: "pay",
      id: "7889940000000001",
      family: "non-snap-va",
    });
    expect(paid.status).toBe(200);
    const deliveries = paid.json.deliveries as Delivery[];
    expect(deliveries.map((d) => `${d.kind}:${d.verdict}`)).toEqual(["inquiry:ok", "notification:ok"]);
    expect(failedChecks(deliveries)).toEqual([]);
    expect((deliveries[0] as Delivery).checks.map((c) => c.name)).toContain("response-signature");
    expect(orders.get("MINV20201231468")).toBe("SUCCESS");
    const status = await orderStatus(sim.url, bundle, sim.identity, "MINV20201231468");
    expect((status.transaction as { status: string }).status).toBe("SUCCESS");
    const declined = await simulateHttp(sim.url, {
      action: "pay",
      id: "7889940000000002",
      family: "non-snap-va",
    });
    expect(declined.status).toBe(409);
    expect(declined.json.error).toMatch(/billing_already_paid/);
  });

  it("needs the family when several could be asked", async () => {
    const answer = await simulateHttp(sim.url, { action: "pay", id: "1234567890" });
    expect(answer.status).toBe(400);
    expect(answer.json.error).toMatch(/snap-va, non-snap-va/);
  });
});

describe("non-SNAP payment codes created on the mock", () => {
  it("pays, notifies with the order's amount and invoice, and check status reports SUCCESS", async () => {
    const code = await createPaymentCode(sim.url, bundle, sim.identity);
    expect((await orderStatus(sim.url, bundle, sim.identity, code.invoice)).transaction).toMatchObject({
      status: "PENDING",
    });
    const { status, json } = await simulateHttp(sim.url, { action: "pay", id: code.number });
    expect(status).toBe(200);
    const deliveries = json.deliveries as Delivery[];
    expect(deliveries.map((d) => `${d.kind}:${d.verdict}`)).toEqual(["notification:ok"]);
    const body = JSON.parse((deliveries[0] as Delivery).request.body);
    expect(body).toMatchObject({
      order: { invoice_number: code.invoice, amount: 150000 },
      transaction: { status: "SUCCESS" },
      virtual_account_info: { virtual_account_number: code.number },
    });
    expect((deliveries[0] as Delivery).request.headers.Signature).toMatch(/^HMACSHA256=/);
    expect(orders.get(code.invoice)).toBe("SUCCESS");
    const after = await orderStatus(sim.url, bundle, sim.identity, code.invoice);
    expect(after.transaction).toMatchObject({ status: "SUCCESS" });
  });

  it("expire and fail change the state check status reports, and refuse payment afterwards", async () => {
    const a = await createPaymentCode(sim.url, bundle, sim.identity);
    expect((await simulateHttp(sim.url, { action: "expire", id: a.invoice })).status).toBe(200);
    expect((await orderStatus(sim.url, bundle, sim.identity, a.invoice)).transaction).toMatchObject({
      status: "EXPIRED",
    });
    expect((await simulateHttp(sim.url, { action: "pay", id: a.number })).status).toBe(409);
    const b = await createPaymentCode(sim.url, bundle, sim.identity);
    const failed = await simulateHttp(sim.url, { action: "fail", id: b.number });
    expect(failed.json.deliveries).toEqual([]);
    expect((await orderStatus(sim.url, bundle, sim.identity, b.invoice)).transaction).toMatchObject({
      status: "FAILED",
    });
  });

  it("a limit-amount code enforces min / max", async () => {
    const code = await createPaymentCode(
      sim.url,
      bundle,
      sim.identity,
      { min_amount: 10000, max_amount: 50000 },
      { billing_type: "NO_BILL" },
    );
    expect((await simulateHttp(sim.url, { action: "pay", id: code.number, amount: 60000 })).status).toBe(409);
    expect((await simulateHttp(sim.url, { action: "pay", id: code.number, amount: 10000.5 })).status).toBe(
      400,
    );
    expect((await simulateHttp(sim.url, { action: "pay", id: code.number, amount: 25000 })).status).toBe(200);
  });
});

describe("the admin API", () => {
  it("lists items and deliveries in the documented shapes", async () => {
    const state = (await (await fetch(`${sim.url}/_simulator/api/state`)).json()) as {
      items: Record<string, unknown>[];
      deliveries: Record<string, unknown>[];
    };
    expect(state.items.length).toBeGreaterThan(0);
    for (const item of state.items)
      expect(Object.keys(item)).toEqual(
        expect.arrayContaining([
          "id",
          "family",
          "kind",
          "number",
          "amount",
          "reusable",
          "status",
          "createdAt",
          "payments",
        ]),
      );
    for (const d of state.deliveries)
      expect(Object.keys(d)).toEqual(
        expect.arrayContaining([
          "id",
          "itemId",
          "flow",
          "kind",
          "attempt",
          "scheduledAt",
          "sentAt",
          "durationMs",
          "url",
          "request",
          "response",
          "error",
          "checks",
          "verdict",
        ]),
      );
  });

  it("refuses cross-origin POSTs and foreign Host headers (CSRF, DNS rebinding), unknown ids with 404", async () => {
    const cross = await simulateHttp(sim.url, { action: "pay", id: "x" }, { Origin: "http://evil.example" });
    expect(cross.status).toBe(403);
    const site = await simulateHttp(sim.url, { action: "pay", id: "x" }, { "Sec-Fetch-Site": "cross-site" });
    expect(site.status).toBe(403);
    const form = await fetch(`${sim.url}/_simulator/api/simulate`, {
      method: "POST",
      headers: { "Content-Type": "text/plain" },
      body: JSON.stringify({ action: "pay", id: "x" }),
    });
    expect(form.status).toBe(415);
    const unknown = await simulateHttp(sim.url, { action: "expire", id: "nope" });
    expect(unknown.status).toBe(404);
    const bad = await simulateHttp(sim.url, { action: "refund", id: "nope" });
    expect(bad.status).toBe(400);
    const page = await fetch(`${sim.url}/_simulator`);
    expect(page.headers.get("content-type")).toMatch(/text\/html/);
  });
});
