/**
 * DOKU Checkout orders in memory (POST /checkout/v1/payment, x-doku-mock `create-checkout-payment`): an order
 * gets a payment URL and a token, starts PENDING, and the non-SNAP check status (GET /orders/v1/status/{id},
 * payment-code.ts) reports it by invoice_number or by the Request-Id that created it. Kit choices where DOKU is
 * silent: a reused invoice_number (Checkout or payment code) answers 400 duplicate_invoice_number; an order is
 * EXPIRED once payment.payment_due_date minutes have passed; nothing pays an order on its own — the payment
 * simulator (src/simulator/families/checkout.ts) or `markCheckoutPaid` does (the mock has no customer on the
 * payment page).
 */
import { randomBytes, randomInt } from "node:crypto";
import { BoundedMap } from "../../model/bounded-map.js";
import { header } from "../context.js";
import { utcSeconds } from "../dates.js";
import { duplicateInvoice } from "../errors.js";
import { asRecord } from "../overlay.js";
import type { Fault, Success } from "../reply.js";
import type { MockState, Settlement } from "../state.js";
import type { Handler, HandlerInput } from "./handler.js";

/** Where an order stands: PENDING until paid; SUCCESS once paid; EXPIRED past its payment_due_date (or expired by the simulator). */
export type CheckoutStatus = "PENDING" | "SUCCESS" | "EXPIRED";

/** The channel an order was paid with, as DOKU's notification and check status name it. */
export interface CheckoutChannel {
  service: string;
  acquirer: string;
  channel: string;
}

/** One Checkout order as created on the mock. */
export interface CheckoutOrder {
  clientId: string;
  invoiceNumber: string;
  amount: number | undefined;
  /** Request-Id of the create request (check status accepts it instead of the invoice). */
  requestId: string;
  tokenId: string;
  paymentUrl: string;
  createdAt: number;
  expiresAt: number;
  /** Payments and final state (markCheckoutPaid, the payment simulator); absent while nothing happened. */
  settlement?: Settlement;
  /** The channel the customer paid with (set with the payment). */
  paidWith?: CheckoutChannel;
}

/** The Checkout orders of one mock instance. */
export class CheckoutStore {
  /** client|invoice_number -> order. */
  readonly orders = new BoundedMap<string, CheckoutOrder>(100_000);
  /** client|Request-Id -> invoice_number. */
  readonly requests = new BoundedMap<string, string>(100_000);

  /** The order with this invoice_number or creating Request-Id, if any. */
  find(clientId: string, id: string): CheckoutOrder | undefined {
    const invoice = this.orders.has(`${clientId}|${id}`) ? id : this.requests.get(`${clientId}|${id}`);
    return invoice === undefined ? undefined : this.orders.get(`${clientId}|${invoice}`);
  }
}

const STORES = new WeakMap<MockState, CheckoutStore>();

/** The Checkout store of a mock instance (created on first use). */
export function checkoutStore(state: MockState): CheckoutStore {
  let store = STORES.get(state);
  if (!store) {
    store = new CheckoutStore();
    STORES.set(state, store);
  }
  return store;
}

/** The channel a paid order reports when the simulator names none (DOKU VA, as the payment-code status does). */
export const DEFAULT_PAID_CHANNEL: CheckoutChannel = {
  service: "VIRTUAL_ACCOUNT",
  acquirer: "DOKU",
  channel: "VIRTUAL_ACCOUNT_DOKU",
};

/** An order's status at `now`. */
export function checkoutStatus(order: CheckoutOrder, now: number): CheckoutStatus {
  if (order.settlement?.status === "paid") return "SUCCESS";
  if (order.settlement?.status === "expired") return "EXPIRED";
  return now >= order.expiresAt ? "EXPIRED" : "PENDING";
}

/** When the order was paid (epoch ms), or undefined. */
export function checkoutPaidAt(order: CheckoutOrder): number | undefined {
  return order.settlement?.status === "paid" ? order.settlement.payments.at(-1)?.paidAt : undefined;
}

