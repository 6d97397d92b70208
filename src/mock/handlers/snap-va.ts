/**
 * SNAP VA state (in memory): create remembers the VA by partnerServiceId + customerNo and its trxId; update
 * changes it; delete removes it; check status reads it. Sources: research §5.1-5.4. Reusing a trxId on
 * create answers 404 <svc>18 "Inconsistent Request" (observed in the sandbox); an unknown VA on check status
 * answers 404 2601 "Transaction Not Found" (observed). Kit choices (undocumented by DOKU): creating a VA
 * number that is already registered also answers <svc>18, and update/delete of an unknown VA answer 404
 * <svc>01 "Transaction Not Found" like check status.
 */
import { fault } from "../errors.js";
import { asRecord, child, echo, schemaAt } from "../overlay.js";
import type { Fault, Success } from "../reply.js";
import { type VaRecord, vaKey } from "../state.js";
import { type Handler, type HandlerInput, prismAnswer } from "./handler.js";

/** The request fields a create / update answer echoes in virtualAccountData. */
export const VA_FIELDS = [
  "partnerServiceId",
  "customerNo",
  "virtualAccountNo",
  "virtualAccountName",
  "virtualAccountEmail",
  "virtualAccountPhone",
  "trxId",
  "totalAmount",
  "virtualAccountTrxType",
  "expiredDate",
] as const;

const inconsistent = (detail: string) =>
  fault(404, "18", "Inconsistent Request", "inconsistent_request", detail);
const notFound = (detail: string) =>
  fault(404, "01", "Transaction Not Found", "transaction_not_found", detail);

/** The virtualAccountData of Prism's answer (created when absent) and its schema. */
export async function vaAnswer(
  input: HandlerInput,
): Promise<{ answer: Success; data: Record<string, unknown>; schema: ReturnType<typeof schemaAt> } | Fault> {
  const answer = await prismAnswer(input);
  if ("caseCode" in answer) return answer;
  const body = asRecord(answer.body);
  answer.body = body;
  const response = input.call.op.responses.find((r) => r.status === String(answer.status));
  return {
    answer,
    data: child(body, "virtualAccountData"),
    schema: schemaAt(response?.body?.schema, "virtualAccountData"),
  };
}

/** Lays the VA record over virtualAccountData: the echoed fields, additionalInfo.channel and config. */
function echoVa(
  data: Record<string, unknown>,
  record: Record<string, unknown>,
  schema: ReturnType<typeof schemaAt>,
) {
  const exampleNo = typeof data.virtualAccountNo === "string" ? data.virtualAccountNo.trim() : undefined;
  echo(data, record, VA_FIELDS, schema);
  const info = child(data, "additionalInfo");
  echo(
    info,
    asRecord(record.additionalInfo),
    ["channel", "virtualAccountConfig"],
    schemaAt(schema, "additionalInfo"),
  );
  const number = String(record.virtualAccountNo ?? "").trim();
  // DOKU's samples show only BNI's how-to-pay URLs (".../bni/..."); no source gives another bank's, so for
  // other channels the mock leaves them out (optional fields) rather than answer a BNI link.
  const bni = String(info.channel ?? "") === "VIRTUAL_ACCOUNT_BNI";
  for (const key of ["howToPayPage", "howToPayApi"]) {
    const url = info[key];
    if (typeof url === "string" && !bni && url.includes("/bni/")) delete info[key];
    else if (typeof url === "string" && exampleNo && number) info[key] = url.replaceAll(exampleNo, number);
  }
}

export const createVa: Handler = async (input) => {
  const { ctx, clientId, call } = input;
  const body = asRecord(input.body);
  const key = vaKey(clientId, body.partnerServiceId, body.customerNo);
  const trxId = String(body.trxId ?? "");
  if (ctx.state.trxIds.has(`${clientId}|${trxId}`)) return inconsistent(`trxId ${trxId} was already used`);
  if (ctx.state.vas.has(key))
    return inconsistent(`virtual account ${String(body.virtualAccountNo)} already exists`);
  const built = await vaAnswer(input);
  if ("caseCode" in built) return built;
  if (built.answer.status >= 300) return built.answer;
  echoVa(built.data, body, built.schema);
  const record: VaRecord = {
    key,
    trxId,
    data: structuredClone(body),
    createdAt: call.now,
    updatedAt: call.now,
  };
  ctx.state.vas.set(key, record);
  ctx.state.trxIds.set(`${clientId}|${trxId}`, key);
  return built.answer;
};

export const updateVa: Handler = async (input) => {
  const { ctx, clientId, call } = input;
  const body = asRecord(input.body);
  const key = vaKey(clientId, body.partnerServiceId, body.customerNo);
  const record = ctx.state.vas.get(key);
  if (record === undefined) return notFound(`no virtual account ${String(body.virtualAccountNo)} to update`);
  const built = await vaAnswer(input);
  if ("caseCode" in built) return built;
  if (built.answer.status >= 300) return built.answer;
  const merged = { ...record.data, ...structuredClone(body) };
  const info = { ...asRecord(record.data.additionalInfo), ...asRecord(body.additionalInfo) };
  const config = {
    ...asRecord(asRecord(record.data.additionalInfo).virtualAccountConfig),
    ...asRecord(asRecord(body.additionalInfo).virtualAccountConfig),
  };
  if (Object.keys(config).length > 0) info.virtualAccountConfig = config;
  if (Object.keys(info).length > 0) merged.additionalInfo = info;
  ctx.state.trxIds.delete(`${clientId}|${record.trxId}`);
  const trxId = String(merged.trxId ?? record.trxId);
  ctx.state.vas.set(key, { ...record, trxId, data: merged, updatedAt: call.now });
  ctx.state.trxIds.set(`${clientId}|${trxId}`, key);
  echoVa(built.data, merged, built.schema);
  return built.answer;
};

export const deleteVa: Handler = async (input) => {
  const { ctx, clientId } = input;
  const body = asRecord(input.body);
  const key = vaKey(clientId, body.partnerServiceId, body.customerNo);
  const record = ctx.state.vas.get(key);
  if (record === undefined) return notFound(`no virtual account ${String(body.virtualAccountNo)} to delete`);
  const built = await vaAnswer(input);
  if ("caseCode" in built) return built;
  if (built.answer.status >= 300) return built.answer;
  ctx.state.vas.delete(key);
  ctx.state.trxIds.delete(`${clientId}|${record.trxId}`);
  echo(built.data, body, ["partnerServiceId", "customerNo", "virtualAccountNo", "trxId"], built.schema);
  echo(
    child(built.data, "additionalInfo"),
    asRecord(body.additionalInfo),
    ["channel"],
    schemaAt(built.schema, "additionalInfo"),
  );
  return built.answer;
};
