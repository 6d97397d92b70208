/**
 * Payment host-to-host, refund and check status for every direct debit / e-wallet channel. A payment is
 * recorded by partnerReferenceNo (a reused one answers 404 <svc>18 "Inconsistent Request", as DOKU does for a
 * reused VA trxId) and completes at once, or with debitPaymentsPending stays pending (03) until the payment
 * simulator settles it (a pending one cannot be refunded: 404 <svc>01, kit choice); an Authorization-Customer token, when sent, must name a live binding,
 * whose balance the payment debits. A refund names the payment (unknown: 404 <svc>01 "Transaction Not Found"),
 * uses a new partnerRefundNo (404 <svc>18) and may not take the refunds past the paid amount or change the
 * currency (404 <svc>13 "Invalid Amount"); partial refunds add up. Check status reports the payment's history:
 * latestTransactionStatus 00 (paid) or 04 (refunded in full), its refunds and amounts. Every answer is built
 * from the request and the record, never from a spec sample.
 */
import { formatSnapTimestamp } from "../../signatures/index.js";
import { header } from "../context.js";
import { fault } from "../errors.js";
import { asRecord } from "../overlay.js";
import {
  customerBinding,
  ddStore,
  fromCents,
  isPaid,
  type PaymentRecord,
  refused,
  toCents,
} from "./dd-store.js";
import type { Handler } from "./handler.js";

const REDIRECT = "https://doku-conformance-mock.invalid/pay";
const inconsistent = (detail: string) =>
  fault(404, "18", "Inconsistent Request", "inconsistent_request", detail);
const invalidAmount = (detail: string) => fault(404, "13", "Invalid Amount", "invalid_amount", detail);
const notFound = (detail: string) =>
  fault(404, "01", "Transaction Not Found", "transaction_not_found", detail);
const refunded = (p: PaymentRecord) => p.refunds.reduce((sum, r) => sum + r.cents, 0);
/**
 * latestTransactionStatus by the payment's state: the BI-SNAP meanings DOKU's specs carry (00 success, 03
 * pending, 05 cancelled, 06 failed; unconfirmed for DOKU). An expired payment reports 05 (kit choice).
 */
const STATUS: Readonly<Record<string, readonly [string, string]>> = {
  paid: ["00", "Success"],
  pending: ["03", "Pending"],
  expired: ["05", "Cancelled"],
  failed: ["06", "Failed"],
};

export const debitPayment: Handler = async ({ ctx, clientId, call, body }) => {
  const store = ddStore(ctx.state);
  const request = asRecord(body);
  const amount = asRecord(request.amount);
  const partnerReferenceNo = String(request.partnerReferenceNo ?? "");
  const key = `${clientId}|${partnerReferenceNo}`;
  if (store.payments.has(key))
    return inconsistent(`partnerReferenceNo ${partnerReferenceNo} was already used`);
  const cents = toCents(amount.value);
  if (cents === undefined) return invalidAmount(`amount.value ${String(amount.value)} is not an amount`);
  const customer = header(call, "authorization-customer");
  const binding = customer === undefined ? undefined : customerBinding(store, clientId, customer, call.now);
  if (binding !== undefined && refused(binding)) return binding;
  const pending = ctx.settings.debitPaymentsPending;
  // A pending payment debits the binding when the simulator settles it paid (src/simulator direct-debit).
  if (binding && !pending) binding.balance -= cents;
  const channel = asRecord(request.additionalInfo).channel;
  const payment: PaymentRecord = {
    clientId,
    partnerReferenceNo,
    referenceNo: store.nextReference(),
    externalId: header(call, "x-external-id"),
    channel: typeof channel === "string" ? channel : undefined,
    cents,
    currency: String(amount.currency ?? "IDR"),
    paidAt: call.now,
    binding,
    refunds: [],
    request,
    ...(pending ? { settlement: { status: "pending" as const, payments: [] } } : {}),
  };
  store.payments.set(key, payment);
  return {
    status: 200,
    body: {
      responseCode: "",
      responseMessage: "Successful",
      webRedirectUrl: `${REDIRECT}/${payment.referenceNo}`,
      partnerReferenceNo,
      referenceNo: payment.referenceNo,
    },
  };
};

