/**
 * DELIBERATELY BROKEN Checkout notification receiver — do not copy. It is what `doku-conformance callback
 * --flow checkout-notification` must refuse (test/callbacks/checkout-notification.test.ts):
 *
 * - it acknowledges without verifying the Signature (anyone who knows an invoice number can mark it paid);
 * - it applies every delivery, so a redelivery of the same Request-Id credits the order twice (only the
 *   --ledger-url hook can see that: the answers are the same 200).
 *
 * The correct receiver is checkout-notification.ts.
 */
import { createServer, type Server } from "node:http";
import { applyNotification, type CheckoutStore, emptyStore } from "./checkout-notification.js";
import { parseJson, rawBody, sendJson } from "./lib/http.js";

export function createBrokenMerchant(store: CheckoutStore = emptyStore()): Server {
  return createServer(async (req, res) => {
    const body = await rawBody(req);
    applyNotification(store, String(req.headers["request-id"] ?? ""), parseJson(body));
    sendJson(res, 200, { status: "received" });
  });
}
