/**
 * Convenience-store payment codes on the mock: Alfa / Indomaret generate -> non-SNAP check status (PENDING,
 * the store's ids, online_to_offline_info) -> pay once (SUCCESS with a date; a second payment refused) ->
 * expire; duplicate invoice numbers refused; DOKU VA codes go through the same pay transition.
 */
import { describe, expect, it } from "vitest";
import { expirePaymentCode, payPaymentCode } from "../../src/mock/handlers/o2o-state.js";
import { paymentCodeBody } from "./fixtures/bodies.js";
import { example, op, unique } from "./helpers.js";
import { nonSnapCalls, useMock } from "./setup.js";

let now = Date.now();
const f = useMock({ clock: () => now });

const { nonSnap, status } = nonSnapCalls(f, () => now);
const clientId = () => f.mock.identity.clientId;

function storeBody(invoice: string, reusable = false): Record<string, unknown> {
  const body = example(op(f.bundle, "indomaretCreatePaymentCode"));
  body.order = { invoice_number: invoice, amount: 150000 };
  body.online_to_offline_info = { expired_time: 30, reusable_status: reusable, info: "Thanks" };
  return body;
}

describe.each([
  [
    "alfaCreatePaymentCode",
    { service: "ONLINE_TO_OFFLINE", acquirer: "ALFA", channel: "ONLINE_TO_OFFLINE_ALFA" },
  ],
  [
    "indomaretCreatePaymentCode",
    { service: "ONLINE_TO_OFFLINE", acquirer: "INDOMARET", channel: "ONLINE_TO_OFFLINE_INDOMARET" },
  ],
] as const)("%s", (id, ids) => {
  it("generate -> status PENDING -> pay -> SUCCESS -> second payment refused", async () => {
    now = Date.parse("2026-01-05T03:00:00Z");
    const invoice = `INV-${unique()}`;
    const created = await nonSnap(id, storeBody(invoice), undefined, `req-${invoice}`);
    expect(created.status, created.text).toBe(200);
    const info = created.json.online_to_offline_info as Record<string, unknown>;
    expect(info.payment_code).toMatch(/^[0-9]{16}$/);
    expect(info).toMatchObject({ created_date: "20260105100000", expired_date: "20260105103000" });
    expect(created.json.order).toMatchObject({ invoice_number: invoice });

    const pending = await status(invoice);
    expect(pending.status, pending.text).toBe(200);
    expect(pending.json).toMatchObject({
      service: { id: ids.service },
      acquirer: { id: ids.acquirer },
      channel: { id: ids.channel },
      order: { invoice_number: invoice, amount: 150000 },
      transaction: { status: "PENDING", original_request_id: `req-${invoice}` },
      online_to_offline_info: { payment_code: info.payment_code, reusable_status: "false" },
    });
    expect(pending.json).not.toHaveProperty("virtual_account_info");
    expect(pending.json.transaction).not.toHaveProperty("date");

    now += 60_000;
    const paid = payPaymentCode(f.mock.state, clientId(), `req-${invoice}`, now);
    expect(paid.paid).toBe(true);
    const success = await status(invoice);
    expect(success.json).toMatchObject({ transaction: { status: "SUCCESS", date: "2026-01-05T03:01:00Z" } });
    expect(payPaymentCode(f.mock.state, clientId(), invoice, now + 1)).toEqual({
      paid: false,
      reason: "already_paid",
    });
    expect(expirePaymentCode(f.mock.state, clientId(), invoice, now)).toBe(false);
  });

  it("a reused invoice number is refused with 400", async () => {
    const invoice = `INV-${unique()}`;
    expect((await nonSnap(id, storeBody(invoice))).status).toBe(200);
    const again = await nonSnap(id, storeBody(invoice));
    expect(again.status).toBe(400);
  });
});

describe("payment-code transitions", () => {
  it("expire: status EXPIRED, payment refused", async () => {
    const invoice = `INV-${unique()}`;
    expect((await nonSnap("alfaCreatePaymentCode", storeBody(invoice))).status).toBe(200);
    expect(expirePaymentCode(f.mock.state, clientId(), invoice, now)).toBe(true);
    expect((await status(invoice)).json).toMatchObject({ transaction: { status: "EXPIRED" } });
    expect(payPaymentCode(f.mock.state, clientId(), invoice, now)).toEqual({
      paid: false,
      reason: "expired",
    });
  });

  it("a code past its expired_time cannot be paid", async () => {
    const invoice = `INV-${unique()}`;
    expect((await nonSnap("indomaretCreatePaymentCode", storeBody(invoice))).status).toBe(200);
    expect(payPaymentCode(f.mock.state, clientId(), invoice, now + 31 * 60_000)).toEqual({
      paid: false,
      reason: "expired",
    });
  });

  it("a reusable code can be paid again; an unknown one is not_found", async () => {
    const invoice = `INV-${unique()}`;
    expect((await nonSnap("alfaCreatePaymentCode", storeBody(invoice, true))).status).toBe(200);
    expect(payPaymentCode(f.mock.state, clientId(), invoice, now).paid).toBe(true);
    expect(payPaymentCode(f.mock.state, clientId(), invoice, now + 1).paid).toBe(true);
    expect((await status(invoice)).json).toMatchObject({
      online_to_offline_info: { reusable_status: "true" },
    });
    expect(payPaymentCode(f.mock.state, clientId(), `INV-${unique()}`, now)).toEqual({
      paid: false,
      reason: "not_found",
    });
  });

  it("a DOKU VA payment code is paid once through the same store", async () => {
    const body = paymentCodeBody(f.bundle);
    const invoice = String(body.order?.invoice_number);
    const created = await nonSnap("dokuVaCreatePaymentCode", body);
    expect(created.status, created.text).toBe(200);
    expect(payPaymentCode(f.mock.state, clientId(), invoice, now).paid).toBe(true);
    const success = await status(invoice);
    expect(success.json).toMatchObject({
      service: { id: "VIRTUAL_ACCOUNT" },
      transaction: { status: "SUCCESS" },
      virtual_account_info: {
        virtual_account_number: (created.json.virtual_account_info as Record<string, unknown>)
          .virtual_account_number,
      },
    });
    expect(payPaymentCode(f.mock.state, clientId(), invoice, now).paid).toBe(false);
  });

  it("the mock reported no internal errors", () => {
    expect(f.errors).toEqual([]);
  });
});
