/**
 * State where DOKU has it: SNAP VA create -> status -> update -> status -> delete -> status 404, duplicate
 * trxId (4042718), duplicate X-EXTERNAL-ID (409), the external-id day in Asia/Jakarta; non-SNAP payment
 * code create -> status -> cancel -> status, idempotent replays by Request-Id.
 */
import { describe, expect, it } from "vitest";
import { formatSnapTimestamp, signRequest } from "../../src/signatures/index.js";
import {
  createVaBody,
  deleteVaBody,
  newVa,
  paymentCodeBody,
  statusBody,
  updateVaBody,
  type Va,
} from "./fixtures/bodies.js";
import { op, sendSigned, snapInput, tokenInput } from "./helpers.js";
import { nonSnapCalls, useMock } from "./setup.js";

let now = Date.now();
const f = useMock({ clock: () => now });

async function snap(id: string, body: unknown, headers: Record<string, string> = {}) {
  const tokenAnswer = await sendSigned(
    f.mock.url,
    signRequest(tokenInput(f.bundle, f.mock.identity, formatSnapTimestamp(now))),
  );
  const input = snapInput(
    op(f.bundle, id),
    f.mock.identity,
    tokenAnswer.json.accessToken as string,
    body,
    headers,
  );
  return sendSigned(f.mock.url, signRequest({ ...input, timestamp: formatSnapTimestamp(now) }));
}

const data = (answer: { json: Record<string, unknown> }) =>
  answer.json.virtualAccountData as Record<string, unknown>;

describe("SNAP VA state", () => {
  it("create -> status -> update -> status -> delete -> status 404", async () => {
    const va: Va = newVa();
    expect((await snap("snapCreateVa", createVaBody(f.bundle, va))).status).toBe(200);

    const first = await snap("snapCheckVaStatus", statusBody(va));
    expect(first.status).toBe(200);
    expect(data(first)).toMatchObject({
      ...va,
      billDetails: [{ billAmount: { value: "11500.00", currency: "IDR" } }],
    });

    const changes = { totalAmount: { value: "20000.00", currency: "IDR" } };
    const updated = await snap("snapUpdateVa", updateVaBody(f.bundle, va, changes));
    expect(updated.status, updated.text).toBe(200);
    expect(data(updated)).toMatchObject({ ...va, ...changes });

    const second = await snap("snapCheckVaStatus", statusBody(va));
    expect(data(second).billDetails).toEqual([{ billAmount: changes.totalAmount }]);

    const deleted = await snap("snapDeleteVa", deleteVaBody(va));
    expect(deleted.status, deleted.text).toBe(200);
    expect(deleted.json.responseCode).toBe("2003100");
    expect(data(deleted)).toMatchObject(va);

    const gone = await snap("snapCheckVaStatus", statusBody(va));
    expect(gone.status).toBe(404);
    expect(gone.json).toEqual({ responseCode: "4042601", responseMessage: "Transaction Not Found" });
  });

  it("unknown VA: status 4042601, update 4042801, delete 4043101", async () => {
    const va = newVa();
    expect((await snap("snapCheckVaStatus", statusBody(va))).json.responseCode).toBe("4042601");
    expect((await snap("snapUpdateVa", updateVaBody(f.bundle, va))).json.responseCode).toBe("4042801");
    expect((await snap("snapDeleteVa", deleteVaBody(va))).json.responseCode).toBe("4043101");
  });

  it("a reused trxId on create -> 404 4042718 Inconsistent Request (observed)", async () => {
    const va = newVa();
    expect((await snap("snapCreateVa", createVaBody(f.bundle, va))).status).toBe(200);
    const again = await snap("snapCreateVa", createVaBody(f.bundle, { ...newVa(), trxId: va.trxId }));
    expect(again.status).toBe(404);
    expect(again.json).toEqual({ responseCode: "4042718", responseMessage: "Inconsistent Request" });
  });

  it("a reused X-EXTERNAL-ID the same day -> 409 <svc>00 Conflict, on any SNAP operation", async () => {
    const headers = { "X-EXTERNAL-ID": "41807553358999" };
    expect((await snap("snapCreateVa", createVaBody(f.bundle, newVa()), headers)).status).toBe(200);
    const again = await snap("snapCreateVa", createVaBody(f.bundle, newVa()), headers);
    expect(again.status).toBe(409);
    expect(again.json).toEqual({ responseCode: "4092700", responseMessage: "Conflict" });
    const dana = op(f.bundle, "danaPayment");
    const other = await snap("danaPayment", dana.request.examples[0]?.value, headers);
    expect(other.json).toEqual({ responseCode: "4090500", responseMessage: "Conflict" });
  });

  it("the external-id day turns at midnight Asia/Jakarta (UTC+7), not UTC", async () => {
    const start = now;
    try {
      const headers = { "X-EXTERNAL-ID": "5550001" };
      now = Date.parse("2026-05-01T16:59:00Z"); // 23:59 WIB
      expect((await snap("snapCreateVa", createVaBody(f.bundle, newVa()), headers)).status).toBe(200);
      now = Date.parse("2026-05-01T17:01:00Z"); // 00:01 WIB the next day, same UTC day
      expect((await snap("snapCreateVa", createVaBody(f.bundle, newVa()), headers)).status).toBe(200);
      now = Date.parse("2026-05-01T23:00:00Z"); // still 2 May WIB
      expect((await snap("snapCreateVa", createVaBody(f.bundle, newVa()), headers)).status).toBe(409);
    } finally {
      now = start;
    }
  });
});

