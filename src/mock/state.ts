/**
 * What the mock remembers, in memory, where DOKU has state: SNAP VAs (by partnerServiceId + customerNo, and
 * their trxIds), X-EXTERNAL-IDs used per day, non-SNAP payment codes (by invoice_number and original
 * Request-Id) and non-SNAP answers by Request-Id (idempotency). Each map forgets its oldest entries past
 * `limit`, so a long run cannot exhaust memory.
 */
import { BoundedMap } from "../model/bounded-map.js";

/** One payment the simulator made (src/simulator): amount as DOKU wrote it, epoch ms, DOKU's reference. */
export interface SettledPayment {
  amount: string;
  paidAt: number;
  reference: string;
}

/** What happened to a VA or payment code after it was created (set by the payment simulator; absent: pending). */
export interface Settlement {
  status: "pending" | "paid" | "expired" | "failed";
  payments: SettledPayment[];
}

/** A SNAP VA as created (and updated): the request fields the status and delete answers echo. */
export interface VaRecord {
  key: string;
  trxId: string;
  /** The create request body merged with later updates. */
  data: Record<string, unknown>;
  createdAt: number;
  updatedAt: number;
  /** Payments and final state (the simulator); absent while nothing happened. */
  settlement?: Settlement;
}

/** A non-SNAP payment code. */
export interface PaymentCodeRecord {
  invoiceNumber: string;
  virtualAccountNumber: string;
  /** Request-Id of the request that created it (check status accepts it instead of the invoice). */
  requestId: string;
  /** The create request body merged with later updates. */
  request: Record<string, unknown>;
  /** The create answer body (created_date, how_to_pay_page, ...). */
  answer: Record<string, unknown>;
  status: "ACTIVE" | "DELETE";
  createdAt: number;
  expiresAt: number;
  /** Convenience-store codes: the service / acquirer / channel ids check status reports (VA codes: absent). */
  channel?: { service: string; acquirer: string; channel: string };
  /** Payments and final state (the simulator, o2o-state.ts payPaymentCode); absent while nothing happened. */
  settlement?: Settlement;
}

/** A non-SNAP answer kept for its Request-Id: a replay with the same body gets it again with 409. */
export interface IdempotentAnswer {
  bodyHash: string;
  /** The exact body bytes first sent. */
  body: string;
}

export class MockState {
  readonly vas: BoundedMap<string, VaRecord>;
  /** client|trxId -> VA key. */
  readonly trxIds: BoundedMap<string, string>;
  /** client|day|external id. */
  readonly externalIds: BoundedMap<string, true>;
  readonly paymentCodes: BoundedMap<string, PaymentCodeRecord>;
  /** client|Request-Id -> invoice_number of the code it created. */
  readonly paymentCodeRequests: BoundedMap<string, string>;
  readonly answers: BoundedMap<string, IdempotentAnswer>;
  private issued = 0;

  constructor(limit = 100_000) {
    this.vas = new BoundedMap(limit);
    this.trxIds = new BoundedMap(limit);
    this.externalIds = new BoundedMap(limit);
    this.paymentCodes = new BoundedMap(limit);
    this.paymentCodeRequests = new BoundedMap(limit);
    this.answers = new BoundedMap(limit);
  }

  /** Records an X-EXTERNAL-ID for the day; false when it was already used that day. */
  useExternalId(clientId: string, day: string, externalId: string): boolean {
    const key = `${clientId}|${day}|${externalId}`;
    if (this.externalIds.has(key)) return false;
    this.externalIds.set(key, true);
    return true;
  }

  /** A sequence number for DOKU-generated payment codes. */
  nextSequence(): number {
    this.issued += 1;
    return this.issued;
  }
}

/** The VA key: partnerServiceId without its space padding, and customerNo. */
export function vaKey(clientId: string, partnerServiceId: unknown, customerNo: unknown): string {
  return `${clientId}|${String(partnerServiceId ?? "").trim()}|${String(customerNo ?? "")}`;
}
