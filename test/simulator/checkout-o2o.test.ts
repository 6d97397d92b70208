/**
 * The simulator's Checkout and convenience-store families end to end: orders and payment codes created through
 * the mock's API (signed), paid with `simulate pay` (the admin route, and once the spawned CLI), the reference
 * merchants verify and apply the signed non-SNAP notification, check status reports SUCCESS with the paid date,
 * a second payment is refused, a merchant answering 500 gets DOKU's retries on a compressed clock.
 */
import { createServer } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSpecBundle } from "../../conformance/bundle.js";
import {
  createMerchant as checkoutMerchant,
  emptyStore,
} from "../../examples/merchants/checkout-notification.js";
import {
  type StoreNotificationStore,
  createMerchant as storeMerchant,
} from "../../examples/merchants/o2o-notification.js";
import type { SpecBundle } from "../../src/model/operation.js";
import { signRequest } from "../../src/signatures/request-signer.js";
import { type RunningSimulator, startSimulator } from "../../src/simulator/index.js";
import type { Delivery } from "../../src/simulator/types.js";
import { operationValidation, validateRequest } from "../../src/validation/validate.js";
import { type Listening, listen } from "../callbacks/helpers.js";
import { spawnBin } from "../reliability/bin.js";
import {
  createCheckoutOrder,
  createStoreCode,
  orderStatus,
  sharedIdentity,
  simulateHttp,
  until,
} from "./helpers.js";

let bundle: SpecBundle;
let sim: RunningSimulator;
const open: { close(): Promise<void> }[] = [];
const checkoutOrders = emptyStore();
const storeOrders: StoreNotificationStore = { orders: new Map(), applied: new Set() };

beforeAll(async () => {
  bundle = await loadSpecBundle();
  const identity = sharedIdentity();
  const config = { clientId: identity.clientId, secretKey: identity.secretKey };
  const checkout: Listening = await listen(checkoutMerchant(config, checkoutOrders));
  const stores: Listening = await listen(storeMerchant(config, storeOrders));
  open.push(checkout, stores);
  sim = await startSimulator({
    bundle,
    identity,
    notifyUrls: {
      checkout: `${checkout.base}/payments/notifications`,
      "o2o-alfa": `${stores.base}/payments/notifications`,
      "o2o-indomaret": `${stores.base}/payments/notifications`,
    },
    retryScale: 0.001,
  });
  open.push(sim);
});

afterAll(async () => {
  for (const o of open.splice(0).reverse()) await o.close();
});

const failedChecks = (ds: readonly Delivery[]) =>
  ds.flatMap((d) =>
    d.checks.filter((c) => !c.ok).map((c) => `${d.flow}#${d.attempt} ${c.name}: ${c.message}`),
  );

/** Schema errors of a sent notification against its webhook's request schema. */
function schemaErrors(operationId: string, d: Delivery): string[] {
  return validateRequest(operationValidation(bundle, operationId), {
    body: JSON.parse(d.request.body),
    headers: d.request.headers,
  })
    .filter((v) => v.severity === "error")
    .map((v) => v.message);
}

describe("paying a DOKU Checkout order created on the mock", () => {
  it("notifies the merchant (verified, applied, acknowledged), check status says SUCCESS, a second payment is refused", async () => {
    const order = await createCheckoutOrder(sim.url, bundle, sim.identity, 10500);
    const before = await orderStatus(sim.url, bundle, sim.identity, order.invoice);
    expect(before.transaction).toMatchObject({ status: "PENDING" });
    const item = sim.simulator.items().find((i) => i.id === order.invoice);
    expect(item).toMatchObject({ family: "checkout", kind: "order", status: "pending", reusable: false });

    const { status, json } = await simulateHttp(sim.url, { action: "pay", id: order.invoice });
    expect(status).toBe(200);
    const deliveries = json.deliveries as Delivery[];
    expect(deliveries.map((d) => [d.flow, d.kind, d.verdict])).toEqual([
      ["checkout-notification", "notification", "ok"],
    ]);
    const sent = deliveries[0] as Delivery;
    expect(sent.request.headers.Signature).toMatch(/^HMACSHA256=/);
    const body = JSON.parse(sent.request.body);
    expect(body).toMatchObject({
      transaction: { status: "SUCCESS", original_request_id: order.requestId },
      order: { invoice_number: order.invoice, amount: 10500 },
    });
    expect(body.transaction.date).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(schemaErrors("checkoutNotification", sent)).toEqual([]);
    expect(failedChecks(deliveries)).toEqual([]);
    // The reference merchant verified the signature and marked the order paid.
    expect(checkoutOrders.orders.get(order.invoice)).toBe("PAID");
    expect(checkoutOrders.applied.get(sent.request.headers["Request-Id"] ?? "")).toBe(1);

    const after = await orderStatus(sim.url, bundle, sim.identity, order.invoice);
    expect(after.transaction).toMatchObject({ status: "SUCCESS", date: body.transaction.date });
    expect(after.channel).toEqual(body.channel);

    const again = await simulateHttp(sim.url, { action: "pay", id: order.requestId });
    expect(again.status).toBe(409);
    expect(again.json.error).toMatch(/already paid and not reusable/);
    const fail = await simulateHttp(sim.url, { action: "fail", id: order.invoice });
    expect(fail.status).toBe(409);
  });

  it("an expired order is refused; its token finds it; fail is refused with DOKU's reason", async () => {
    const order = await createCheckoutOrder(sim.url, bundle, sim.identity);
    const fail = await simulateHttp(sim.url, { action: "fail", id: order.tokenId });
    expect(fail.status).toBe(409);
    expect(fail.json.error).toMatch(/ignore transaction.status FAILED/);
    expect((await simulateHttp(sim.url, { action: "expire", id: order.invoice })).status).toBe(200);
    expect((await orderStatus(sim.url, bundle, sim.identity, order.invoice)).transaction).toMatchObject({
      status: "EXPIRED",
    });
    const pay = await simulateHttp(sim.url, { action: "pay", id: order.invoice });
    expect(pay.status).toBe(409);
    expect(pay.json.error).toMatch(/expired/);
  });
});

