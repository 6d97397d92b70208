/**
 * SNAP check status VA (service 26): the VA created earlier (by partnerServiceId + customerNo), echoed in
 * virtualAccountData as last created / updated; an unknown VA answers 404 2601 "Transaction Not Found"
 * (observed in the sandbox, research §5.4). The mock has no payments, so a VA is never paid: paidAmount
 * is 0.00 in the VA's currency, paymentFlagReason "Pending" / "Belum Terbayar" (the wording of DOKU's Java
 * SDK simulator), billDetails[0].billAmount the VA's totalAmount.
 */
import { fault } from "../errors.js";
import { asRecord, echo, schemaAt } from "../overlay.js";
import { vaKey } from "../state.js";
import type { Handler } from "./handler.js";
import { VA_FIELDS, vaAnswer } from "./snap-va.js";

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
  if (declared.includes("paidAmount")) built.data.paidAmount = { value: "0.00", currency };
  if (declared.includes("paymentFlagReason")) {
    built.data.paymentFlagReason = { english: "Pending", indonesia: "Belum Terbayar" };
  }
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
