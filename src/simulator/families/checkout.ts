/**
 * DOKU Checkout orders (x-doku-simulate family checkout): orders created with POST /checkout/v1/payment, held in
 * the mock's Checkout store (src/mock/handlers/checkout.ts). An order is a closed bill of order.amount, paid
 * once; it expires after payment.payment_due_date minutes. Paying it stands for the customer paying on DOKU's
 * hosted page: the notification (checkout-notification) carries service / acquirer / channel of the channel
 * paid with, transaction {status SUCCESS, date, original_request_id} and order {invoice_number, amount}.
 * Kit choices where DOKU is silent: the channel the simulated customer picks is DOKU VA (VIRTUAL_ACCOUNT / DOKU /
 * VIRTUAL_ACCOUNT_DOKU, the mock's DEFAULT_PAID_CHANNEL), and no channel block (virtual_account_info ...) is sent
 * because the mock issues no VA number for the order; `fail` is refused (DOKU lets the customer try another
 * channel, and Checkout merchants must ignore a FAILED notification), so only pay and expire apply.
 */
// The Checkout store comes from its handler file, not the mock's entry: the entry's types are public, and the
// handler's types reach Prism's (which a consumer cannot type-check without @types/pino).
import {
  type CheckoutOrder,
  checkoutStatus,
  checkoutStore,
  DEFAULT_PAID_CHANNEL,
} from "../../mock/handlers/checkout.js";
import type { MockState } from "../../mock/index.js";
import type { ItemStatus } from "../types.js";
import {
  iso,
  itemPayments,
  nonSnapPaid,
  type Payable,
  paymentReference,
  type SimulatorFamily,
  wholeRupiah,
} from "./family.js";

function status(order: CheckoutOrder, now: number): ItemStatus {
  const settled = order.settlement?.status;
  if (settled !== undefined && settled !== "pending") return settled;
  return checkoutStatus(order, now) === "EXPIRED" ? "expired" : "pending";
}

function payable(order: CheckoutOrder, now: number): Payable {
  const settlement = order.settlement;
  return {
    item: {
      id: order.invoiceNumber,
      family: "checkout",
      kind: "order",
      number: order.invoiceNumber,
      amount: order.amount === undefined ? null : { value: String(order.amount), currency: "IDR" },
      amountType: "fixed",
      reusable: false,
      status: status(order, now),
      createdAt: iso(order.createdAt),
      payments: itemPayments(settlement),
    },
    limits: order.amount === undefined ? {} : { exact: order.amount },
    expiresAt: order.expiresAt,
    settlement,
    settle: (next) => {
      order.settlement = next;
      if (next.status === "paid") order.paidWith ??= DEFAULT_PAID_CHANNEL;
    },
    inquired: false,
    aliases: [order.requestId, order.tokenId].filter((a) => a !== ""),
    reference: paymentReference,
    refuses: (action) =>
      action === "fail"
        ? `a DOKU Checkout order does not fail with one channel: the customer may try another on the payment page (DOKU: Checkout merchants must ignore transaction.status FAILED); expire ${order.invoiceNumber} instead`
        : undefined,
    notification: (payment) => {
      const paidWith = order.paidWith ?? DEFAULT_PAID_CHANNEL;
      return nonSnapPaid(paidWith, payment, order.requestId, order.invoiceNumber);
    },
  };
}

export const checkout: SimulatorFamily = {
  formatAmount: wholeRupiah,
  list: (state: MockState, now) =>
    [...checkoutStore(state).orders.values()]
      .sort((a, b) => a.createdAt - b.createdAt)
      .map((order) => payable(order, now)),
};
