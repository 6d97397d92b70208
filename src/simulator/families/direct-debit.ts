/**
 * Direct debit / e-wallet (x-doku-simulate family direct-debit): payments host-to-host (danaPayment, every
 * channel). With a notification URL for the family the mock holds each payment pending (mock option
 * debitPaymentsPending: check status latestTransactionStatus 03) as DOKU does while the customer approves it in
 * the wallet; paying it settles it (00) and sends the payment notification, the flow picked by the channel
 * (x-doku-simulate notificationBy: DANA's own flow, the generic one otherwise). A payment is paid once, its
 * amount exactly; after its validUpto DOKU refuses it. The body follows the webhook schema (DOKU's Node SDK
 * DTO; research §5.10), built from the payment as created.
 * Kit choices (DOKU shows no value): acquirerId is the issuer part of the channel name (EMONEY_DANA_SNAP ->
 * DANA); custIdMerchant is the binding's, else the request's additionalInfo.custIdMerchant, else the
 * partnerReferenceNo (an unbound payment names no customer); accountType EMONEY for EMONEY_* channels,
 * DIRECT_DEBIT otherwise; lineItems are the request's additionalInfo.lineItems, else none.
 */
import { ddStore, type MockState, type PaymentRecord } from "../../mock/index.js";
import { valueAt } from "../../model/pointer.js";
import type { ItemStatus } from "../types.js";
import { iso, itemPayments, type Payable, record, type SimulatorFamily } from "./family.js";

const FAMILY = "direct-debit";

function fromCents(cents: number): string {
  return `${Math.trunc(cents / 100)}.${String(Math.abs(cents) % 100).padStart(2, "0")}`;
}

/** The settlement the simulator sees: a payment completed at once (no simulator hold) is paid already. */
function settlementOf(rec: PaymentRecord) {
  return (
    rec.settlement ?? {
      status: "paid" as const,
      payments: [{ amount: fromCents(rec.cents), paidAt: rec.paidAt, reference: rec.referenceNo }],
    }
  );
}

function payable(state: MockState, key: string, rec: PaymentRecord, now: number): Payable {
  const request = rec.request;
  const info = record(request.additionalInfo);
  const validUpto = typeof request.validUpto === "string" ? Date.parse(request.validUpto) : Number.NaN;
  const expiresAt = Number.isNaN(validUpto) ? undefined : validUpto;
  const settlement = settlementOf(rec);
  const expired = settlement.status === "pending" && expiresAt !== undefined && now >= expiresAt;
  const status: ItemStatus = expired ? "expired" : settlement.status;
  const channel = rec.channel ?? "";
  const amount = fromCents(rec.cents);
  return {
    item: {
      id: rec.partnerReferenceNo,
      family: FAMILY,
      kind: "payment",
      number: rec.partnerReferenceNo,
      ...(typeof info.orderTitle === "string" ? { name: info.orderTitle } : {}),
      amount: { value: amount, currency: rec.currency },
      amountType: "fixed",
      reusable: false,
      status,
      createdAt: iso(rec.paidAt),
      payments: itemPayments(settlement),
    },
    limits: { exact: rec.cents / 100 },
    expiresAt,
    settlement,
    settle: (next) => {
      const current = ddStore(state).payments.get(key) ?? rec;
      const paid = next.status === "paid" && current.settlement?.status !== "paid";
      if (paid && current.binding) current.binding.balance -= current.cents;
      const last = next.payments.at(-1);
      ddStore(state).payments.set(key, {
        ...current,
        ...(paid && last !== undefined ? { paidAt: last.paidAt } : {}),
        settlement: next,
      });
    },
    created: (pointer) => valueAt(request, pointer),
    inquired: false,
    aliases: [rec.referenceNo, ...(rec.externalId === undefined ? [] : [rec.externalId])],
    reference: () => rec.referenceNo,
    notification: (payment) => {
      const lineItems = Array.isArray(info.lineItems) ? info.lineItems : [];
      const custIdMerchant =
        rec.binding?.custIdMerchant ??
        (typeof info.custIdMerchant === "string" && info.custIdMerchant !== ""
          ? info.custIdMerchant
          : rec.partnerReferenceNo);
      return {
        originalPartnerReferenceNo: rec.partnerReferenceNo,
        originalReferenceNo: rec.referenceNo,
        originalExternalId: rec.externalId ?? rec.referenceNo,
        latestTransactionStatus: "00",
        transactionStatusDesc: "Success",
        amount: { value: payment.amount, currency: rec.currency },
        additionalInfo: {
          channelId: channel,
          acquirerId: channel.split("_")[1] ?? channel,
          custIdMerchant,
          accountType: channel.startsWith("EMONEY") ? "EMONEY" : "DIRECT_DEBIT",
        },
        lineItems,
      };
    },
  };
}

export const directDebit: SimulatorFamily = {
  formatAmount: (value) => value.toFixed(2),
  list: (state, now) =>
    [...ddStore(state).payments.entries()].map(([key, rec]) => payable(state, key, rec, now)),
  inquiry: () => {
    throw new Error("direct debit / e-wallet payments have no direct inquiry");
  },
  fromInquiry: () => ({ declined: "direct debit / e-wallet payments have no direct inquiry" }),
  mockOptions: { debitPaymentsPending: true },
};
