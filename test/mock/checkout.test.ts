/**
 * DOKU Checkout state on the mock: create -> payment URL on the mock's own origin + PENDING through the non-SNAP
 * check status (by invoice_number and by Request-Id) -> markCheckoutPaid -> SUCCESS with the channel; expiry
 * after payment_due_date; a reused invoice_number refused; the answers validate against the spec.
 */
import { describe, expect, it } from "vitest";
import { checkoutStore, markCheckoutPaid } from "../../src/mock/handlers/checkout.js";
import { operationValidation, validateResponse } from "../../src/validation/index.js";
import { type Answer, example, op, unique } from "./helpers.js";
import { nonSnapCalls, useMock } from "./setup.js";

let now = Date.now();
const f = useMock({ clock: () => now });

const { nonSnap, status } = nonSnapCalls(f, () => now);
const valid = (id: string, answer: Answer) =>
  validateResponse(operationValidation(f.bundle, id), {
    status: answer.status,
    headers: answer.headers,
    body: answer.json,
  });

function newOrder(name = "postman") {
  const body = example(op(f.bundle, "checkoutCreatePayment"), name);
  const invoice = `INV-${unique()}`.slice(0, 30);
  (body.order as Record<string, unknown>).invoice_number = invoice;
  return { body, invoice };
}

describe("Checkout orders on the mock", () => {
  it("create -> PENDING -> markCheckoutPaid -> SUCCESS", async () => {
    const { body, invoice } = newOrder();
    const created = await nonSnap("checkoutCreatePayment", body, undefined, `req-${invoice}`);
    expect(created.status).toBe(200);
    expect(valid("checkoutCreatePayment", created)).toEqual([]);
    const response = created.json.response as { order: unknown; payment: { url: string; token_id: string } };
    expect(created.json.message).toEqual(["SUCCESS"]);
    expect(response.order).toEqual({ invoice_number: invoice, amount: 10500 });
    expect(response.payment.url).toBe(`${f.mock.url}/checkout/link/${response.payment.token_id}`);

    const pending = await status(invoice);
    expect(pending.status).toBe(200);
    expect(valid("orderStatus", pending)).toEqual([]);
    expect(pending.json).toEqual({
      order: { invoice_number: invoice, amount: 10500 },
      transaction: { status: "PENDING", original_request_id: `req-${invoice}` },
    });
    expect((await status(`req-${invoice}`)).json).toMatchObject({ order: { invoice_number: invoice } });

    const paid = markCheckoutPaid(f.mock.state, f.mock.identity.clientId, invoice, now, {
      service: "VIRTUAL_ACCOUNT",
      acquirer: "BCA",
      channel: "VIRTUAL_ACCOUNT_BCA",
    });
    expect(typeof paid).toBe("object");
    const success = await status(invoice);
    expect(valid("orderStatus", success)).toEqual([]);
    expect(success.json).toMatchObject({
      service: { id: "VIRTUAL_ACCOUNT" },
      acquirer: { id: "BCA" },
      channel: { id: "VIRTUAL_ACCOUNT_BCA" },
      transaction: { status: "SUCCESS", date: `${new Date(now).toISOString().slice(0, 19)}Z` },
    });
    expect(markCheckoutPaid(f.mock.state, f.mock.identity.clientId, invoice, now)).toMatch(/is SUCCESS/);
  });

  it("expires after payment_due_date minutes and can no longer be paid", async () => {
    const { body, invoice } = newOrder("simple");
    expect((await nonSnap("checkoutCreatePayment", body)).status).toBe(200);
    const start = now;
    try {
      now = start + 60 * 60_000 - 1;
      expect((await status(invoice)).json).toMatchObject({ transaction: { status: "PENDING" } });
      now = start + 60 * 60_000;
      expect((await status(invoice)).json).toMatchObject({ transaction: { status: "EXPIRED" } });
      expect(markCheckoutPaid(f.mock.state, f.mock.identity.clientId, invoice, now)).toMatch(/is EXPIRED/);
    } finally {
      now = start;
    }
  });

  it("refuses a reused invoice_number and keeps the first order", async () => {
    const { body, invoice } = newOrder();
    expect((await nonSnap("checkoutCreatePayment", body)).status).toBe(200);
    const again = await nonSnap("checkoutCreatePayment", body);
    expect(again.status).toBe(400);
    expect(again.json).toMatchObject({ error: { code: "duplicate_invoice_number" } });
    expect(checkoutStore(f.mock.state).find(f.mock.identity.clientId, invoice)?.invoiceNumber).toBe(invoice);
  });

  it("an unknown id is still 404 for check status, and markCheckoutPaid says why", async () => {
    expect((await status("INV-NOT-THERE")).status).toBe(404);
    expect(markCheckoutPaid(f.mock.state, f.mock.identity.clientId, "INV-NOT-THERE", now)).toMatch(
      /no Checkout order/,
    );
    expect(f.errors).toEqual([]);
  });
});
