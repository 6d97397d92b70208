/**
 * The direct debit / e-wallet family: with a Notification URL for it, a payment created on the mock through the
 * signed API stays pending (check status 03) until `simulate pay`; then DOKU's token handshake and the signed
 * notification reach the reference merchant (DANA's own flow for EMONEY_DANA_SNAP, the generic one for the
 * other channels), check status says 00; a 500 gets DOKU's retries on the compressed clock; a second payment
 * is refused. Without the simulator's URL the payment completes at once, as before.
 */
import { createServer, type Server } from "node:http";
import { describe, expect, it } from "vitest";
import { createMerchant as danaMerchant, type EwalletStore } from "../../examples/merchants/dana-payment.js";
import {
  createMerchant as ddMerchant,
  newStore,
  TOKEN_PATH,
} from "../../examples/merchants/direct-debit-payment.js";
import type { MockIdentity } from "../../src/mock/index.js";
import { signRequest } from "../../src/signatures/request-signer.js";
import { type RunningSimulator, type SimulatorOptions, startSimulator } from "../../src/simulator/index.js";
import type { Delivery } from "../../src/simulator/types.js";
import { operationValidation, validateRequest } from "../../src/validation/validate.js";
import { dokuPair, type Listening, listen } from "../callbacks/helpers.js";
import { fetchToken, op, sendSigned, snapInput } from "../mock/helpers.js";
import { digits, sharedIdentity, simulateHttp, until, useSimulatorFixture } from "./helpers.js";

const fx = useSimulatorFixture();
const open = fx.open;

function snapConfig() {
  const identity = sharedIdentity();
  return {
    clientId: identity.clientId,
    secretKey: identity.secretKey,
    dokuPublicKey: dokuPair().publicKey,
    callbackAuth: "snap-hmac" as const,
  };
}

async function serve(server: Server): Promise<string> {
  const l: Listening = await listen(server);
  open.push(l);
  return l.base;
}

async function simulator(options: Partial<SimulatorOptions>): Promise<RunningSimulator> {
  const sim = await startSimulator({
    bundle: fx.bundle,
    identity: sharedIdentity(),
    dokuPrivateKey: dokuPair().privateKey,
    retryScale: 0.001,
    ...options,
  });
  open.push(sim);
  return sim;
}

/** Creates a payment host-to-host through the signed API; returns the request and DOKU's answer. */
async function createPayment(base: string, identity: MockIdentity, channel = "EMONEY_DANA_SNAP") {
  const token = await fetchToken(base, fx.bundle, identity);
  const body = {
    partnerReferenceNo: `INV-${digits(12)}`,
    validUpto: `${new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 19)}+07:00`,
    pointOfInitiation: "app",
    urlParam: { url: "https://merchant.example/return", type: "PAY_RETURN", isDeepLink: "N" },
    amount: { value: "10000.00", currency: "IDR" },
    additionalInfo: {
      channel,
      orderTitle: "Shoes",
      lineItems: [{ name: "Shoes", price: "10000.00", quantity: 1 }],
    },
  };
  const input = snapInput(op(fx.bundle, "danaPayment"), identity, token, body);
  const answer = await sendSigned(base, signRequest(input));
  expect(answer.status, answer.text).toBe(200);
  return { body, externalId: input.headers?.["X-EXTERNAL-ID"] as string, answer: answer.json };
}

async function debitStatus(base: string, identity: MockIdentity, reference: string, channel: string) {
  const token = await fetchToken(base, fx.bundle, identity);
  const body = {
    originalPartnerReferenceNo: reference,
    serviceCode: "55",
    additionalInfo: { channel },
  };
  const answer = await sendSigned(
    base,
    signRequest(snapInput(op(fx.bundle, "ddDebitStatus"), identity, token, body)),
  );
  expect(answer.status, answer.text).toBe(200);
  return answer.json;
}

const failedChecks = (ds: readonly Delivery[]) =>
  ds.flatMap((d) =>
    d.checks.filter((c) => !c.ok).map((c) => `${d.flow}#${d.attempt} ${c.name}: ${c.message}`),
  );

