/**
 * Reference merchant: HTTP Notification receiver for DOKU Checkout orders (flow checkout-notification).
 *
 *   DOKU_CLIENT_ID=... DOKU_SECRET_KEY=... node --import tsx examples/merchants/checkout-notification.ts
 *   doku-conformance callback --flow checkout-notification --url http://127.0.0.1:8087/payments/notifications
 *
 * 1. the adapter reads the raw body, 2. verifyDokuCallback checks the non-SNAP Signature over those bytes (401
 * if it fails, nothing processed),
 * 3. de-duplicate on Request-Id (a redelivery gets the same 200 and is applied once), 4. mark the order paid on
 * transaction.status SUCCESS and IGNORE FAILED — DOKU: "if you are integrating with Checkout, you must ignore
 * the transaction.status FAILED" (the customer may still pay with another channel on the Checkout page),
 * 5. answer 2xx quickly — DOKU retries anything else.
 */
import type { Server } from "node:http";
import { dokuAnswers } from "../../conformance/index.js";
import { runFromEnv } from "./lib/main.js";
import { type NonSnapConfig, nonSnapCallbackServer } from "./lib/nonsnap.js";
import { headerOf } from "./lib/snap.js";

interface Notification {
  order?: { invoice_number?: string; amount?: number };
  transaction?: { status?: string };
}

/** The merchant's side: orders by invoice number and how often each Request-Id was applied. */
export interface CheckoutStore {
  /** invoice_number -> "PAID" once a SUCCESS notification was applied. */
  orders: Map<string, "PAID">;
  /** Request-Id -> times applied (1 for a correct receiver, whatever the redeliveries). */
  applied: Map<string, number>;
}

export const emptyStore = (): CheckoutStore => ({ orders: new Map(), applied: new Map() });

/** Applies one verified notification to the store (SUCCESS pays the order; FAILED changes nothing). */
export function applyNotification(store: CheckoutStore, requestId: string, body: unknown): void {
  const notification = body as Notification | undefined;
  const invoice = notification?.order?.invoice_number;
  // Unknown invoices are acknowledged too: DOKU is the source of truth for the payment; log and reconcile.
  if (invoice !== undefined && notification?.transaction?.status === "SUCCESS")
    store.orders.set(invoice, "PAID");
  store.applied.set(requestId, (store.applied.get(requestId) ?? 0) + 1);
}

export function createMerchant(config: NonSnapConfig, store: CheckoutStore = emptyStore()): Server {
  return nonSnapCallbackServer(config, "checkoutNotification", (request, body) => {
    const requestId = headerOf(request, "Request-Id");
    if (!store.applied.has(requestId)) applyNotification(store, requestId, body);
    return dokuAnswers.checkoutNotification();
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runFromEnv("/payments/notifications", 8087, (env) =>
    createMerchant({ clientId: env.clientId, secretKey: env.secretKey }),
  );
}
