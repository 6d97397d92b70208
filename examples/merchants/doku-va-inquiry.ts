/**
 * Reference merchant: non-SNAP DOKU VA Direct Inquiry (flow doku-va-inquiry).
 *
 *   DOKU_CLIENT_ID=... DOKU_SECRET_KEY=... node --import tsx examples/merchants/doku-va-inquiry.ts
 *   doku-conformance callback --flow doku-va-inquiry --url http://127.0.0.1:8082/payments/inquiry --body bill.json
 *
 * Verify the Signature over the raw body (401, no bill data, if it fails); look the payment code up; answer
 * with the bill and the HTTP status DOKU expects for virtual_account_inquiry.status (success 200; decline,
 * billing_already_paid, billing_was_expired 400; billing_not_found 404); sign the answer (Response-Timestamp
 * variant). customer.name is at most 20 characters in an inquiry answer.
 */
import { createServer, type Server } from "node:http";
import { parseJson, rawBody, sendJson, sendText } from "./lib/http.js";
import { runFromEnv } from "./lib/main.js";
import { type NonSnapConfig, signAnswer, verifyDokuRequest } from "./lib/nonsnap.js";

export interface Bill {
  invoiceNumber: string;
  amount: number;
  customerName: string;
  status: "success" | "decline" | "billing_already_paid" | "billing_was_expired";
}

const STATUS: Record<string, number> = {
  success: 200,
  decline: 400,
  billing_already_paid: 400,
  billing_was_expired: 400,
  billing_not_found: 404,
};

/** The answer body for a payment code (the same shape serves every status). */
function answerFor(vaNumber: string, bill: Bill | undefined) {
  return {
    order: { invoice_number: bill?.invoiceNumber ?? "", amount: bill?.amount ?? 0 },
    virtual_account_info: { billing_type: "FIX_BILL", virtual_account_number: vaNumber },
    virtual_account_inquiry: { status: bill?.status ?? "billing_not_found" },
    customer: { name: (bill?.customerName ?? "").slice(0, 20) },
  };
}

export function createMerchant(config: NonSnapConfig, bills: ReadonlyMap<string, Bill>): Server {
  return createServer(async (req, res) => {
    const body = await rawBody(req);
    const problem = verifyDokuRequest(req, body, config);
    if (problem !== undefined) {
      sendJson(res, 401, { error: "unauthorized", reason: problem });
      return;
    }
    const inquiry = parseJson(body) as
      | { virtual_account_info?: { virtual_account_number?: string } }
      | undefined;
    const vaNumber = String(inquiry?.virtual_account_info?.virtual_account_number ?? "");
    const answer = answerFor(vaNumber, bills.get(vaNumber));
    const text = JSON.stringify(answer);
    sendText(res, STATUS[answer.virtual_account_inquiry.status] ?? 500, text, signAnswer(req, text, config));
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
