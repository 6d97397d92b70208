/**
 * Convenience-store payment codes (non-SNAP online-to-offline: Alfa Group, Indomaret): generate. The codes live
 * in the mock's one payment-code store (state.paymentCodes, keyed client|invoice_number like DOKU VA codes), so
 * the non-SNAP check status reports them; paying and expiring them is o2o-state.ts.
 *
 * Kit choices where DOKU is silent (the O2O answers are not visible in the sources, specs/components/o2o.yaml):
 * the payment code is 16 digits (a DOKU VA-style number), created_date / expired_date use DOKU VA's
 * yyyyMMddHHmmss UTC+7 spelling, and the ids check status reports are ONLINE_TO_OFFLINE / ALFA /
 * ONLINE_TO_OFFLINE_ALFA (DOKU's O2O check-status sample) and ONLINE_TO_OFFLINE / INDOMARET /
 * ONLINE_TO_OFFLINE_INDOMARET (channel as in DOKU Checkout's payment_method_types; acquirer id unconfirmed).
 */
import { wibCompact } from "../dates.js";
import { child } from "../overlay.js";
import type { PaymentCodeRecord } from "../state.js";
import type { Handler } from "./handler.js";
import { expiredMinutes, issueNumber, startIssue, storePaymentCode } from "./payment-code.js";

type StoreChannel = NonNullable<PaymentCodeRecord["channel"]>;

const ALFA: StoreChannel = {
  service: "ONLINE_TO_OFFLINE",
  acquirer: "ALFA",
  channel: "ONLINE_TO_OFFLINE_ALFA",
};
const INDOMARET: StoreChannel = {
  service: "ONLINE_TO_OFFLINE",
  acquirer: "INDOMARET",
  channel: "ONLINE_TO_OFFLINE_INDOMARET",
};

const generate =
  (channel: StoreChannel): Handler =>
  async (input) => {
    const { ctx, call } = input;
    const started = await startIssue(input);
    if (!("invoice" in started)) return started;
    const { request, invoice, answer, body } = started;
    const code = issueNumber(undefined, ctx.state.nextSequence());
    const expiresAt = call.now + expiredMinutes(request.online_to_offline_info) * 60_000;
    Object.assign(child(body, "online_to_offline_info"), {
      payment_code: code,
      created_date: wibCompact(call.now),
      expired_date: wibCompact(expiresAt),
    });
    storePaymentCode(
      input,
      { invoiceNumber: invoice, virtualAccountNumber: code, expiresAt, channel },
      request,
      body,
    );
    return answer;
  };

export const createAlfaPaymentCode = generate(ALFA);
export const createIndomaretPaymentCode = generate(INDOMARET);
