/**
 * Non-SNAP DOKU VA v2 payment codes (research §5.12-5.14, §5.17) in memory: generate (DOKU-generated or
 * merchant-generated number), update / cancel (PATCH, virtual_account_info.status ACTIVE / DELETE), and check
 * status (GET /orders/v1/status/{invoice_number or original Request-Id}; Checkout orders answer from
 * checkout.ts). Kit choices where DOKU is silent:
 * a reused invoice_number answers 400 duplicate_invoice_number; PATCH / status of an unknown (or cancelled,
 * for PATCH) code answers 404 not_found; a DOKU-generated number keeps the spec example's length and prefix.
 */
import { header } from "../context.js";
import { utcSeconds, wibCompact } from "../dates.js";
import { duplicateInvoice, fault } from "../errors.js";
import { asRecord, child } from "../overlay.js";
import type { Fault, Success } from "../reply.js";
import type { PaymentCodeRecord } from "../state.js";
import { checkoutOrderStatus } from "./checkout.js";
import { type Handler, type HandlerInput, prismAnswer } from "./handler.js";
import { applyStoreStatus } from "./o2o-state.js";

const DEFAULT_EXPIRED_MINUTES = 60;
const notFound = (detail: string) => fault(404, "01", "Not Found", "not_found", detail);

/** A DOKU-generated VA number: the example's prefix and length, a sequence number at the end. */
export function issueNumber(example: unknown, sequence: number): string {
  const template = typeof example === "string" && /^[0-9]{8,}$/.test(example) ? example : "8000100000000000";
  const tail = String(sequence).padStart(template.length - 5, "0");
  return template.slice(0, 5) + tail.slice(-(template.length - 5));
}

function setDates(info: Record<string, unknown>, createdAt: number, expiresAt: number) {
  Object.assign(info, {
    created_date: wibCompact(createdAt),
    expired_date: wibCompact(expiresAt),
    created_date_utc: utcSeconds(createdAt),
    expired_date_utc: utcSeconds(expiresAt),
  });
}

/** The expired_time (minutes) of a request's `*_info` object, DEFAULT_EXPIRED_MINUTES when absent. */
export function expiredMinutes(info: unknown): number {
  const value = asRecord(info).expired_time;
  return typeof value === "number" ? value : DEFAULT_EXPIRED_MINUTES;
}

/** Stores a newly issued payment code in the one payment-code store (keyed client|invoice_number). */
export function storePaymentCode(
  input: HandlerInput,
  fields: Pick<PaymentCodeRecord, "invoiceNumber" | "virtualAccountNumber" | "expiresAt" | "channel">,
  request: Record<string, unknown>,
  body: Record<string, unknown>,
): void {
  const { ctx, call, clientId } = input;
  const record: PaymentCodeRecord = {
    invoiceNumber: fields.invoiceNumber,
    virtualAccountNumber: fields.virtualAccountNumber,
    requestId: header(call, "request-id") ?? "",
    request: structuredClone(request),
    answer: structuredClone(body),
    status: "ACTIVE",
    createdAt: call.now,
    expiresAt: fields.expiresAt,
    ...(fields.channel === undefined ? {} : { channel: fields.channel }),
  };
  ctx.state.paymentCodes.set(`${clientId}|${record.invoiceNumber}`, record);
  ctx.state.paymentCodeRequests.set(`${clientId}|${record.requestId}`, record.invoiceNumber);
}

/** An issue in progress: the request, its invoice_number, and the spec's answer (body echoing the invoice). */
export interface StartedIssue {
  request: Record<string, unknown>;
  invoice: string;
  answer: Success;
  body: Record<string, unknown>;
}

/** How issuing a payment code starts: a reused invoice_number is refused, else the spec's answer echoes it. */
export async function startIssue(input: HandlerInput): Promise<StartedIssue | Success | Fault> {
  const { ctx, clientId } = input;
  const request = asRecord(input.body);
  const invoice = String(asRecord(request.order).invoice_number ?? "");
  if (ctx.state.paymentCodes.has(`${clientId}|${invoice}`)) return duplicateInvoice(invoice);
  const answer = await prismAnswer(input);
  if ("caseCode" in answer || answer.status >= 300) return answer;
  const body = asRecord(answer.body);
  answer.body = body;
  child(body, "order").invoice_number = invoice;
  return { request, invoice, answer, body };
}