/**
 * Marks a PENDING order paid, once (its settlement, the record's one payment state, which the payment simulator
 * also writes): it then reports SUCCESS with `paidWith`. The payment's reference is a kit-chosen 7-digit number.
 * Returns the order, or a reason string when there is no such order or it is already paid or expired.
 */
export function markCheckoutPaid(
  state: MockState,
  clientId: string,
  id: string,
  now: number,
  paidWith: CheckoutChannel = DEFAULT_PAID_CHANNEL,
): CheckoutOrder | string {
  const order = checkoutStore(state).find(clientId, id);
  if (order === undefined) return `no Checkout order with invoice_number or Request-Id ${id}`;
  const status = checkoutStatus(order, now);
  if (status !== "PENDING") return `Checkout order ${order.invoiceNumber} is ${status}`;
  order.settlement = {
    status: "paid",
    payments: [
      {
        amount: String(order.amount ?? ""),
        paidAt: now,
        reference: String(randomInt(1_000_000, 10_000_000)),
      },
    ],
  };
  order.paidWith = paidWith;
  return order;
}

/**
 * The payment URL of an order. DOKU's real one is its hosted page (https://jokul.doku.com/checkout/link/...);
 * the mock points at its own origin (the Host the request came to), so a test never leaves 127.0.0.1.
 */
function paymentUrl(input: HandlerInput, tokenId: string): string {
  const host = header(input.call, "host") ?? "127.0.0.1";
  return `http://${host}/checkout/link/${tokenId}`;
}

export const createCheckoutPayment: Handler = async (input) => {
  const { ctx, call, clientId } = input;
  const request = asRecord(input.body);
  const order = asRecord(request.order);
  const invoice = String(order.invoice_number ?? "");
  const store = checkoutStore(ctx.state);
  if (store.orders.has(`${clientId}|${invoice}`) || ctx.state.paymentCodes.has(`${clientId}|${invoice}`)) {
    return duplicateInvoice(invoice);
  }
  const minutes = asRecord(request.payment).payment_due_date;
  const tokenId = randomBytes(16).toString("hex");
  const record: CheckoutOrder = {
    clientId,
    invoiceNumber: invoice,
    amount: typeof order.amount === "number" ? order.amount : undefined,
    requestId: header(call, "request-id") ?? "",
    tokenId,
    paymentUrl: paymentUrl(input, tokenId),
    createdAt: call.now,
    expiresAt: call.now + (typeof minutes === "number" ? minutes : 0) * 60_000,
  };
  store.orders.set(`${clientId}|${invoice}`, record);
  store.requests.set(`${clientId}|${record.requestId}`, invoice);
  // The shape DOKU's own integrations read (CheckoutPaymentResponse): message[0] and response.{order, payment}.
  const response = {
    order: { invoice_number: invoice, ...(record.amount !== undefined ? { amount: record.amount } : {}) },
    payment: { url: record.paymentUrl, token_id: tokenId },
  };
  return { status: 200, body: { message: ["SUCCESS"], response } };
};

/** The check-status answer for a Checkout order (GET /orders/v1/status/{id}); undefined when `id` is none. */
export function checkoutOrderStatus(input: HandlerInput, id: string): Success | Fault | undefined {
  const order = checkoutStore(input.ctx.state).find(input.clientId, id);
  if (order === undefined) return undefined;
  const status = checkoutStatus(order, input.call.now);
  const paidAt = checkoutPaidAt(order);
  const body: Record<string, unknown> = {
    order: {
      invoice_number: order.invoiceNumber,
      ...(order.amount !== undefined ? { amount: order.amount } : {}),
    },
    transaction: {
      status,
      original_request_id: order.requestId,
      ...(paidAt !== undefined ? { date: utcSeconds(paidAt) } : {}),
    },
  };
  if (order.paidWith !== undefined) {
    body.service = { id: order.paidWith.service };
    body.acquirer = { id: order.paidWith.acquirer };
    body.channel = { id: order.paidWith.channel };
  }
  return { status: 200, body };
}
