/**
 * A simulator family: how the simulator reads the things one x-doku-simulate family creates from the mock's
 * state, what DOKU's inquiry and notification bodies look like for them, and how a merchant's direct-inquiry
 * answer becomes a bill (DIPC). Which webhooks a family sends and when DOKU retries are spec data
 * (x-doku-simulate on the creating operations); the bodies are family code, one file each.
 */
import { randomInt } from "node:crypto";
import type {
  MockOptions,
  MockState,
  PaymentCodeRecord,
  SettledPayment,
  Settlement,
} from "../../mock/index.js";
import type { Item, ItemPayment } from "../types.js";

/** Amount rules of one payable, in the family's currency units (numbers; cents for SNAP are decimals). */
export interface AmountLimits {
  /** A closed bill: exactly this. */
  exact?: number;
  min?: number;
  max?: number;
}

/** One thing a customer can pay, as the mock holds it. */
export interface Payable {
  item: Item;
  limits: AmountLimits;
  /** Epoch ms after which DOKU refuses payment; undefined when it never expires. */
  expiresAt: number | undefined;
  settlement: Settlement | undefined;
  /** Writes the settlement into the mock's state (check status reads it). */
  settle(settlement: Settlement): void;
  /** The notification body DOKU sends for `payment` (the family's webhook request schema). */
  notification(payment: SettledPayment): unknown;
  /** True for a number the merchant registered itself (known from a direct inquiry): DOKU asks again on each payment. */
  inquired: boolean;
  /** Keys that also find it: invoice number, trxId. */
  aliases: string[];
  /** DOKU's reference for the next payment (SNAP: the inquiry's inquiryRequestId after a DIPC inquiry). */
  reference(): string;
  /** Why DOKU has no such transition for this item (e.g. a Checkout order is not failed by one channel), if so. */
  refuses?(action: "expire" | "fail"): string | undefined;
  /** The value at a JSON pointer of the creating request (x-doku-simulate notificationBy picks a flow with it). */
  created?: (pointer: string) => unknown;
}

/** What a DIPC inquiry answer produced: a bill, or why DOKU would not let the customer pay. */
export type InquiryOutcome = { payable: Payable } | { declined: string };

export interface SimulatorFamily {
  /** What the mock must do differently while this family has a notification URL (e.g. hold payments pending). */
  mockOptions?: Partial<Pick<MockOptions, "debitPaymentsPending">>;
  /** Formats an amount the way the family writes it ("11500.00" / "150000"); throws on a bad number. */
  formatAmount(value: number): string;
  /** Every payable of this family the mock holds. */
  list(state: MockState, now: number): Payable[];
  /** DIPC: the inquiry DOKU sends for a number the mock does not hold (families with an inquiry flow only). */
  inquiry?(number: string, requestId: string, now: number): unknown;
  /** DIPC: the bill from the merchant's answer (registered in the mock's state), or the decline reason. */
  fromInquiry?(
    state: MockState,
    clientId: string,
    number: string,
    inquiry: unknown,
    answer: { status: number; json: unknown; requestId: string },
    now: number,
  ): InquiryOutcome;
}

/** ISO-8601 with +07:00 (WIB), second precision: SNAP trxDateTime / trxDateInit. */
export function wibIso(epochMs: number): string {
  return `${new Date(epochMs + 7 * 3_600_000).toISOString().slice(0, 19)}+07:00`;
}

export function iso(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

export function record(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/** A number from an amount field ("11500.00", 150000); undefined when absent or not a number. */
export function amountNumber(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value)))
    return Number(value);
  return undefined;
}

/** The payments of a settlement as an Item lists them (paidAt ISO-8601 UTC). */
export function itemPayments(settlement: Settlement | undefined): ItemPayment[] {
  return (settlement?.payments ?? []).map((p) => ({
    amount: p.amount,
    paidAt: iso(p.paidAt),
    reference: p.reference,
  }));
}

/** A closed bill's limits (exactly `exact`, none when unknown) or an open one's min / max. */
export function amountLimits(
  closed: boolean,
  exact: number | undefined,
  min: number | undefined,
  max: number | undefined,
): AmountLimits {
  if (closed) return exact === undefined ? {} : { exact };
  return { ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) };
}

/** Writes a settlement into the mock's one payment-code store (non-SNAP VA and convenience-store codes). */
export function settlePaymentCode(state: MockState, key: string, rec: PaymentCodeRecord): Payable["settle"] {
  return (next) => {
    const current = state.paymentCodes.get(key) ?? rec;
    state.paymentCodes.set(key, { ...current, settlement: next });
  };
}

/** A non-SNAP payment reference: a random 7-digit number (kit choice). */
export function paymentReference(): string {
  return String(randomInt(1_000_000, 10_000_000));
}

/** A non-SNAP amount: whole rupiah ("150000"); throws on a fraction. */
export function wholeRupiah(value: number): string {
  if (!Number.isInteger(value)) throw new RangeError(`${value} is not a whole rupiah amount`);
  return String(value);
}

/** The service / acquirer / channel ids of a non-SNAP body. */
export interface ChannelIds {
  service: string;
  acquirer: string;
  channel: string;
}

/** `{service: {id}, acquirer: {id}, channel: {id}}` as non-SNAP bodies spell the ids. */
export function channelIds(ids: ChannelIds) {
  return { service: { id: ids.service }, acquirer: { id: ids.acquirer }, channel: { id: ids.channel } };
}

/** What every non-SNAP payment notification starts with: the ids, a SUCCESS transaction (UTC, seconds), the order. */
export function nonSnapPaid(ids: ChannelIds, payment: SettledPayment, requestId: string, invoice: string) {
  return {
    ...channelIds(ids),
    transaction: {
      status: "SUCCESS",
      date: `${new Date(payment.paidAt).toISOString().slice(0, 19)}Z`,
      original_request_id: requestId,
    },
    order: { invoice_number: invoice, amount: Number(payment.amount) },
  };
}
