/**
 * Reference merchant: SNAP e-wallet (DANA) payment notification (flow dana-payment), with the token endpoint.
 *
 *   DOKU_CLIENT_ID=... DOKU_SECRET_KEY=... DOKU_PUBLIC_KEY_FILE=doku-public.pem [CALLBACK_AUTH=snap-hmac] \
 *     node --import tsx examples/merchants/dana-payment.ts
 *   doku-conformance callback --flow dana-payment --url http://127.0.0.1:8085/v1.0/debit/notify \
 *     --token-url http://127.0.0.1:8085/v1.0/access-token/b2b --doku-private-key <the key behind that public key>
 *
 * Authenticate first (401, nothing processed); apply latestTransactionStatus once per X-EXTERNAL-ID; answer
 * 2xx. DOKU documents no answer body for e-wallet notifications: dokuAnswers.danaPayment() sends 200 {}.
 */
import type { Server } from "node:http";
import { dokuAnswers } from "../../conformance/index.js";
import { runFromEnv } from "./lib/main.js";
import { headerOf, type SnapConfig, snapCallbackServer, snapConfigOf } from "./lib/snap.js";

export { TOKEN_PATH } from "./lib/snap.js";

interface EwalletNotification {
  originalPartnerReferenceNo?: string;
  latestTransactionStatus?: string;
}

/** Order statuses by partner reference, and the X-EXTERNAL-IDs already applied. */
export interface EwalletStore {
  orders: Map<string, string>;
  applied: Set<string>;
}

export function createMerchant(
  config: SnapConfig,
  store: EwalletStore = { orders: new Map(), applied: new Set() },
): Server {
  return snapCallbackServer(config, "danaPaymentNotification", (request, body) => {
    const externalId = headerOf(request, "X-EXTERNAL-ID");
    if (!store.applied.has(externalId)) {
      const notification = (body ?? {}) as EwalletNotification;
      const reference = notification.originalPartnerReferenceNo;
      if (reference !== undefined) store.orders.set(reference, notification.latestTransactionStatus ?? "");
      store.applied.add(externalId);
    }
    return dokuAnswers.danaPayment();
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runFromEnv("/v1.0/debit/notify", 8085, (env) => createMerchant(snapConfigOf(env)));
}
