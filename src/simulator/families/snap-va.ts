/**
 * SNAP VA (x-doku-simulate family snap-va): VAs created with Create VA (DGPC / MGPC) and VAs the merchant
 * registered itself (DIPC, known after DOKU's direct inquiry). Bodies follow the BNI page (seed 002, research
 * §5.5-5.6): the notification echoes the VA as created, paidAmount / trxDateTime / paymentRequestId of the
 * payment. virtualAccountTrxType C is a closed bill (exact amount), O open and V variable (any amount within
 * virtualAccountConfig.minAmount / maxAmount); reusableStatus true allows several payments.
 * Kit choices (DOKU does not say): a DIPC number's partnerServiceId is its first 8 characters (the 8-digit BIN
 * of DOKU's BNI samples); a DIPC bill without trxId in the answer uses the inquiryRequestId as trxId.
 */
import { randomInt } from "node:crypto";
import { type MockState, type VaRecord, vaKey } from "../../mock/index.js";
import type { ItemStatus } from "../types.js";
import {
  amountLimits,
  amountNumber,
  iso,
  itemPayments,
  type Payable,
  record,
  type SimulatorFamily,
  wibIso,
} from "./family.js";

const BIN_LENGTH = 8;

/** A SNAP paymentRequestId (max 30): epoch ms + 6 random digits. */
function newReference(): string {
  return `${Date.now()}${String(randomInt(0, 1_000_000)).padStart(6, "0")}`;
}

const AMOUNT_TYPES: Readonly<Record<string, string>> = { C: "fixed", O: "open", V: "variable" };

function payable(state: MockState, rec: VaRecord, now: number): Payable {
  const data = rec.data;
  const info = record(data.additionalInfo);
  const config = record(info.virtualAccountConfig);
  const total = record(data.totalAmount);
  const currency = typeof total.currency === "string" ? total.currency : "IDR";
  const trxType = String(data.virtualAccountTrxType ?? "C");
  const totalValue = amountNumber(total.value);
  const min = amountNumber(config.minAmount);
  const max = amountNumber(config.maxAmount);
  const closed = trxType === "C" || trxType === "1";
  const expiresAt = typeof data.expiredDate === "string" ? Date.parse(data.expiredDate) : undefined;
  const settlement = rec.settlement;
  const number = String(data.virtualAccountNo ?? "").trim();
  const expired = settlement === undefined && expiresAt !== undefined && now >= expiresAt;
  const status: ItemStatus = settlement?.status ?? (expired ? "expired" : "pending");
  const limitType = min !== undefined || max !== undefined ? "limit" : undefined;
  return {
    item: {
      id: number,
      family: "snap-va",
      kind: "va",
      number,
      ...(typeof data.virtualAccountName === "string" ? { name: data.virtualAccountName } : {}),
      amount:
        totalValue === undefined || (!closed && totalValue === 0)
          ? null
          : { value: String(total.value), currency },
      amountType: closed ? "fixed" : (limitType ?? AMOUNT_TYPES[trxType] ?? "open"),
      reusable: config.reusableStatus === true,
      status,
      createdAt: iso(rec.createdAt),
      payments: itemPayments(settlement),
    },
    limits: amountLimits(closed, totalValue, min, max),
    expiresAt: Number.isNaN(expiresAt) ? undefined : expiresAt,
    settlement,
    settle: (next) => {
      const current = state.vas.get(rec.key) ?? rec;
      state.vas.set(rec.key, { ...current, settlement: next });
    },
    inquired: typeof data.inquiryRequestId === "string",
    aliases: [rec.trxId],
    reference: () =>
      typeof data.inquiryRequestId === "string" &&
      !(settlement?.payments ?? []).some((p) => p.reference === data.inquiryRequestId)
        ? data.inquiryRequestId
        : newReference(),
    notification: (payment) => {
      const pick = (keys: string[]) =>
        Object.fromEntries(keys.filter((k) => data[k] !== undefined).map((k) => [k, data[k]]));
      return {
        ...pick(["partnerServiceId", "customerNo", "virtualAccountNo", "virtualAccountName"]),
        ...pick(["virtualAccountEmail", "virtualAccountPhone", "trxId"]),
        paymentRequestId: payment.reference,
        paidAmount: { value: payment.amount, currency },
        ...(totalValue === undefined ? {} : { totalAmount: { value: String(total.value), currency } }),
        trxDateTime: wibIso(payment.paidAt),
        ...pick(["virtualAccountTrxType"]),
        additionalInfo: {
          ...(info.channel === undefined ? {} : { channel: info.channel }),
          ...(Object.keys(config).length === 0 ? {} : { virtualAccountConfig: config }),
        },
      };
    },
  };
}

export const snapVa: SimulatorFamily = {
  formatAmount: (value) => value.toFixed(2),
  list: (state, now) => [...state.vas.values()].map((rec) => payable(state, rec, now)),
  inquiry: (number, requestId, now) => ({
    partnerServiceId: number.slice(0, BIN_LENGTH),
    customerNo: number.slice(BIN_LENGTH),
    virtualAccountNo: number,
    trxDateInit: wibIso(now),
    inquiryRequestId: requestId,
  }),
  fromInquiry: (state, clientId, number, inquiry, answer, now) => {
    const json = record(answer.json);
    const data = record(json.virtualAccountData);
    const code = typeof json.responseCode === "string" ? json.responseCode : String(json.responseCode ?? "");
    const inquiryStatus = data.inquiryStatus;
    if (answer.status < 200 || answer.status >= 300 || !code.startsWith("200") || inquiryStatus !== "00") {
      return {
        declined: `the merchant's inquiry answer was HTTP ${answer.status} responseCode ${code || "(none)"} inquiryStatus ${String(inquiryStatus ?? "(none)")}; DOKU does not let the customer pay`,
      };
    }
    const asked = record(inquiry);
    const partnerServiceId = String(data.partnerServiceId ?? asked.partnerServiceId);
    const customerNo = String(data.customerNo ?? asked.customerNo);
    const inquiryRequestId = String(asked.inquiryRequestId);
    const trxId = typeof data.trxId === "string" ? data.trxId : inquiryRequestId;
    const key = vaKey(clientId, partnerServiceId, customerNo);
    const additionalInfo = record(data.additionalInfo ?? json.additionalInfo);
    const rec: VaRecord = {
      key,
      trxId,
      data: {
        partnerServiceId,
        customerNo,
        virtualAccountNo: String(data.virtualAccountNo ?? number),
        virtualAccountName: data.virtualAccountName,
        ...(data.virtualAccountEmail === undefined ? {} : { virtualAccountEmail: data.virtualAccountEmail }),
        ...(data.virtualAccountPhone === undefined ? {} : { virtualAccountPhone: data.virtualAccountPhone }),
        trxId,
        totalAmount: data.totalAmount,
        virtualAccountTrxType: data.virtualAccountTrxType,
        ...(data.expiredDate === undefined ? {} : { expiredDate: data.expiredDate }),
        additionalInfo,
        inquiryRequestId,
      },
      createdAt: state.vas.get(key)?.createdAt ?? now,
      updatedAt: now,
    };
    // Asked again for a number it already knows: the payments so far stay.
    const settlement = state.vas.get(key)?.settlement;
    if (settlement !== undefined) rec.settlement = settlement;
    state.vas.set(key, rec);
    state.trxIds.set(`${clientId}|${trxId}`, key);
    return { payable: payable(state, rec, now) };
  },
};
