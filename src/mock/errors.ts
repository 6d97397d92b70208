/**
 * Error bodies. SNAP: DOKU's envelope `{"responseCode","responseMessage"}`, responseCode = HTTP status (3) +
 * service code (2) + case code (2), HTTP status = its first three digits (research §6.1, D-RC).
 * Non-SNAP: DOKU documents NO error body (research §5.12); the default shape below is the kit's own,
 * `{"error":{"code","message","field"?}}`, and can be replaced through MockOptions.nonSnapErrorBody.
 */
import type { Operation } from "../model/operation.js";
import { type Fault, jsonReply, type Reply } from "./reply.js";

/** Builds the body of a non-SNAP error from a Fault; the default is `defaultNonSnapErrorBody`. */
export type NonSnapErrorBody = (fault: Fault, op: Operation | undefined) => unknown;

/** The kit's non-SNAP error body (not DOKU's: DOKU documents none). */
export const defaultNonSnapErrorBody: NonSnapErrorBody = (fault) => ({
  error: {
    code: fault.code,
    message: fault.detail,
    ...(fault.field !== undefined ? { field: fault.field } : {}),
  },
});

/** `status` + service code + case code; "00" stands in for an operation without a service code. */
export function snapResponseCode(op: Operation, status: number, caseCode: string): string {
  return `${status}${op.serviceCode ?? "00"}${caseCode}`;
}

/** A SNAP error reply. */
export function snapErrorReply(op: Operation, fault: Fault): Reply {
  return jsonReply(fault.status, {
    responseCode: snapResponseCode(op, fault.status, fault.caseCode),
    responseMessage: fault.message,
  });
}

/** A Fault with the non-SNAP code defaulting from the SNAP wording. */
export function fault(
  status: number,
  caseCode: string,
  message: string,
  code: string,
  detail = message,
): Fault {
  return { status, caseCode, message, code, detail };
}

/** The non-SNAP answer to a reused invoice_number (kit choice; DOKU is silent): 400 duplicate_invoice_number. */
export const duplicateInvoice = (invoice: string): Fault =>
  fault(400, "00", "Bad Request", "duplicate_invoice_number", `invoice_number ${invoice} was already used`);
