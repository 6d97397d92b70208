/**
 * Reference merchant: convenience-store payment notification receiver (flows alfa-notification and
 * indomaret-notification; one URL can serve both, the body says which store).
 *
 *   DOKU_CLIENT_ID=... DOKU_SECRET_KEY=... node --import tsx examples/merchants/o2o-notification.ts
 *   doku-conformance callback --flow alfa-notification --url http://127.0.0.1:8093/payments/notifications
 *
 * 1. the adapter reads the raw body, 2. verifyDokuCallback checks the Signature over those bytes (401 if it
 * fails, nothing processed),
 * 3. de-duplicate on Request-Id (a redelivery gets the same 200), 4. record the store payment (status,
 * channel, payment code) on the order, 5. answer 2xx quickly — DOKU retries anything else.
 * DOKU's O2O notification sample is not visible to the kit: only the fields the spec describes are read.
 */
import type { Server } from "node:http";
import { dokuAnswers } from "../../conformance/index.js";
import { runFromEnv } from "./lib/main.js";
import { type NonSnapConfig, nonSnapCallbackServer } from "./lib/nonsnap.js";
import { headerOf } from "./lib/snap.js";

interface StoreNotification {
  order?: { invoice_number?: string };
  transaction?: { status?: string };
  channel?: { id?: string };
  online_to_offline_info?: { payment_code?: string };
}

/** What the merchant knows about a store payment. */
export interface StorePayment {
  status: string;
  channel?: string | undefined;
  paymentCode?: string | undefined;
}

/** Orders by invoice number and the Request-Ids already applied. */
export interface StoreNotificationStore {
  orders: Map<string, StorePayment>;
  applied: Set<string>;
}

export function createMerchant(
  config: NonSnapConfig,
  store: StoreNotificationStore = { orders: new Map(), applied: new Set() },
): Server {
  return nonSnapCallbackServer(config, "alfaNotification", (request, body) => {
    const requestId = headerOf(request, "Request-Id");
    if (!store.applied.has(requestId)) {
      const notification = body as StoreNotification | undefined;
      const invoice = notification?.order?.invoice_number;
      // Unknown invoices are acknowledged too: DOKU is the source of truth for the payment; log and reconcile.
      if (invoice !== undefined) {
        store.orders.set(invoice, {
          status: notification?.transaction?.status ?? "UNKNOWN",
          channel: notification?.channel?.id,
          paymentCode: notification?.online_to_offline_info?.payment_code,
        });
      }
      store.applied.add(requestId);
    }
    return dokuAnswers.alfaNotification();
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runFromEnv("/payments/notifications", 8093, (env) =>
    createMerchant({ clientId: env.clientId, secretKey: env.secretKey }),
  );
}