describe("non-SNAP payment code state", () => {
  const { nonSnap, status } = nonSnapCalls(f, () => now);

  it("create -> status -> cancel -> status", async () => {
    const body = paymentCodeBody(f.bundle);
    const invoice = String(body.order?.invoice_number);
    const created = await nonSnap("dokuVaCreatePaymentCode", body, undefined, `req-${invoice}`);
    expect(created.status).toBe(200);
    const number = (created.json.virtual_account_info as Record<string, unknown>).virtual_account_number;

    const pending = await status(invoice);
    expect(pending.status).toBe(200);
    expect(pending.json).toMatchObject({
      order: { invoice_number: invoice, amount: body.order?.amount },
      transaction: { status: "PENDING", original_request_id: `req-${invoice}` },
      virtual_account_info: { virtual_account_number: number },
    });
    expect((await status(`req-${invoice}`)).json).toMatchObject({ order: { invoice_number: invoice } });

    const update = structuredClone(
      op(f.bundle, "dokuVaUpdatePaymentCode").request.examples[0]?.value,
    ) as Record<string, Record<string, unknown>>;
    update.order = { ...update.order, invoice_number: invoice };
    update.virtual_account_info = {
      ...update.virtual_account_info,
      virtual_account_number: number,
      status: "DELETE",
    };
    const cancelled = await nonSnap("dokuVaUpdatePaymentCode", update);
    expect(cancelled.status, cancelled.text).toBe(200);

    const after = await status(invoice);
    expect(after.json).toMatchObject({ transaction: { status: "EXPIRED" } });
    const again = await nonSnap("dokuVaUpdatePaymentCode", {
      ...update,
      virtual_account_info: { ...update.virtual_account_info, status: "ACTIVE" },
    });
    expect(again.status).toBe(404);
  });

  it("check status of an unknown invoice -> 404", async () => {
    const answer = await status("INV-NEVER-CREATED");
    expect(answer.status).toBe(404);
    expect(answer.json).toMatchObject({ error: { code: "not_found" } });
  });

  it("a payment code expires after expired_time minutes on the mock's clock", async () => {
    const body = paymentCodeBody(f.bundle);
    const invoice = String(body.order?.invoice_number);
    expect((await nonSnap("dokuVaCreatePaymentCode", body)).status).toBe(200);
    const start = now;
    try {
      now = start + 61 * 60_000;
      expect((await status(invoice)).json).toMatchObject({ transaction: { status: "EXPIRED" } });
    } finally {
      now = start;
    }
  });

  it("same Request-Id + same body -> the same body with 409 (research §7.3)", async () => {
    const body = paymentCodeBody(f.bundle);
    const first = await nonSnap("dokuVaCreatePaymentCode", body, undefined, "idem-same-1");
    const replay = await nonSnap("dokuVaCreatePaymentCode", body, undefined, "idem-same-1");
    expect(first.status).toBe(200);
    expect(replay.status).toBe(409);
    expect(replay.text).toBe(first.text);
    expect(replay.headers.signature).toMatch(/^HMACSHA256=/);
  });

  it("same Request-Id + different body -> 409 request_id_reused (kit choice; DOKU undocumented)", async () => {
    const first = await nonSnap(
      "dokuVaCreatePaymentCode",
      paymentCodeBody(f.bundle),
      undefined,
      "idem-diff-1",
    );
    const other = await nonSnap(
      "dokuVaCreatePaymentCode",
      paymentCodeBody(f.bundle),
      undefined,
      "idem-diff-1",
    );
    expect(first.status).toBe(200);
    expect(other.status).toBe(409);
    expect(other.json).toMatchObject({ error: { code: "request_id_reused" } });
  });

  it("a reused invoice_number with a new Request-Id -> 400 duplicate_invoice_number (kit choice)", async () => {
    const body = paymentCodeBody(f.bundle);
    expect((await nonSnap("dokuVaCreatePaymentCode", body)).status).toBe(200);
    const again = await nonSnap("dokuVaCreatePaymentCode", body);
    expect(again.status).toBe(400);
    expect(again.json).toMatchObject({ error: { code: "duplicate_invoice_number" } });
  });

  it("the merchant-generated number is kept", async () => {
    const body = paymentCodeBody(f.bundle, "dokuVaCreateMerchantPaymentCode");
    const answer = await nonSnap("dokuVaCreateMerchantPaymentCode", body);
    expect(answer.json).toMatchObject({
      virtual_account_info: { virtual_account_number: body.virtual_account_info?.virtual_account_number },
    });
  });
});