describe("the Checkout payment URL the mock hands out", () => {
  it("serves the kit's stand-in page (escaped, linking to the simulator); an unknown token is 404", async () => {
    const order = await createCheckoutOrder(sim.url, bundle, sim.identity, 12345);
    expect(order.url.startsWith(`${sim.url}/checkout/link/`)).toBe(true);
    const page = await fetch(order.url);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).toMatch(/stand-in/);
    expect(html).toMatch(/not<\/strong> DOKU's hosted Checkout page/);
    expect(html).toContain('href="/_simulator"');
    expect(html).toContain(order.invoice);
    expect(html).toContain("12345 IDR");
    expect(html).not.toMatch(/<script/i);
    const evil = await fetch(`${sim.url}/checkout/link/${encodeURIComponent('<script>alert("x")</script>')}`);
    expect(evil.status).toBe(404);
    const text = await evil.text();
    expect(text).not.toContain("<script>");
    expect(text).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
  });
});

describe("paying a convenience-store payment code created on the mock", () => {
  it("Indomaret: notifies the store merchant with the code, check status says SUCCESS, paid once", async () => {
    const code = await createStoreCode(sim.url, bundle, sim.identity, "indomaretCreatePaymentCode");
    const { status, json } = await simulateHttp(sim.url, { action: "pay", id: code.code });
    expect(status).toBe(200);
    expect((json.item as { family: string }).family).toBe("o2o-indomaret");
    const deliveries = json.deliveries as Delivery[];
    expect(deliveries.map((d) => [d.flow, d.verdict])).toEqual([["indomaret-notification", "ok"]]);
    const sent = deliveries[0] as Delivery;
    const body = JSON.parse(sent.request.body);
    expect(body).toMatchObject({
      service: { id: "ONLINE_TO_OFFLINE" },
      acquirer: { id: "INDOMARET" },
      channel: { id: "ONLINE_TO_OFFLINE_INDOMARET" },
      transaction: { status: "SUCCESS", original_request_id: code.requestId },
      order: { invoice_number: code.invoice, amount: 150000 },
      online_to_offline_info: { payment_code: code.code, reusable_status: "false" },
    });
    expect(schemaErrors("indomaretNotification", sent)).toEqual([]);
    expect(failedChecks(deliveries)).toEqual([]);
    expect(storeOrders.orders.get(code.invoice)).toEqual({
      status: "SUCCESS",
      channel: "ONLINE_TO_OFFLINE_INDOMARET",
      paymentCode: code.code,
    });
    const after = await orderStatus(sim.url, bundle, sim.identity, code.invoice);
    expect(after.transaction).toMatchObject({ status: "SUCCESS", date: body.transaction.date });
    const again = await simulateHttp(sim.url, { action: "pay", id: code.invoice });
    expect(again.status).toBe(409);
    expect(again.json.error).toMatch(/already paid and not reusable/);
  });

  it("Alfa: a reusable code is paid twice; the store codes are not non-snap-va items", async () => {
    const code = await createStoreCode(sim.url, bundle, sim.identity, "alfaCreatePaymentCode", true, 20000);
    const first = await simulateHttp(sim.url, { action: "pay", id: code.code });
    expect(first.status).toBe(200);
    expect((first.json.deliveries as Delivery[])[0]?.flow).toBe("alfa-notification");
    expect(schemaErrors("alfaNotification", (first.json.deliveries as Delivery[])[0] as Delivery)).toEqual(
      [],
    );
    const second = await simulateHttp(sim.url, { action: "pay", id: code.code });
    expect(second.status).toBe(200);
    expect((second.json.item as { payments: unknown[] }).payments).toHaveLength(2);
    const items = sim.simulator.items().filter((i) => i.id === code.code);
    expect(items.map((i) => i.family)).toEqual(["o2o-alfa"]);
  });
});

