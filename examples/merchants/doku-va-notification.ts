/**
 * Reference merchant: non-SNAP HTTP Notification receiver (flow doku-va-notification).
 *
 *   DOKU_CLIENT_ID=... DOKU_SECRET_KEY=... node --import tsx examples/merchants/doku-va-notification.ts
 *   doku-conformance callback --flow doku-va-notification --url http://127.0.0.1:8081/payments/notifications
 *
 * 1. the adapter reads the raw body, 2. verifyDokuCallback checks the Signature over those bytes (401 if it
 * fails, nothing processed),
 * 3. de-duplicate on Request-Id (a redelivery gets the same 200), 4. apply transaction.status to the order,
 * 5. answer 2xx quickly — DOKU retries anything else (30 min, 6 h, 12 h).
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

/** Orders by invoice number and the Request-Ids already applied. */
export interface NotificationStore {
  orders: Map<string, string>;
  applied: Set<string>;
}

export function createMerchant(
  config: NonSnapConfig,
  store: NotificationStore = { orders: new Map(), applied: new Set() },
): Server {
  return nonSnapCallbackServer(config, "dokuVaNotification", (request, body) => {
    const requestId = headerOf(request, "Request-Id");
    if (!store.applied.has(requestId)) {
      const notification = body as Notification | undefined;
      const invoice = notification?.order?.invoice_number;
      // Unknown invoices are acknowledged too: DOKU is the source of truth for the payment; log and reconcile.
      if (invoice !== undefined) store.orders.set(invoice, notification?.transaction?.status ?? "UNKNOWN");
      store.applied.add(requestId);
    }
    return dokuAnswers.dokuVaNotification();
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runFromEnv("/payments/notifications", 8081, (env) =>
    createMerchant({ clientId: env.clientId, secretKey: env.secretKey }),
  );
}
