/**
 * Flow checkout-notification: the reference Checkout receiver (examples/merchants/checkout-notification.ts) is
 * certified, and the deliberately broken one (checkout-notification-broken.ts: no signature check, credits
 * every redelivery) is refused for exactly those two flaws.
 */
import { createServer } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import {
  applyNotification,
  type CheckoutStore,
  createMerchant,
  emptyStore,
} from "../../examples/merchants/checkout-notification.js";
import { createBrokenMerchant } from "../../examples/merchants/checkout-notification-broken.js";
import { CLIENT_ID, certify, checkNames, errorsOf, type Listening, listen, SECRET_KEY } from "./helpers.js";

const running: Listening[] = [];
afterEach(async () => {
  for (const r of running.splice(0)) await r.close();
});

/** The --ledger-url hook over a merchant's store: GET ?key=<Request-Id> -> {"processed": n}. */
async function ledgerFor(store: CheckoutStore): Promise<string> {
  const server = await listen(
    createServer((req, res) => {
      const key = new URL(req.url ?? "/", "http://x").searchParams.get("key") ?? "";
      res
        .writeHead(200, { "Content-Type": "application/json" })
        .end(JSON.stringify({ processed: store.applied.get(key) ?? 0 }));
    }),
  );
  running.push(server);
  return `${server.base}/ledger`;
}

async function certifyMerchant(broken: boolean) {
  const store = emptyStore();
  const server = await listen(
    broken
      ? createBrokenMerchant(store)
      : createMerchant({ clientId: CLIENT_ID, secretKey: SECRET_KEY }, store),
  );
  running.push(server);
  const summary = await certify({
    url: `${server.base}/payments/notifications`,
    flow: "checkout-notification",
    ledgerUrl: await ledgerFor(store),
  });
  return { summary, store };
}

describe("checkout-notification", () => {
  it("certifies the reference receiver, which paid orders only on SUCCESS and applied each Request-Id once", async () => {
    const { summary, store } = await certifyMerchant(false);
    expect(errorsOf(summary)).toEqual([]);
    expect(summary.exitCode).toBe(0);
    expect(summary.kinds.property?.cases).toBeGreaterThan(0);
    expect(store.applied.size).toBeGreaterThan(0);
    expect([...store.applied.values()].every((n) => n === 1)).toBe(true);
  });

  it("refuses the broken receiver: forged callbacks accepted and applied, redeliveries applied twice", async () => {
    const { summary } = await certifyMerchant(true);
    expect(summary.exitCode).toBe(1);
    expect(checkNames(summary)).toContain("forged-rejected");
    expect(checkNames(summary)).toContain("ledger");
    expect(errorsOf(summary)).toContain("forged-rejected /headers/Signature status-code");
    const ledgerRules = summary.violations.filter((v) => v.check === "ledger").map((v) => v.rule);
    expect(ledgerRules).toContain("processed-once");
    expect(ledgerRules).toContain("processed-never");
  });

  it("certifies the reference receiver with DOKU's BCA VA notification sample as --body", async () => {
    const server = await listen(createMerchant({ clientId: CLIENT_ID, secretKey: SECRET_KEY }));
    running.push(server);
    const body = JSON.stringify({
      service: { id: "VIRTUAL_ACCOUNT" },
      acquirer: { id: "BCA" },
      channel: { id: "VIRTUAL_ACCOUNT_BCA" },
      transaction: {
        status: "SUCCESS",
        date: "2021-01-27T03:24:23Z",
        original_request_id: "15022aab-444f-4b04-afa8-ddfce89432ec",
      },
      order: { invoice_number: "INV-20210124-0001", amount: 150000 },
      virtual_account_info: { virtual_account_number: "1900600000000046" },
    });
    const summary = await certify({
      url: `${server.base}/payments/notifications`,
      flow: "checkout-notification",
      body,
    });
    expect(errorsOf(summary)).toEqual([]);
    expect(summary.exitCode).toBe(0);
  });

  it("the reference ignores transaction.status FAILED (DOKU: Checkout merchants must) and pays on SUCCESS", () => {
    const store = emptyStore();
    const notify = (status: string, requestId: string) =>
      applyNotification(store, requestId, {
        order: { invoice_number: "INV-1", amount: 1 },
        transaction: { status },
      });
    notify("FAILED", "r1");
    expect(store.orders.has("INV-1")).toBe(false);
    notify("SUCCESS", "r2");
    expect(store.orders.get("INV-1")).toBe("PAID");
    notify("FAILED", "r3");
    expect(store.orders.get("INV-1")).toBe("PAID");
  });
});