describe("a Checkout merchant that answers 500", () => {
  it("gets the original and DOKU's 3 retries on the compressed schedule, same Request-Id and body", async () => {
    const failing = await listen(
      createServer((_req, res) => {
        res.writeHead(500, { "Content-Type": "application/json" }).end('{"error":"down"}');
      }),
    );
    open.push(failing);
    const scale = 0.00005; // 30 min -> 90 ms, 6 h -> 1.08 s, 12 h -> 2.16 s
    const local = await startSimulator({
      bundle,
      identity: sharedIdentity(),
      notifyUrls: { checkout: `${failing.base}/payments/notifications` },
      retryScale: scale,
    });
    open.push(local);
    const order = await createCheckoutOrder(local.url, bundle, local.identity);
    await simulateHttp(local.url, { action: "pay", id: order.invoice });
    const attempts = () => local.simulator.deliveries.filter((d) => d.itemId === order.invoice);
    await until(() => attempts().length === 4, 15_000);
    const all = attempts();
    expect(all.map((d) => [d.flow, d.response?.status, d.verdict])).toEqual([
      ["checkout-notification", 500, "retry"],
      ["checkout-notification", 500, "retry"],
      ["checkout-notification", 500, "retry"],
      ["checkout-notification", 500, "failed"],
    ]);
    const original = Date.parse(all[0]?.sentAt ?? "");
    const planned = [1800, 21600, 43200].map((s) => s * 1000 * scale);
    all.slice(1).forEach((d, i) => {
      const offset = Date.parse(d.sentAt) - original;
      expect(offset).toBeGreaterThanOrEqual((planned[i] ?? 0) - 5);
      expect(offset).toBeLessThan((planned[i] ?? 0) + 1000);
    });
    expect(new Set(all.map((d) => d.request.headers["Request-Id"])).size).toBe(1);
    expect(new Set(all.map((d) => d.request.body)).size).toBe(1);
    expect(all[0]?.checks.find((c) => c.name === "no-5xx")?.ok).toBe(false);
  });
});

describe("`simulate pay` from the CLI (compiled bin; npm run build first)", () => {
  it("pays an Indomaret code on a spawned mock; the store merchant gets the notification", async () => {
    const env = { DOKU_CLIENT_ID: "BRN-0001-1234567890123", DOKU_SECRET_KEY: "SK-simulate-store-codes" };
    const received: StoreNotificationStore = { orders: new Map(), applied: new Set() };
    const merchant = await listen(
      storeMerchant({ clientId: env.DOKU_CLIENT_ID, secretKey: env.DOKU_SECRET_KEY }, received),
    );
    open.push(merchant);
    const mock = spawnBin(["mock", "--notify-url", `o2o-indomaret=${merchant.base}/payments/notifications`], {
      env,
    });
    try {
      const line = await mock.waitFor(/^listening on /);
      const url = line.replace("listening on ", "").trim();
      const path = "/indomaret-online-to-offline/v2/payment-code";
      const operation = bundle.operations.find((o) => o.id === "indomaretCreatePaymentCode");
      expect(operation?.path).toBe(path);
      const invoice = `INV-CLI-${Date.now()}`;
      const signed = signRequest({
        auth: "nonsnap-hmac",
        method: "POST",
        path,
        body: JSON.stringify({
          order: { invoice_number: invoice, amount: 75000 },
          online_to_offline_info: { expired_time: 60, reusable_status: false, info: "Thanks" },
          customer: { name: "Taufik Ismail", email: "taufik@example.com" },
        }),
        headers: { "Content-Type": "application/json" },
        credentials: { clientId: env.DOKU_CLIENT_ID, secretKey: env.DOKU_SECRET_KEY },
      });
      const created = await fetch(url + path, { method: "POST", headers: signed.headers, body: signed.body });
      expect(created.status).toBe(200);
      const code = ((await created.json()) as { online_to_offline_info: { payment_code: string } })
        .online_to_offline_info.payment_code;
      const pay = spawnBin(["simulate", "pay", code, "--mock", url]);
      expect(await pay.exit).toBe(0);
      expect(pay.lines.join("\n")).toMatch(/is paid \(paid 75000/);
      expect(received.orders.get(invoice)).toMatchObject({ status: "SUCCESS", paymentCode: code });
      const again = spawnBin(["simulate", "pay", invoice, "--mock", url]);
      expect(await again.exit).toBe(1);
      expect(again.stderr()).toMatch(/already paid and not reusable/);
    } finally {
      mock.child.kill("SIGINT");
      expect(await mock.exit).toBe(0);
    }
  });
});