export const debitRefund: Handler = async ({ ctx, clientId, call, body }) => {
  const store = ddStore(ctx.state);
  const request = asRecord(body);
  const original = String(request.originalPartnerReferenceNo ?? "");
  const payment = store.payments.get(`${clientId}|${original}`);
  if (!payment) return notFound(`no payment with partnerReferenceNo ${original}`);
  if (!isPaid(payment))
    return notFound(`the payment ${original} is ${payment.settlement?.status}, not paid: nothing to refund`);
  const partnerRefundNo = String(request.partnerRefundNo ?? "");
  if (store.refundNos.has(`${clientId}|${partnerRefundNo}`))
    return inconsistent(`partnerRefundNo ${partnerRefundNo} was already used`);
  const amount = asRecord(request.refundAmount);
  const cents = toCents(amount.value);
  if (cents === undefined) return invalidAmount(`refundAmount.value ${String(amount.value)}`);
  if (String(amount.currency ?? payment.currency) !== payment.currency)
    return invalidAmount(
      `refundAmount.currency ${String(amount.currency)}; the payment is in ${payment.currency}`,
    );
  const left = payment.cents - refunded(payment);
  if (cents > left)
    return invalidAmount(`refund of ${fromCents(cents)} exceeds the ${fromCents(left)} left of the payment`);
  const refund = {
    refundNo: store.nextReference(),
    partnerRefundNo,
    cents,
    at: call.now,
    reason: typeof request.reason === "string" ? request.reason : undefined,
  };
  payment.refunds.push(refund);
  store.refundNos.set(`${clientId}|${partnerRefundNo}`, true);
  if (payment.binding) payment.binding.balance += cents;
  return {
    status: 200,
    body: {
      responseCode: "",
      responseMessage: "Successful",
      refundAmount: { value: fromCents(cents), currency: payment.currency },
      originalPartnerReferenceNo: payment.partnerReferenceNo,
      originalReferenceNo: payment.referenceNo,
      refundNo: refund.refundNo,
      partnerRefundNo,
      refundTime: formatSnapTimestamp(call.now),
    },
  };
};

export const debitStatus: Handler = async ({ ctx, clientId, body }) => {
  const store = ddStore(ctx.state);
  const request = asRecord(body);
  const byReference = String(request.originalPartnerReferenceNo ?? "");
  const payment =
    store.payments.get(`${clientId}|${byReference}`) ??
    [...store.payments.values()].find(
      (p) =>
        p.clientId === clientId &&
        ((request.originalReferenceNo !== undefined && p.referenceNo === request.originalReferenceNo) ||
          (request.originalExternalId !== undefined && p.externalId === request.originalExternalId)),
    );
  if (!payment)
    return notFound(
      "no payment with that originalPartnerReferenceNo / originalReferenceNo / originalExternalId",
    );
  const full = refunded(payment) >= payment.cents;
  const [code, desc] = STATUS[payment.settlement?.status ?? "paid"] ?? ["00", "Success"];
  const paid = isPaid(payment);
  const money = (cents: number) => ({ value: fromCents(cents), currency: payment.currency });
  return {
    status: 200,
    body: {
      responseCode: "",
      responseMessage: "Successful",
      originalPartnerReferenceNo: payment.partnerReferenceNo,
      originalReferenceNo: payment.referenceNo,
      ...(payment.externalId !== undefined ? { originalExternalId: payment.externalId } : {}),
      serviceCode: "55",
      latestTransactionStatus: paid && full ? "04" : code,
      transactionStatusDesc: paid && full ? "Refunded" : desc,
      refundHistory: payment.refunds.map((r) => ({
        refundNo: r.refundNo,
        partnerReferenceNo: r.partnerRefundNo,
        refundAmount: money(r.cents),
        refundStatus: "SUCCESS",
        refundDate: formatSnapTimestamp(r.at),
        ...(r.reason !== undefined ? { reason: r.reason } : {}),
      })),
      transAmount: money(payment.cents),
      ...(paid ? { paidTime: formatSnapTimestamp(payment.paidAt) } : {}),
      ...(payment.channel !== undefined ? { additionalInfo: { channel: payment.channel } } : {}),
    },
  };
};
