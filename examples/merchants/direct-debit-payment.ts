/**
 * Reference merchant: direct debit / e-wallet payment notification on ANY channel (flow direct-debit-payment:
 * DANA, ShopeePay, OVO, Allo Bank, BRI, CIMB, Mandiri), with the token endpoint.
 *
 *   DOKU_CLIENT_ID=... DOKU_SECRET_KEY=... DOKU_PUBLIC_KEY_FILE=doku-public.pem [CALLBACK_AUTH=snap-hmac] \
 *     node --import tsx examples/merchants/direct-debit-payment.ts
 *   doku-conformance callback --flow direct-debit-payment --url http://127.0.0.1:8086/v1.0/debit/notify \
 *     --token-url http://127.0.0.1:8086/v1.0/access-token/b2b --doku-private-key <the key behind that public key>
 *
 * Authenticate first (401, nothing processed); credit the order named by originalPartnerReferenceNo once per
 * X-EXTERNAL-ID, whatever additionalInfo.channelId says (never refuse a channel you did not expect: log it);
 * answer 2xx. DOKU documents no answer body for these notifications: dokuAnswers.directDebitPayment() sends 200 {}.
 */
import type { Server } from "node:http";
import { type DokuAnswer, dokuAnswers, type ReceivedCallback } from "../../conformance/index.js";
import { runFromEnv } from "./lib/main.js";
import { headerOf, type SnapConfig, snapCallbackServer, snapConfigOf } from "./lib/snap.js";

export { TOKEN_PATH } from "./lib/snap.js";

interface DebitNotification {
  originalPartnerReferenceNo?: string;
  latestTransactionStatus?: string;
  amount?: { value?: string; currency?: string };
  additionalInfo?: { channelId?: string };
}

/** An order as the notifications left it. */
export interface Order {
  status: string;
  channel: string | undefined;
  amount: string | undefined;
}

/** Orders by partner reference, the X-EXTERNAL-IDs seen, and how often each was applied (for audits). */
export interface PaymentStore {
  orders: Map<string, Order>;
  seen: Set<string>;
  applied: Map<string, number>;
}

/** An empty store. */
export const newStore = (): PaymentStore => ({ orders: new Map(), seen: new Set(), applied: new Map() });

/** The business part: apply an authenticated notification once per X-EXTERNAL-ID, then acknowledge. */
export function handleNotification(store: PaymentStore) {
  return (request: ReceivedCallback, body: unknown): DokuAnswer => {
    const externalId = headerOf(request, "X-EXTERNAL-ID");
    if (!store.seen.has(externalId)) {
      store.seen.add(externalId);
      const notification = (body ?? {}) as DebitNotification;
      const reference = notification.originalPartnerReferenceNo;
      if (reference !== undefined)
        store.orders.set(reference, {
          status: notification.latestTransactionStatus ?? "",
          channel: notification.additionalInfo?.channelId,
          amount: notification.amount?.value,
        });
      store.applied.set(externalId, (store.applied.get(externalId) ?? 0) + 1);
    }
    return dokuAnswers.directDebitPayment();
  };
}

export function createMerchant(config: SnapConfig, store: PaymentStore = newStore()): Server {
  return snapCallbackServer(config, "directDebitPaymentNotification", handleNotification(store));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runFromEnv("/v1.0/debit/notify", 8086, (env) => createMerchant(snapConfigOf(env)));
}
