/**
 * State transitions of the mock's non-SNAP payment codes (DOKU VA and convenience-store codes, one store keyed
 * client|invoice_number), for components that act as the customer or the clock (e.g. a `simulate pay` command):
 * - `payPaymentCode(state, clientId, id, now)`: pays the code (id = invoice_number or the Request-Id that created
 *   it). A non-reusable code is paid once; a second payment, an expired or a cancelled code is refused with a
 *   reason. Check status then answers SUCCESS with transaction.date.
 * - `expirePaymentCode(state, clientId, id, now)`: moves an unpaid code's expiry to `now` (check status: EXPIRED).
 * And what check status reports for a store code (`applyStoreStatus`).
 */
import { randomInt } from "node:crypto";
import { wibCompact } from "../dates.js";
import { asRecord } from "../overlay.js";
import type { MockState, PaymentCodeRecord } from "../state.js";

/** The stored code for an invoice_number or the Request-Id that created it. */
export function findPaymentCode(
  state: MockState,
  clientId: string,
  id: string,
): PaymentCodeRecord | undefined {
  const invoice = state.paymentCodes.has(`${clientId}|${id}`)
    ? id
    : state.paymentCodeRequests.get(`${clientId}|${id}`);
  return invoice === undefined ? undefined : state.paymentCodes.get(`${clientId}|${invoice}`);
}

function reusable(record: PaymentCodeRecord): boolean {
  const info = record.channel ? record.request.online_to_offline_info : record.request.virtual_account_info;
  const value = asRecord(info).reusable_status;
  return value === true || value === "true";
}

export type PayOutcome =
  | { paid: true; record: PaymentCodeRecord }
  | { paid: false; reason: "not_found" | "cancelled" | "expired" | "failed" | "already_paid" };

/**
 * Pays a stored payment code (VA or store code) once, or again if it is reusable: one more payment in its
 * settlement, the record's one payment state (the payment simulator writes the same). The payment's amount is
 * order.amount; its reference is a kit-chosen 7-digit number (DOKU's REFERENCE identifiers look like "6769200").
 */
export function payPaymentCode(state: MockState, clientId: string, id: string, now: number): PayOutcome {
  const record = findPaymentCode(state, clientId, id);
  if (record === undefined) return { paid: false, reason: "not_found" };
  const settled = record.settlement;
  if (settled?.status === "expired" || settled?.status === "failed")
    return { paid: false, reason: settled.status };
  if (record.status === "DELETE") return { paid: false, reason: "cancelled" };
  if (now >= record.expiresAt) return { paid: false, reason: "expired" };
  if (settled?.status === "paid" && !reusable(record)) return { paid: false, reason: "already_paid" };
  const payment = {
    amount: String(asRecord(record.request.order).amount ?? ""),
    paidAt: now,
    reference: String(randomInt(1_000_000, 10_000_000)),
  };
  const paid: PaymentCodeRecord = {
    ...record,
    settlement: { status: "paid", payments: [...(settled?.payments ?? []), payment] },
  };
  state.paymentCodes.set(`${clientId}|${record.invoiceNumber}`, paid);
  return { paid: true, record: paid };
}

/** Expires a stored, unpaid payment code now (its settlement says expired); false when there is none or it was paid. */
export function expirePaymentCode(state: MockState, clientId: string, id: string, now: number): boolean {
  const record = findPaymentCode(state, clientId, id);
  if (record === undefined || record.settlement !== undefined) return false;
  state.paymentCodes.set(`${clientId}|${record.invoiceNumber}`, {
    ...record,
    expiresAt: Math.min(record.expiresAt, now),
    settlement: { status: "expired", payments: [] },
  });
  return true;
}

/** Check status of a store code: its ids and online_to_offline_info instead of the VA fields. */
export function applyStoreStatus(body: Record<string, unknown>, record: PaymentCodeRecord): void {
  if (record.channel === undefined) return;
  body.service = { id: record.channel.service };
  body.acquirer = { id: record.channel.acquirer };
  body.channel = { id: record.channel.channel };
  delete body.virtual_account_info;
  delete body.virtual_account_payment;
  body.online_to_offline_info = {
    payment_code: record.virtualAccountNumber,
    created_date: wibCompact(record.createdAt),
    expired_date: wibCompact(record.expiresAt),
    reusable_status: String(reusable(record)),
  };
}
