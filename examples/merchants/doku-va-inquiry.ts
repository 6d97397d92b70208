/**
 * Reference merchant: non-SNAP DOKU VA Direct Inquiry (flow doku-va-inquiry).
 *
 *   DOKU_CLIENT_ID=... DOKU_SECRET_KEY=... node --import tsx examples/merchants/doku-va-inquiry.ts
 *   doku-conformance callback --flow doku-va-inquiry --url http://127.0.0.1:8082/payments/inquiry --body bill.json
 *
 * verifyDokuCallback checks the Signature over the raw body (401, no bill data, if it fails); look the payment
 * code up; dokuAnswers.dokuVaInquiry answers with the HTTP status the spec's status-by rule gives
 * virtual_account_inquiry.status (success 200; decline, billing_already_paid, billing_was_expired 400;
 * billing_not_found 404) and signs the answer (Response-Timestamp variant). customer.name is at most 20
 * characters in an inquiry answer.
 */
import type { Server } from "node:http";
import { dokuAnswers } from "../../conformance/index.js";
import { runFromEnv } from "./lib/main.js";
import { type NonSnapConfig, nonSnapCallbackServer } from "./lib/nonsnap.js";

export interface Bill {
  invoiceNumber: string;
  amount: number;
  customerName: string;
  status: "success" | "decline" | "billing_already_paid" | "billing_was_expired";
}

export function createMerchant(config: NonSnapConfig, bills: ReadonlyMap<string, Bill>): Server {
  return nonSnapCallbackServer(config, "dokuVaInquiry", (request, body) => {
    const inquiry = body as { virtual_account_info?: { virtual_account_number?: string } } | undefined;
    const vaNumber = String(inquiry?.virtual_account_info?.virtual_account_number ?? "");
    const bill = bills.get(vaNumber);
    // The same shape serves every status; the builder picks the HTTP status the status calls for.
    const answer = {
      order: { invoice_number: bill?.invoiceNumber ?? "", amount: bill?.amount ?? 0 },
      virtual_account_info: { billing_type: "FIX_BILL" as const, virtual_account_number: vaNumber },
      virtual_account_inquiry: { status: bill?.status ?? ("billing_not_found" as const) },
      customer: { name: (bill?.customerName ?? "").slice(0, 20) },
    };
    return dokuAnswers.dokuVaInquiry(answer, request, config);
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const bills = new Map<string, Bill>([
    [
      "7889940000000001",
      { invoiceNumber: "MINV20201231468", amount: 150000, customerName: "Taufik Ismail", status: "success" },
    ],
  ]);
  runFromEnv("/payments/inquiry", 8082, (env) =>
    createMerchant({ clientId: env.clientId, secretKey: env.secretKey }, bills),
  );
}
