/**
 * SNAP check status VA (service 26): the VA created earlier (by partnerServiceId + customerNo), echoed in
 * virtualAccountData as last created / updated; an unknown VA answers 404 2601 "Transaction Not Found"
 * (observed in the sandbox, research §5.4). paidAmount is the sum of the payments the simulator made (0.00
 * before any), paymentFlagReason "Pending" / "Belum Terbayar" (the wording of DOKU's Java SDK simulator)
 * until the simulator settles it, billDetails[0].billAmount the VA's totalAmount.
 */
import { fault } from "../errors.js";
import { asRecord, echo, schemaAt } from "../overlay.js";
import { vaKey } from "../state.js";
import type { Handler } from "./handler.js";
import { VA_FIELDS, vaAnswer } from "./snap-va.js";

/**
 * paymentFlagReason by the simulator's settlement. Only "Pending" / "Belum Terbayar" is in a DOKU source (the
 * Java SDK simulator); the others are kit wording (DOKU documents none), in the style of inquiryReason.
 */
const FLAG_REASONS: Readonly<Record<string, { english: string; indonesia: string }>> = {
  pending: { english: "Pending", indonesia: "Belum Terbayar" },
  paid: { english: "Success", indonesia: "Sukses" },
  expired: { english: "Expired", indonesia: "Kedaluwarsa" },
  failed: { english: "Failed", indonesia: "Gagal" },
};

export const checkVaStatus: Handler = async (input) => {
  const { ctx, clientId } = input;
  const body = asRecord(input.body);
  const record = ctx.state.vas.get(vaKey(clientId, body.partnerServiceId, body.customerNo));
  if (record === undefined) {
    const detail = `no virtual account ${String(body.virtualAccountNo)} (partnerServiceId + customerNo)`;
    return fault(404, "01", "Transaction Not Found", "transaction_not_found", detail);
  }
  const built = await vaAnswer(input);
  if ("caseCode" in built) return built;
  if (built.answer.status >= 300) return built.answer;
  const declared = Object.keys(asRecord(built.schema?.properties));
  const fields = VA_FIELDS.filter((f) => declared.includes(f) || f in built.data);
  echo(built.data, record.data, fields, built.schema);
  echo(built.data, body, ["inquiryRequestId", "paymentRequestId"], built.schema);
  const total = asRecord(record.data.totalAmount);
  const currency = total.currency ?? "IDR";
  const payments = record.settlement?.payments ?? [];
  const paid = payments.reduce((sum, p) => sum + Math.round(Number(p.amount) * 100), 0);
  if (declared.includes("paidAmount")) built.data.paidAmount = { value: (paid / 100).toFixed(2), currency };
  if (declared.includes("paymentFlagReason")) {
    built.data.paymentFlagReason =
      FLAG_REASONS[record.settlement?.status ?? "pending"] ?? FLAG_REASONS.pending;
  }
  const last = payments.at(-1);
  if (last !== undefined && declared.includes("paymentRequestId") && body.paymentRequestId === undefined)
    built.data.paymentRequestId = last.reference;
  if (declared.includes("billDetails")) {
    if (total.value === undefined) delete built.data.billDetails;
    else built.data.billDetails = [{ billAmount: { value: total.value, currency } }];
  }
  if (schemaAt(built.schema, "additionalInfo") !== undefined || "additionalInfo" in built.data) {
    const info = asRecord(record.data.additionalInfo);
    if (info.channel !== undefined)
      built.data.additionalInfo = { ...asRecord(built.data.additionalInfo), channel: info.channel };
  }
  return built.answer;
};
