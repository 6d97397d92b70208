/** Simulator test plumbing: the real bundle, a mock identity the merchants share, VAs created through the API. */
import { randomInt } from "node:crypto";
import { afterEach, beforeAll } from "vitest";
import { loadSpecBundle } from "../../conformance/bundle.js";
import { generateIdentity, type MockIdentity } from "../../src/mock/index.js";
import type { SpecBundle } from "../../src/model/operation.js";
import { signRequest } from "../../src/signatures/request-signer.js";
import { example, fetchToken, nonSnapInput, op, sendSigned, snapInput } from "../mock/helpers.js";

/** Per test file: the real bundle (loaded before the first test) and what a test opened (closed after it, last first). */
export function useSimulatorFixture(): { bundle: SpecBundle; open: { close(): Promise<void> }[] } {
  const fixture = { bundle: undefined as unknown as SpecBundle, open: [] as { close(): Promise<void> }[] };
  beforeAll(async () => {
    fixture.bundle = await loadSpecBundle();
  });
  afterEach(async () => {
    for (const o of fixture.open.splice(0).reverse()) await o.close();
  });
  return fixture;
}

let identity: MockIdentity | undefined;
/** One generated identity per test file (RSA generation is slow). */
export function sharedIdentity(): MockIdentity {
  identity ??= generateIdentity();
  return identity;
}

export function digits(n: number): string {
  let out = "";
  while (out.length < n) out += String(randomInt(0, 10));
  return out;
}

/** WIB ISO-8601 an hour from now (expiredDate). */
export function inAnHour(): string {
  return `${new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 19)}+07:00`;
}

export interface SnapVaSpec {
  trxType?: "C" | "O" | "V";
  amount?: string;
  reusable?: boolean;
  min?: string;
  max?: string;
}

/** Creates a SNAP VA on the mock (Create VA, signed); returns its number and trxId. */
export async function createSnapVa(
  base: string,
  bundle: SpecBundle,
  mockIdentity: MockIdentity,
  spec: SnapVaSpec = {},
): Promise<{ number: string; trxId: string; partnerServiceId: string; customerNo: string }> {
  const token = await fetchToken(base, bundle, mockIdentity);
  const create = op(bundle, "snapCreateVa");
  const body = example(create);
  const partnerServiceId = "98829172";
  const customerNo = digits(20);
  const trxId = `INV-${digits(12)}`;
  Object.assign(body, {
    partnerServiceId,
    customerNo,
    virtualAccountNo: partnerServiceId + customerNo,
    virtualAccountName: "Toru Yamashita",
    trxId,
    totalAmount: { value: spec.amount ?? "11500.00", currency: "IDR" },
    virtualAccountTrxType: spec.trxType ?? "C",
    expiredDate: inAnHour(),
    additionalInfo: {
      channel: "VIRTUAL_ACCOUNT_BNI",
      virtualAccountConfig: {
        reusableStatus: spec.reusable ?? false,
        ...(spec.min === undefined ? {} : { minAmount: spec.min }),
        ...(spec.max === undefined ? {} : { maxAmount: spec.max }),
      },
    },
  });
  const answer = await sendSigned(base, signRequest(snapInput(create, mockIdentity, token, body)));
  if (answer.status !== 200) throw new Error(`create VA: ${answer.status} ${answer.text}`);
  return { number: partnerServiceId + customerNo, trxId, partnerServiceId, customerNo };
}

/** SNAP check status of a VA: the answer's virtualAccountData. */
export async function snapStatus(
  base: string,
  bundle: SpecBundle,
  mockIdentity: MockIdentity,
  va: { partnerServiceId: string; customerNo: string },
): Promise<Record<string, unknown>> {
  const token = await fetchToken(base, bundle, mockIdentity);
  const status = op(bundle, "snapCheckVaStatus");
  const body = {
    partnerServiceId: va.partnerServiceId,
    customerNo: va.customerNo,
    virtualAccountNo: va.partnerServiceId + va.customerNo,
    inquiryRequestId: digits(12),
  };
  const answer = await sendSigned(base, signRequest(snapInput(status, mockIdentity, token, body)));
  if (answer.status !== 200) throw new Error(`check status: ${answer.status} ${answer.text}`);
  return answer.json.virtualAccountData as Record<string, unknown>;
}