describe("a DANA payment with the simulator on", () => {
  it("stays pending until simulate pay; the DANA merchant verifies the notification; status says 00", async () => {
    const store: EwalletStore = { orders: new Map(), applied: new Set() };
    const merchant = await serve(danaMerchant(snapConfig(), store));
    const sim = await simulator({
      notifyUrls: { "direct-debit": `${merchant}/v1.0/debit/notify` },
      tokenUrls: { "direct-debit": `${merchant}${TOKEN_PATH}` },
    });
    const created = await createPayment(sim.url, sim.identity);
    const reference = created.body.partnerReferenceNo;
    const pending = await debitStatus(sim.url, sim.identity, reference, "EMONEY_DANA_SNAP");
    expect(pending).toMatchObject({ latestTransactionStatus: "03", transactionStatusDesc: "Pending" });
    expect(pending.paidTime).toBeUndefined();
    expect(store.orders.has(reference)).toBe(false);

    const { status, json } = await simulateHttp(sim.url, { action: "pay", id: reference });
    expect(json.error).toBeUndefined();
    expect(status).toBe(200);
    const deliveries = json.deliveries as Delivery[];
    expect(deliveries.map((d) => `${d.kind}:${d.flow}:${d.verdict}`)).toEqual([
      "token:token:ok",
      "notification:dana-payment:ok",
    ]);
    expect(failedChecks(deliveries)).toEqual([]);
    const notification = deliveries[1] as Delivery;
    const sent = JSON.parse(notification.request.body) as Record<string, unknown>;
    // Valid against the webhook's request schema, and built from the payment as created.
    const validation = operationValidation(fx.bundle, "danaPaymentNotification");
    const findings = validateRequest(validation, {
      headers: notification.request.headers,
      body: sent,
    });
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(sent).toMatchObject({
      originalPartnerReferenceNo: reference,
      originalReferenceNo: created.answer.referenceNo,
      originalExternalId: created.externalId,
      latestTransactionStatus: "00",
      amount: { value: "10000.00", currency: "IDR" },
      additionalInfo: { channelId: "EMONEY_DANA_SNAP", accountType: "EMONEY" },
      lineItems: created.body.additionalInfo.lineItems,
    });
    // The merchant authenticated it and applied it.
    expect(store.orders.get(reference)).toBe("00");
    const after = await debitStatus(sim.url, sim.identity, reference, "EMONEY_DANA_SNAP");
    expect(after).toMatchObject({ latestTransactionStatus: "00", transactionStatusDesc: "Success" });
    expect(typeof after.paidTime).toBe("string");

    const again = await simulateHttp(sim.url, { action: "pay", id: reference });
    expect(again.status).toBe(409);
    expect(again.json.error).toMatch(/already paid and not reusable/);
  });

  it("sends the generic flow for another channel; a 500 merchant gets DOKU's retries on the compressed clock", async () => {
    const store = newStore();
    const inner = ddMerchant(snapConfig(), store);
    let failures = 2;
    const flaky = createServer((req, res) => {
      if (req.url?.startsWith("/v1.0/debit/notify") && failures > 0) {
        failures -= 1;
        req.resume();
        res.writeHead(500, { "Content-Type": "application/json" }).end("{}");
        return;
      }
      inner.emit("request", req, res);
    });
    const merchant = await serve(flaky);
    const sim = await simulator({
      notifyUrls: { "direct-debit": `${merchant}/v1.0/debit/notify` },
      tokenUrls: { "direct-debit": `${merchant}${TOKEN_PATH}` },
    });
    const created = await createPayment(sim.url, sim.identity, "EMONEY_SHOPEE_PAY_SNAP");
    const reference = created.body.partnerReferenceNo;
    const { status, json } = await simulateHttp(sim.url, { action: "pay", id: reference });
    expect(status).toBe(200);
    const first = (json.deliveries as Delivery[]).filter((d) => d.kind === "notification");
    expect(first.map((d) => [d.flow, d.attempt, d.response?.status, d.verdict])).toEqual([
      ["direct-debit-payment", 1, 500, "retry"],
    ]);
    // 30 min and 6 h after the original, at 0.001x: 1.8 s and 21.6 s.
    await until(
      () =>
        sim.simulator.deliveries.some(
          (d) => d.kind === "notification" && d.attempt === 3 && d.verdict === "ok",
        ),
      30_000,
    );
    const attempts = sim.simulator.deliveries.filter((d) => d.kind === "notification");
    expect(attempts.map((d) => [d.attempt, d.response?.status])).toEqual([
      [1, 500],
      [2, 500],
      [3, 200],
    ]);
    const gap = (a: Delivery, b: Delivery) => Date.parse(b.sentAt) - Date.parse(a.sentAt);
    expect(gap(attempts[0] as Delivery, attempts[1] as Delivery)).toBeGreaterThanOrEqual(1_700);
    expect(gap(attempts[0] as Delivery, attempts[2] as Delivery)).toBeGreaterThanOrEqual(21_000);
    expect(store.orders.get(reference)).toMatchObject({
      status: "00",
      channel: "EMONEY_SHOPEE_PAY_SNAP",
      amount: "10000.00",
    });
    expect(
      (await debitStatus(sim.url, sim.identity, reference, "EMONEY_SHOPEE_PAY_SNAP")).latestTransactionStatus,
    ).toBe("00");
  }, 40_000);

  it("fail and expire settle a pending payment without a notification (06 / 05)", async () => {
    const merchant = await serve(danaMerchant(snapConfig()));
    const sim = await simulator({ notifyUrls: { "direct-debit": `${merchant}/v1.0/debit/notify` } });
    const failed = await createPayment(sim.url, sim.identity);
    const expired = await createPayment(sim.url, sim.identity);
    const f = await simulateHttp(sim.url, { action: "fail", id: failed.body.partnerReferenceNo });
    expect(f.status).toBe(200);
    expect(f.json.deliveries).toEqual([]);
    const e = await simulateHttp(sim.url, { action: "expire", id: expired.body.partnerReferenceNo });
    expect(e.status).toBe(200);
    const status = async (ref: string) =>
      (await debitStatus(sim.url, sim.identity, ref, "EMONEY_DANA_SNAP")).latestTransactionStatus;
    expect(await status(failed.body.partnerReferenceNo)).toBe("06");
    expect(await status(expired.body.partnerReferenceNo)).toBe("05");
    const pay = await simulateHttp(sim.url, { action: "pay", id: failed.body.partnerReferenceNo });
    expect(pay.status).toBe(409);
  });
});

describe("without a Notification URL for the family", () => {
  it("a payment completes at once, as before (check status 00)", async () => {
    const merchant = await serve(danaMerchant(snapConfig()));
    // The simulator is on for the VA family only.
    const sim = await simulator({ notifyUrls: { "snap-va": `${merchant}/v1.1/transfer-va/payment` } });
    const created = await createPayment(sim.url, sim.identity);
    const status = await debitStatus(
      sim.url,
      sim.identity,
      created.body.partnerReferenceNo,
      "EMONEY_DANA_SNAP",
    );
    expect(status).toMatchObject({ latestTransactionStatus: "00", transactionStatusDesc: "Success" });
    expect(typeof status.paidTime).toBe("string");
    const again = await simulateHttp(sim.url, { action: "pay", id: created.body.partnerReferenceNo });
    expect(again.status).toBe(409);
  });
});
