/**
 * Reference merchant: SNAP VA Direct Inquiry (flow snap-va-inquiry), with the token endpoint DOKU calls first.
 *
 *   DOKU_CLIENT_ID=... DOKU_SECRET_KEY=... DOKU_PUBLIC_KEY_FILE=doku-public.pem [CALLBACK_AUTH=snap-hmac] \
 *     node --import tsx examples/merchants/snap-va-inquiry.ts
 *   doku-conformance callback --flow snap-va-inquiry --url http://127.0.0.1:8083/v1.1/transfer-va/inquiry \
 *     --token-url http://127.0.0.1:8083/v1.0/access-token/b2b --doku-private-key <the key behind that public key>
 *
 * POST /v1.0/access-token/b2b: verify DOKU's RSA signature, issue a token (2007300).
 * POST /v1.1/transfer-va/inquiry: verifyDokuCallback checks token, timestamp and X-SIGNATURE over the raw body
 * (401 4012400 / 4012401 if not, from the spec's case codes), then answer the bill (2002400) or 404 4042412.
 */
import type { Server } from "node:http";
import { dokuAnswers, snapAnswer, webhookOperation } from "../../conformance/index.js";
import { runFromEnv } from "./lib/main.js";
import { type SnapConfig, snapCallbackServer, snapConfigOf } from "./lib/snap.js";

export interface SnapBill {
  name: string;
  amount: string;
  channel: string;
}

interface Inquiry {
  partnerServiceId?: string;
  customerNo?: string;
  inquiryRequestId?: string;
}

export { TOKEN_PATH } from "./lib/snap.js";

/** Bills are keyed by partnerServiceId (as sent, padding included) + customerNo. */
export function createMerchant(config: SnapConfig, bills: ReadonlyMap<string, SnapBill>): Server {
  return snapCallbackServer(config, "snapVaInquiry", (_request, body) => {
    const inquiry = (body ?? {}) as Inquiry;
    const partnerServiceId = inquiry.partnerServiceId ?? "";
    const customerNo = inquiry.customerNo ?? "";
    const bill = bills.get(partnerServiceId + customerNo);
    if (bill === undefined) return BILL_NOT_FOUND;
    return dokuAnswers.snapVaInquiry({
      virtualAccountData: {
        partnerServiceId,
        customerNo,
        virtualAccountNo: partnerServiceId + customerNo,
        virtualAccountName: bill.name,
        totalAmount: { value: bill.amount, currency: "IDR" },
        virtualAccountTrxType: "C",
        inquiryStatus: "00",
        inquiryReason: { english: "Success", indonesia: "Sukses" },
        inquiryRequestId: inquiry.inquiryRequestId ?? "",
      },
      additionalInfo: { channel: bill.channel },
    });
  });
}

/** An unknown VA: 404 with case 12 of the spec ("Invalid Bill/Virtual Account", 4042412). */
const BILL_NOT_FOUND = snapAnswer(
  webhookOperation("snapVaInquiry"),
  404,
  {},
  {
    caseCode: "12",
    message: "Bill not found",
  },
);

if (import.meta.url === `file://${process.argv[1]}`) {
  const bills = new Map([
    [
      "98827340000000000000001",
      { name: "Toru Yamashita", amount: "11500.00", channel: "VIRTUAL_ACCOUNT_BNI" },
    ],
  ]);
  runFromEnv("/v1.1/transfer-va/inquiry", 8083, (env) => createMerchant(snapConfigOf(env), bills));
}
