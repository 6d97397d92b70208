/**
 * Convenience-store payment codes (x-doku-simulate families o2o-alfa and o2o-indomaret, one per store because
 * each store has its own notification flow): codes generated with the Alfa Group / Indomaret APIs, held in the
 * mock's payment-code store with the store's service / acquirer / channel ids (src/mock/handlers/o2o.ts). A
 * code is a closed bill of order.amount; online_to_offline_info.reusable_status true allows several payments.
 * The notification (O2oNotificationBody) carries those ids, transaction {status SUCCESS, date,
 * original_request_id}, order {invoice_number, amount} and online_to_offline_info as the generate answer gave
 * it (payment_code, created_date, expired_date) with reusable_status as the check-status sample writes it.
 * Kit choices where DOKU is silent: the acquirer / channel ids are the mock's (o2o.ts); no
 * online_to_offline_payment identifiers are sent (only the Alfa check-status sample shows any: AGENT_ID
 * ALFAMART and a store id, which the kit would have to invent for a simulated payment).
 */
import type { MockState, PaymentCodeRecord } from "../../mock/index.js";
import type { ItemStatus } from "../types.js";
import {
  amountNumber,
  iso,
  itemPayments,
  nonSnapPaid,
  type Payable,
  paymentReference,
  record,
  type SimulatorFamily,
  settlePaymentCode,
  wholeRupiah,
} from "./family.js";

function reusable(rec: PaymentCodeRecord): boolean {
  const value = record(rec.request.online_to_offline_info).reusable_status;
  return value === true || value === "true";
}

function payable(
  state: MockState,
  family: string,
  key: string,
  rec: PaymentCodeRecord,
  now: number,
): Payable {
  const amount = amountNumber(record(rec.request.order).amount);
  const settlement = rec.settlement;
  const expired = settlement === undefined && (rec.status === "DELETE" || now >= rec.expiresAt);
  const status: ItemStatus = settlement?.status ?? (expired ? "expired" : "pending");
  const name = record(rec.request.customer).name;
  const channel = rec.channel ?? { service: "", acquirer: "", channel: "" };
  return {
    item: {
      id: rec.virtualAccountNumber,
      family,
      kind: "payment-code",
      number: rec.virtualAccountNumber,
      ...(typeof name === "string" ? { name } : {}),
      amount: amount === undefined ? null : { value: String(amount), currency: "IDR" },
      amountType: "fixed",
      reusable: reusable(rec),
      status,
      createdAt: iso(rec.createdAt),
      payments: itemPayments(settlement),
    },
    limits: amount === undefined ? {} : { exact: amount },
    expiresAt: rec.status === "DELETE" ? now : rec.expiresAt,
    settlement,
    settle: settlePaymentCode(state, key, rec),
    inquired: false,
    aliases: [rec.invoiceNumber, rec.requestId].filter((a) => a !== ""),
    reference: paymentReference,
    notification: (payment) => {
      const created = record(rec.answer.online_to_offline_info);
      return {
        ...nonSnapPaid(channel, payment, rec.requestId, rec.invoiceNumber),
        online_to_offline_info: {
          payment_code: rec.virtualAccountNumber,
          ...(typeof created.created_date === "string" ? { created_date: created.created_date } : {}),
          ...(typeof created.expired_date === "string" ? { expired_date: created.expired_date } : {}),
          reusable_status: String(reusable(rec)),
        },
      };
    },
  };
}

/** The family of one store: the codes whose channel id is `channelId` (the mock's ids, o2o.ts). */
function storeFamily(family: string, channelId: string): SimulatorFamily {
  return {
    formatAmount: wholeRupiah,
    list: (state, now) =>
      [...state.paymentCodes.entries()]
        .filter(([, rec]) => rec.channel?.channel === channelId)
        .map(([key, rec]) => payable(state, family, key, rec, now)),
  };
}

export const o2oAlfa = storeFamily("o2o-alfa", "ONLINE_TO_OFFLINE_ALFA");
export const o2oIndomaret = storeFamily("o2o-indomaret", "ONLINE_TO_OFFLINE_INDOMARET");