const generate =
  (merchantNumber: boolean): Handler =>
  async (input) => {
    const { ctx, call } = input;
    const started = await startIssue(input);
    if (!("invoice" in started)) return started;
    const { request, invoice, answer, body } = started;
    const info = child(body, "virtual_account_info");
    const given = asRecord(request.virtual_account_info).virtual_account_number;
    const number = merchantNumber
      ? String(given)
      : issueNumber(info.virtual_account_number, ctx.state.nextSequence());
    for (const key of ["how_to_pay_page", "how_to_pay_api"]) {
      const url = info[key];
      if (
        typeof url === "string" &&
        typeof info.virtual_account_number === "string" &&
        info.virtual_account_number !== ""
      ) {
        info[key] = url.replaceAll(info.virtual_account_number, number);
      }
    }
    info.virtual_account_number = number;
    const expiresAt = call.now + expiredMinutes(request.virtual_account_info) * 60_000;
    setDates(info, call.now, expiresAt);
    storePaymentCode(
      input,
      { invoiceNumber: invoice, virtualAccountNumber: number, expiresAt },
      request,
      body,
    );
    return answer;
  };

export const createPaymentCode = generate(false);
export const createMerchantPaymentCode = generate(true);

export const updatePaymentCode: Handler = async (input) => {
  const { ctx, call, clientId } = input;
  const request = asRecord(input.body);
  const invoice = String(asRecord(request.order).invoice_number ?? "");
  const number = String(asRecord(request.virtual_account_info).virtual_account_number ?? "");
  const record = ctx.state.paymentCodes.get(`${clientId}|${invoice}`);
  if (record === undefined || record.status === "DELETE" || record.virtualAccountNumber !== number) {
    return notFound(`no active payment code ${number} for invoice_number ${invoice}`);
  }
  const answer = await prismAnswer(input);
  if ("caseCode" in answer || answer.status >= 300) return answer;
  const cancel = asRecord(request.virtual_account_info).status === "DELETE";
  const expiresAt =
    cancel || asRecord(request.virtual_account_info).expired_time === undefined
      ? record.expiresAt
      : call.now + expiredMinutes(request.virtual_account_info) * 60_000;
  const merged = { ...record.request };
  for (const key of ["order", "virtual_account_info", "customer"])
    merged[key] = { ...asRecord(record.request[key]), ...asRecord(request[key]) };
  ctx.state.paymentCodes.set(`${clientId}|${invoice}`, {
    ...record,
    request: merged,
    status: cancel ? "DELETE" : "ACTIVE",
    expiresAt,
  });
  const body = asRecord(answer.body);
  answer.body = body;
  child(body, "order").invoice_number = invoice;
  const info = child(body, "virtual_account_info");
  info.virtual_account_number = number;
  setDates(info, record.createdAt, expiresAt);
  return answer;
};

/** DOKU's transaction.status for what the payment simulator did (research §5.17). */
const SETTLED: Readonly<Record<string, string>> = { paid: "SUCCESS", expired: "EXPIRED", failed: "FAILED" };

/**
 * What check status reports: SUCCESS / EXPIRED / FAILED once settled (the simulator or o2o-state.ts), else the
 * configured status once cancelled, EXPIRED past the expiry, PENDING.
 */
export function transactionStatus(input: HandlerInput, record: PaymentCodeRecord): string {
  const settled = SETTLED[record.settlement?.status ?? ""];
  if (settled !== undefined) return settled;
  if (record.status === "DELETE") return input.ctx.settings.cancelledTransactionStatus;
  return input.call.now >= record.expiresAt ? "EXPIRED" : "PENDING";
}

export const paymentCodeStatus: Handler = async (input) => {
  const { ctx, call, clientId } = input;
  const id = call.params.invoiceNumber ?? "";
  const invoice = ctx.state.paymentCodes.has(`${clientId}|${id}`)
    ? id
    : ctx.state.paymentCodeRequests.get(`${clientId}|${id}`);
  const record = invoice === undefined ? undefined : ctx.state.paymentCodes.get(`${clientId}|${invoice}`);
  if (record === undefined)
    return (
      checkoutOrderStatus(input, id) ?? notFound(`no transaction with invoice_number or Request-Id ${id}`)
    );
  const answer = await prismAnswer(input);
  if ("caseCode" in answer || answer.status >= 300) return answer;
  const body = asRecord(answer.body);
  answer.body = body;
  // DOKU VA (payment-code API) identifiers, as in DOKU's direct inquiry sample (research §5.15).
  body.service = { id: "VIRTUAL_ACCOUNT" };
  body.acquirer = { id: "DOKU" };
  body.channel = { id: "VIRTUAL_ACCOUNT_DOKU" };
  const order = child(body, "order");
  order.invoice_number = record.invoiceNumber;
  const amount = asRecord(record.request.order).amount;
  if (amount === undefined) delete order.amount;
  else order.amount = amount;
  const transaction = child(body, "transaction");
  transaction.status = transactionStatus(input, record);
  transaction.original_request_id = record.requestId;
  const last = record.settlement?.payments.at(-1);
  if (last !== undefined) {
    transaction.date = utcSeconds(last.paidAt);
    if (amount === undefined) order.amount = Number(last.amount);
  } else delete transaction.date;
  child(body, "virtual_account_info").virtual_account_number = record.virtualAccountNumber;
  delete body.virtual_account_payment;
  applyStoreStatus(body, record);
  return answer;
};
