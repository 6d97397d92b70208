/**
 * Non-SNAP DOKU VA (x-doku-simulate family non-snap-va): payment codes created with the DOKU VA v2 API (DOKU-
 * or merchant-generated number) and numbers the merchant registered itself (direct inquiry, seed 001,
 * research §5.15-5.16). billing_type FIX_BILL (or an amount without billing_type) is a closed bill; NO_BILL is
 * open, limited by order.min_amount / max_amount; reusable_status true allows several payments. The
 * notification carries transaction.status SUCCESS, the paid time, original_request_id, and echoes the
 * inquiry answer's additional_info (seed 001). Identifiers are DOKU VA's (service VIRTUAL_ACCOUNT, acquirer
 * DOKU, channel VIRTUAL_ACCOUNT_DOKU, as in DOKU's direct inquiry sample); virtual_account_payment carries
 * the payment's REFERENCE (the BCA sample's identifier name). Kit choices: a direct-inquiry bill never
 * expires on DOKU's side, and its original_request_id is the inquiry's Request-Id.
 */
import type { MockState, PaymentCodeRecord } from "../../mock/index.js";
import type { ItemStatus } from "../types.js";
import {
  amountLimits,
  amountNumber,
  type ChannelIds,
  channelIds,
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

/** yyyyMMddHHmmss in UTC (virtual_account_inquiry.date: "UTC time", sample 20210913100120). */
function utcCompact(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 19).replace(/[-T:]/g, "");
}

const VA_IDS: ChannelIds = { service: "VIRTUAL_ACCOUNT", acquirer: "DOKU", channel: "VIRTUAL_ACCOUNT_DOKU" };

function payable(state: MockState, key: string, rec: PaymentCodeRecord, now: number): Payable {
  const order = record(rec.request.order);
  const info = record(rec.request.virtual_account_info);
  const amount = amountNumber(order.amount);
  const min = amountNumber(order.min_amount);
  const max = amountNumber(order.max_amount);
  const billing = typeof info.billing_type === "string" ? info.billing_type : undefined;
  const closed = billing === "FIX_BILL" || (billing === undefined && amount !== undefined);
  const settlement = rec.settlement;
  const expired = settlement === undefined && (rec.status === "DELETE" || now >= rec.expiresAt);
  const status: ItemStatus = settlement?.status ?? (expired ? "expired" : "pending");
  return {
    item: {
      id: rec.virtualAccountNumber,
      family: "non-snap-va",
      kind: "payment-code",
      number: rec.virtualAccountNumber,
      ...(typeof record(rec.request.customer).name === "string"
        ? { name: record(rec.request.customer).name as string }
        : {}),
      amount: amount === undefined ? null : { value: String(amount), currency: "IDR" },
      amountType: closed ? "fixed" : min !== undefined || max !== undefined ? "limit" : "open",
      reusable: info.reusable_status === true || info.reusable_status === "true",
      status,
      createdAt: iso(rec.createdAt),
      payments: itemPayments(settlement),
    },
    limits: amountLimits(closed, amount, min, max),
    expiresAt: rec.status === "DELETE" ? now : rec.expiresAt,
    settlement,
    settle: settlePaymentCode(state, key, rec),
    inquired: rec.request.inquired === true,
    aliases: [rec.invoiceNumber, rec.requestId].filter((a) => a !== ""),
    reference: paymentReference,
    notification: (payment) => ({
      ...nonSnapPaid(VA_IDS, payment, rec.requestId, rec.invoiceNumber),
      virtual_account_info: { virtual_account_number: rec.virtualAccountNumber },
      virtual_account_payment: { identifier: [{ name: "REFERENCE", value: payment.reference }] },
      ...(rec.request.additional_info_from_inquiry === undefined
        ? {}
        : { additional_info: rec.request.additional_info_from_inquiry }),
    }),
  };
}

export const nonSnapVa: SimulatorFamily = {
  formatAmount: wholeRupiah,
  // Convenience-store codes share the store (they carry a channel) and are the o2o-* families'.
  list: (state, now) =>
    [...state.paymentCodes.entries()]
      .filter(([, rec]) => rec.channel === undefined)
      .map(([key, rec]) => payable(state, key, rec, now)),
  inquiry: (number, _requestId, now) => ({
    ...channelIds(VA_IDS),
    virtual_account_info: { virtual_account_number: number },
    virtual_account_inquiry: { date: utcCompact(now), identifier: [] },
  }),
  fromInquiry: (state, clientId, number, _inquiry, answer, now) => {
    const json = record(answer.json);
    const status = record(json.virtual_account_inquiry).status;
    if (answer.status !== 200 || status !== "success") {
      return {
        declined: `the merchant's inquiry answer was HTTP ${answer.status} virtual_account_inquiry.status ${String(status ?? "(none)")}; DOKU does not let the customer pay`,
      };
    }
    const order = record(json.order);
    const invoice = String(order.invoice_number ?? "");
    const key = `${clientId}|${invoice}`;
    const rec: PaymentCodeRecord = {
      invoiceNumber: invoice,
      virtualAccountNumber: number,
      requestId: answer.requestId,
      request: {
        order,
        virtual_account_info: record(json.virtual_account_info),
        customer: record(json.customer),
        inquired: true,
        ...(json.additional_info === undefined ? {} : { additional_info_from_inquiry: json.additional_info }),
      },
      answer: {},
      status: "ACTIVE",
      createdAt: state.paymentCodes.get(key)?.createdAt ?? now,
      expiresAt: Number.MAX_SAFE_INTEGER,
    };
    // Asked again for a number it already knows: the payments so far stay.
    const settlement = state.paymentCodes.get(key)?.settlement;
    if (settlement !== undefined) rec.settlement = settlement;
    state.paymentCodes.set(key, rec);
    state.paymentCodeRequests.set(`${clientId}|${answer.requestId}`, invoice);
    return { payable: payable(state, key, rec, now) };
  },
};
