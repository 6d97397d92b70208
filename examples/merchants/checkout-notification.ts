/**
 * Reference merchant: HTTP Notification receiver for DOKU Checkout orders (flow checkout-notification).
 *
 *   DOKU_CLIENT_ID=... DOKU_SECRET_KEY=... node --import tsx examples/merchants/checkout-notification.ts
 *   doku-conformance callback --flow checkout-notification --url http://127.0.0.1:8087/payments/notifications
 *
 * 1. read the raw body, 2. verify the non-SNAP Signature over those bytes (401 if it fails, nothing processed),
 * 3. de-duplicate on Request-Id (a redelivery gets the same 200 and is applied once), 4. mark the order paid on
 * transaction.status SUCCESS and IGNORE FAILED — DOKU: "if you are integrating with Checkout, you must ignore
 * the transaction.status FAILED" (the customer may still pay with another channel on the Checkout page),
 * 5. answer 2xx quickly — DOKU retries anything else.
 */
import { createServer, type Server } from "node:http";
import { parseJson, rawBody, sendJson } from "./lib/http.js";
import { runFromEnv } from "./lib/main.js";
import { type NonSnapConfig, verifyDokuRequest } from "./lib/nonsnap.js";

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
export function applyNotification(store: CheckoutStore, requestId: string, body: Buffer): void {
  const notification = parseJson(body) as Notification | undefined;
  const invoice = notification?.order?.invoice_number;
  // Unknown invoices are acknowledged too: DOKU is the source of truth for the payment; log and reconcile.
  if (invoice !== undefined && notification?.transaction?.status === "SUCCESS")
    store.orders.set(invoice, "PAID");
  store.applied.set(requestId, (store.applied.get(requestId) ?? 0) + 1);
}

export function createMerchant(config: NonSnapConfig, store: CheckoutStore = emptyStore()): Server {
  return createServer(async (req, res) => {
    const body = await rawBody(req);
    const problem = verifyDokuRequest(req, body, config);
    if (problem !== undefined) {
      sendJson(res, 401, { error: "unauthorized", reason: problem });
      return;
    }
    const requestId = req.headers["request-id"] as string;
    if (!store.applied.has(requestId)) applyNotification(store, requestId, body);
    sendJson(res, 200, { status: "received" });
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runFromEnv("/payments/notifications", 8087, (env) =>
    createMerchant({ clientId: env.clientId, secretKey: env.secretKey }),
  );
}
