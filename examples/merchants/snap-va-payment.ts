/**
 * Reference merchant: SNAP VA payment notification (flow snap-va-payment), with the token endpoint.
 *
 *   DOKU_CLIENT_ID=... DOKU_SECRET_KEY=... DOKU_PUBLIC_KEY_FILE=doku-public.pem [CALLBACK_AUTH=snap-hmac] \
 *     node --import tsx examples/merchants/snap-va-payment.ts
 *   doku-conformance callback --flow snap-va-payment --url http://127.0.0.1:8084/v1.1/transfer-va/payment \
 *     --token-url http://127.0.0.1:8084/v1.0/access-token/b2b --doku-private-key <the key behind that public key>
 *
 * Authenticate first (401 4012501, nothing processed); then apply the payment once per X-EXTERNAL-ID — a
 * redelivery gets the answer it got the first time — and acknowledge with 2002500, echoing the VA.
 */
import type { Server } from "node:http";
import { parseJson, sendText } from "./lib/http.js";
import { runFromEnv } from "./lib/main.js";
import { type SnapConfig, snapCallbackServer, snapConfigOf } from "./lib/snap.js";

export { TOKEN_PATH } from "./lib/snap.js";

interface Payment {
  partnerServiceId?: string;
  customerNo?: string;
  virtualAccountNo?: string;
  virtualAccountName?: string;
  trxId?: string;
  paymentRequestId?: string;
  paidAmount?: { value?: string };
}

/** Paid amounts by trxId, and the answer given to each X-EXTERNAL-ID. */
export interface PaymentStore {
  paid: Map<string, string>;
  answers: Map<string, string>;
}

export function createMerchant(
  config: SnapConfig,
  store: PaymentStore = { paid: new Map(), answers: new Map() },
): Server {
  return snapCallbackServer(
    config,
    () => "4012501",
    (req, res, body) => {
      const externalId = String(req.headers["x-external-id"] ?? "");
      const previous = store.answers.get(externalId);
      if (previous !== undefined) {
        sendText(res, 200, previous);
        return;
      }
      const payment = (parseJson(body) ?? {}) as Payment;
      // Unknown VAs are acknowledged too: DOKU is the source of truth for the payment; log and reconcile.
      if (payment.trxId !== undefined) store.paid.set(payment.trxId, payment.paidAmount?.value ?? "");
      const answer = JSON.stringify({
        responseCode: "2002500",
        responseMessage: "Success",
        virtualAccountData: {
          partnerServiceId: payment.partnerServiceId,
          customerNo: payment.customerNo,
          virtualAccountNo: payment.virtualAccountNo,
          virtualAccountName: payment.virtualAccountName,
          ...(payment.paymentRequestId === undefined ? {} : { paymentRequestId: payment.paymentRequestId }),
        },
      });
      store.answers.set(externalId, answer);
      sendText(res, 200, answer);
    },
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runFromEnv("/v1.1/transfer-va/payment", 8084, (env) => createMerchant(snapConfigOf(env)));
}