/** Creates a non-SNAP payment code (DOKU-generated); `order` / `info` override the example's. */
export async function createPaymentCode(
  base: string,
  bundle: SpecBundle,
  mockIdentity: MockIdentity,
  order: Record<string, unknown> = { amount: 150000 },
  info: Record<string, unknown> = { billing_type: "FIX_BILL" },
): Promise<{ number: string; invoice: string }> {
  const create = op(bundle, "dokuVaCreatePaymentCode");
  const body = example(create, "dgpc");
  const invoice = `INV-${digits(10)}`;
  body.order = { invoice_number: invoice, ...order };
  body.virtual_account_info = { ...(body.virtual_account_info as object), ...info };
  const answer = await sendSigned(base, signRequest(nonSnapInput(create, mockIdentity, body)));
  if (answer.status !== 200) throw new Error(`payment code: ${answer.status} ${answer.text}`);
  const number = (answer.json.virtual_account_info as { virtual_account_number: string })
    .virtual_account_number;
  return { number, invoice };
}

/** Creates a DOKU Checkout order (POST /checkout/v1/payment, signed); returns its invoice, Request-Id and payment URL. */
export async function createCheckoutOrder(
  base: string,
  bundle: SpecBundle,
  mockIdentity: MockIdentity,
  amount = 10500,
): Promise<{ invoice: string; requestId: string; url: string; tokenId: string }> {
  const create = op(bundle, "checkoutCreatePayment");
  const body = example(create, "postman");
  const invoice = `INV-${digits(12)}`;
  body.order = { ...(body.order as object), invoice_number: invoice, amount };
  body.payment = { ...(body.payment as object), payment_due_date: 60 };
  const requestId = `req-${invoice}`;
  const answer = await sendSigned(
    base,
    signRequest(nonSnapInput(create, mockIdentity, body, create.path, { "Request-Id": requestId })),
  );
  if (answer.status !== 200) throw new Error(`checkout: ${answer.status} ${answer.text}`);
  const payment = (answer.json.response as { payment: { url: string; token_id: string } }).payment;
  return { invoice, requestId, url: payment.url, tokenId: payment.token_id };
}

/** Creates a convenience-store payment code (Alfa Group or Indomaret, signed); returns the code and invoice. */
export async function createStoreCode(
  base: string,
  bundle: SpecBundle,
  mockIdentity: MockIdentity,
  operationId: "alfaCreatePaymentCode" | "indomaretCreatePaymentCode",
  reusable = false,
  amount = 150000,
): Promise<{ code: string; invoice: string; requestId: string }> {
  const create = op(bundle, operationId);
  // Alfa's page shows no request sample; both stores take the same body (test/mock/o2o.test.ts).
  const body = example(op(bundle, "indomaretCreatePaymentCode"));
  const invoice = `INV-${digits(10)}`;
  body.order = { invoice_number: invoice, amount };
  body.online_to_offline_info = { expired_time: 60, reusable_status: reusable, info: "Thanks" };
  const requestId = `req-${invoice}`;
  const answer = await sendSigned(
    base,
    signRequest(nonSnapInput(create, mockIdentity, body, create.path, { "Request-Id": requestId })),
  );
  if (answer.status !== 200) throw new Error(`store code: ${answer.status} ${answer.text}`);
  const code = (answer.json.online_to_offline_info as { payment_code: string }).payment_code;
  return { code, invoice, requestId };
}

/** Non-SNAP check status: transaction.status. */
export async function orderStatus(
  base: string,
  bundle: SpecBundle,
  mockIdentity: MockIdentity,
  invoice: string,
): Promise<Record<string, unknown>> {
  const status = op(bundle, "orderStatus");
  const path = `/orders/v1/status/${invoice}`;
  const answer = await sendSigned(base, signRequest(nonSnapInput(status, mockIdentity, undefined, path)));
  if (answer.status !== 200) throw new Error(`order status: ${answer.status} ${answer.text}`);
  return answer.json as Record<string, unknown>;
}

/** POST /_simulator/api/simulate as the page would (same origin). */
export async function simulateHttp(
  base: string,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${base}/_simulator/api/simulate`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: base, ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

/** Resolves when `check` holds, polling; rejects after `ms`. */
export async function until(check: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 20));
  }
}
