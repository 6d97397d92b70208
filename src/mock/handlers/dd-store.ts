/**
 * What the mock remembers for direct debit and e-wallets, per mock instance: account and card bindings (by
 * the authCode each issues), the B2B2C customer tokens exchanged for them, payments (by partnerReferenceNo)
 * and their refunds. Kept beside MockState (one store per state object) so the VA state stays untouched.
 * Kit choices, not DOKU's documentation: a binding starts with a balance of 100,000,000.00 IDR; a payment
 * completes at once (the mock has no customer to approve it) unless the payment simulator holds it pending
 * (option debitPaymentsPending); amounts are kept in cents.
 */
import { randomBytes } from "node:crypto";
import { BoundedMap } from "../../model/bounded-map.js";
import { bearerToken } from "../../signatures/headers.js";
import { fault } from "../errors.js";
import type { Fault } from "../reply.js";
import type { MockState, Settlement } from "../state.js";

/** An account or card binding. */
export interface Binding {
  clientId: string;
  kind: "account" | "card";
  authCode: string;
  referenceNo: string;
  channel: string | undefined;
  custIdMerchant: string | undefined;
  active: boolean;
  /** Balance in cents: the starting balance, less payments made with its token, plus their refunds. */
  balance: number;
}

/** One refund of a payment. */
export interface RefundRecord {
  refundNo: string;
  partnerRefundNo: string;
  cents: number;
  at: number;
  reason: string | undefined;
}

/** A payment host-to-host as accepted. */
export interface PaymentRecord {
  clientId: string;
  partnerReferenceNo: string;
  referenceNo: string;
  externalId: string | undefined;
  channel: string | undefined;
  cents: number;
  currency: string;
  /** When it completed; while pending, when it was created. */
  paidAt: number;
  binding: Binding | undefined;
  refunds: RefundRecord[];
  /** The request body as accepted (the simulator builds the notification from it). */
  request: Record<string, unknown>;
  /**
   * Set only when the mock's debitPaymentsPending is on: pending until the payment simulator settles it.
   * Absent: the payment completed at once.
   */
  settlement?: Settlement;
}

/** True while a payment waits for the customer (debitPaymentsPending); a completed-at-once one is paid. */
export const isPaid = (p: PaymentRecord): boolean =>
  p.settlement === undefined || p.settlement.status === "paid";

/** The direct debit / e-wallet state of one mock instance. */
export class DirectDebitStore {
  readonly bindings = new BoundedMap<string, Binding>(100_000);
  /** B2B2C access token -> its binding and expiry (ms). */
  readonly customerTokens = new BoundedMap<string, { binding: Binding; expiresAt: number }>(100_000);
  readonly refreshTokens = new BoundedMap<string, Binding>(100_000);
  readonly payments = new BoundedMap<string, PaymentRecord>(100_000);
  /** client|partnerRefundNo, used once. */
  readonly refundNos = new BoundedMap<string, true>(100_000);
  private sequence = 0;

  /** A DOKU-side reference number (digits, unique in this instance). */
  nextReference(): string {
    this.sequence += 1;
    return `${Date.now()}${String(this.sequence).padStart(6, "0")}`;
  }
}

const STORES = new WeakMap<MockState, DirectDebitStore>();

/** The store of a mock instance (created on first use). */
export function ddStore(state: MockState): DirectDebitStore {
  let store = STORES.get(state);
  if (!store) {
    store = new DirectDebitStore();
    STORES.set(state, store);
  }
  return store;
}

/** The starting balance of a binding, in cents (kit choice). */
export const START_BALANCE_CENTS = 10_000_000_000;

/** True when a lookup answered a refusal. */
export const refused = (value: Binding | Fault): value is Fault => "caseCode" in value;

/** An opaque random token (base64url). */
export const opaqueToken = (): string => randomBytes(24).toString("base64url");

/** "10000.00" -> 1000000 cents; undefined for anything that is not a decimal amount. */
export function toCents(value: unknown): number | undefined {
  if (typeof value !== "string" || !/^[0-9]+(\.[0-9]{1,2})?$/.test(value)) return undefined;
  const [whole, fraction = ""] = value.split(".") as [string, string?];
  return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
}

/** 1000000 cents -> "10000.00". */
export const fromCents = (cents: number): string =>
  `${Math.trunc(cents / 100)}.${String(Math.abs(cents) % 100).padStart(2, "0")}`;

/** The live binding a customer token names ("Bearer <token>" or the bare token, as DOKU's Node SDK sends it). */
export function customerBinding(
  store: DirectDebitStore,
  clientId: string,
  value: string | undefined,
  now: number,
): Binding | Fault {
  const token = value === undefined ? undefined : (bearerToken(value) ?? value.trim());
  if (token === undefined || token === "")
    return fault(401, "04", "Customer Token Not Found", "customer_token_not_found");
  const found = boundBy(store, clientId, token, now);
  if (!found?.active)
    return fault(
      401,
      "02",
      "Invalid Customer Token",
      "invalid_customer_token",
      "no live binding for this token",
    );
  return found;
}

/**
 * The binding a token names: a live B2B2C access token, or (kit leniency, undocumented by DOKU) the binding's
 * authCode, which is all the runner's one-step setup can carry into a case.
 */
export function boundBy(
  store: DirectDebitStore,
  clientId: string,
  token: string,
  now: number,
): Binding | undefined {
  const issued = store.customerTokens.get(token);
  if (issued && issued.expiresAt > now && issued.binding.clientId === clientId) return issued.binding;
  const direct = store.bindings.get(`${clientId}|${token}`);
  return direct;
}
