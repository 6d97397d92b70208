/**
 * The payment simulator's public shapes (docs/simulator.md, the /_simulator/api routes): an Item is something
 * a customer can pay (a VA, a payment code, an order) as the mock holds it; a Delivery is one request DOKU
 * sent to the merchant (token, inquiry or notification attempt) with its exact bytes and the checks applied
 * to the merchant's answer.
 */

export type ItemStatus = "pending" | "paid" | "expired" | "failed";

export interface ItemAmount {
  value: string;
  currency: string;
}

export interface ItemPayment {
  /** As DOKU writes it for the family: "11500.00" (SNAP) or "150000" (non-SNAP). */
  amount: string;
  /** ISO-8601 UTC. */
  paidAt: string;
  /** DOKU's reference for the payment (SNAP paymentRequestId, non-SNAP REFERENCE identifier). */
  reference: string;
}

export interface Item {
  /** The VA number or payment code (what `simulate pay <id>` takes; invoice numbers / trxIds are accepted too). */
  id: string;
  family: string;
  kind: string;
  number: string;
  name?: string;
  /** The bill; null for an open amount without one. */
  amount: ItemAmount | null;
  /** "fixed" (closed), "open", "variable", "limit" (open with min / max). */
  amountType?: string;
  reusable: boolean;
  status: ItemStatus;
  /** ISO-8601 UTC. */
  createdAt: string;
  payments: ItemPayment[];
}

export type DeliveryKind = "inquiry" | "notification" | "token";

export interface DeliveryCheck {
  name: string;
  ok: boolean;
  message?: string;
}

export interface Delivery {
  id: string;
  itemId: string;
  /** The x-doku-flow name ("snap-va-payment"), or "token" for the SNAP token handshake. */
  flow: string;
  kind: DeliveryKind;
  /** 1 for the original, 2.. for DOKU's retries and manual resends. */
  attempt: number;
  /** ISO-8601 UTC: when DOKU's schedule put it. */
  scheduledAt: string;
  /** ISO-8601 UTC. */
  sentAt: string;
  durationMs: number;
  url: string;
  request: { method: string; headers: Record<string, string>; body: string };
  response: { status: number; headers: Record<string, string>; body: string } | null;
  error: string | null;
  checks: DeliveryCheck[];
  /** ok: acknowledged (2xx); retry: not acknowledged, another attempt is scheduled; failed: no more attempts. */
  verdict: "ok" | "retry" | "failed";
  /** With verdict retry: when DOKU's schedule sends the next attempt (ISO-8601 UTC). */
  nextAttemptAt?: string;
}

export type SimulatorAction = "pay" | "expire" | "fail";

/** What one action did: the item afterwards and the deliveries it caused so far (retries come later). */
export interface SimulateResult {
  item: Item;
  deliveries: Delivery[];
}
