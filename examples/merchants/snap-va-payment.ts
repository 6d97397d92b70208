/**
 * Reference merchant: SNAP VA payment notification (flow snap-va-payment), with the token endpoint.
 *
 *   DOKU_CLIENT_ID=... DOKU_SECRET_KEY=... DOKU_PUBLIC_KEY_FILE=doku-public.pem [CALLBACK_AUTH=snap-hmac] \
 *     node --import tsx examples/merchants/snap-va-payment.ts
 *   doku-conformance callback --flow snap-va-payment --url http://127.0.0.1:8084/v1.1/transfer-va/payment \
 *     --token-url http://127.0.0.1:8084/v1.0/access-token/b2b --doku-private-key <the key behind that public key>
 *
 * Authenticate first with verifyDokuCallback (401 4012501, nothing processed); then apply the payment once per X-EXTERNAL-ID — a
 * redelivery gets the answer it got the first time — and acknowledge with 2002500, echoing the VA.
 */
import type { Server } from "node:http";
import { type DokuAnswer, dokuAnswers } from "../../conformance/index.js";
import { runFromEnv } from "./lib/main.js";
import { headerOf, type SnapConfig, snapCallbackServer, snapConfigOf } from "./lib/snap.js";

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
  answers: Map<string, DokuAnswer>;
}

export function createMerchant(
  config: SnapConfig,
  store: PaymentStore = { paid: new Map(), answers: new Map() },
): Server {
  return snapCallbackServer(config, "snapVaPaymentNotification", (request, body) => {
    const externalId = headerOf(request, "X-EXTERNAL-ID");
    const previous = store.answers.get(externalId);
    if (previous !== undefined) return previous;
    const payment = (body ?? {}) as Payment;
    // Unknown VAs are acknowledged too: DOKU is the source of truth for the payment; log and reconcile.
    if (payment.trxId !== undefined) store.paid.set(payment.trxId, payment.paidAmount?.value ?? "");
    const answer = dokuAnswers.snapVaPayment({
      virtualAccountData: {
        ...(payment.partnerServiceId === undefined ? {} : { partnerServiceId: payment.partnerServiceId }),
        ...(payment.customerNo === undefined ? {} : { customerNo: payment.customerNo }),
        ...(payment.virtualAccountNo === undefined ? {} : { virtualAccountNo: payment.virtualAccountNo }),
        ...(payment.virtualAccountName === undefined
          ? {}
          : { virtualAccountName: payment.virtualAccountName }),
        ...(payment.paymentRequestId === undefined ? {} : { paymentRequestId: payment.paymentRequestId }),
      },
    });
    store.answers.set(externalId, answer);
    return answer;
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runFromEnv("/v1.1/transfer-va/payment", 8084, (env) => createMerchant(snapConfigOf(env)));
}
