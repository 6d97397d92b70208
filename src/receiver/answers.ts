/**
 * The answers a merchant sends DOKU, built from the operation table (src/model/operation.ts): SNAP
 * responseCode = HTTP status + the operation's `x-doku-service-code` + a case code from that status's
 * `x-doku-case-codes`; the non-SNAP inquiry status from its `status-by` rule, the answer signed with the
 * Response-Timestamp variant (src/signatures/nonsnap-response.ts). Each builder returns the exact body text:
 * send those bytes (a signed answer is signed over them).
 */
import { UsageError } from "../model/errors.js";
import type { Operation } from "../model/operation.js";
import { valueAt } from "../model/pointer.js";
import { answerFor } from "../signatures/faults.js";
import { headerValue } from "../signatures/headers.js";
import { signNonSnapResponse } from "../signatures/nonsnap-response.js";
import { SCHEMES } from "../signatures/schemes.js";
import type { HeaderBag } from "../signatures/types.js";
import type { CallbackVerdict } from "./verify.js";

/** What an answer builder needs of an operation (a row of the generated operation table). */
export type AnswerOperation = Pick<Operation, "id" | "auth" | "serviceCode" | "responses" | "rules">;

/** An answer to DOKU: HTTP status, headers, and the exact body text to send. */
export interface DokuAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const JSON_TYPE = { "Content-Type": "application/json" };
const jsonAnswer = (status: number, body: unknown, headers: Record<string, string> = {}): DokuAnswer => ({
  status,
  headers: { ...JSON_TYPE, ...headers },
  body: JSON.stringify(body),
});

function documented(op: AnswerOperation, status: number) {
  return op.responses.find((r) => r.status === String(status));
}

/** The responseMessage of the operation's first example for `status` (DOKU's own wording), if any. */
function sampleMessage(op: AnswerOperation, status: number): string | undefined {
  const example = documented(op, status)?.examples[0]?.value as { responseMessage?: unknown } | undefined;
  return typeof example?.responseMessage === "string" ? example.responseMessage : undefined;
}

/**
 * `status` + service code + case code, the case checked against `x-doku-case-codes` (a UsageError names
 * the documented ones). An operation without a service code uses "00", as the kit's mock does.
 */
export function snapResponseCode(op: AnswerOperation, status: number, caseCode?: string): string {
  const codes = documented(op, status)?.caseCodes ?? [];
  const chosen = caseCode ?? codes[0];
  if (chosen === undefined || (codes.length > 0 && !codes.includes(chosen))) {
    throw new UsageError(
      `${op.id} documents ${codes.length === 0 ? "no case code" : `case codes ${codes.join(", ")}`} for HTTP ${status}${caseCode === undefined ? "" : `, not ${caseCode}`}`,
    );
  }
  return `${status}${op.serviceCode ?? "00"}${chosen}`;
}

/** A SNAP answer: the envelope (responseCode, responseMessage) followed by `fields`. */
export function snapAnswer(
  op: AnswerOperation,
  status: number,
  fields: object = {},
  options: { caseCode?: string; message?: string } = {},
): DokuAnswer {
  const responseCode = snapResponseCode(op, status, options.caseCode);
  const responseMessage = options.message ?? sampleMessage(op, status) ?? "Successful";
  return jsonAnswer(status, { responseCode, responseMessage, ...fields });
}

/** SNAP inquiry answer (e.g. 2002400): the bill in `fields` (virtualAccountData, additionalInfo). */
export function snapInquiryAnswer(op: AnswerOperation, fields: object): DokuAnswer {
  return snapAnswer(op, 200, fields);
}

/**
 * SNAP notification acknowledgement: 200 + service code + case (2002500), with optional echo `fields`. An
 * operation whose 200 documents no case code (DOKU documents no answer body, e.g. the DANA notification)
 * gets a bare 200 with an empty JSON object: any 2xx acknowledges.
 */
export function snapNotificationAck(op: AnswerOperation, fields: object = {}): DokuAnswer {
  if (op.serviceCode === undefined || (documented(op, 200)?.caseCodes ?? []).length === 0)
    return jsonAnswer(200, { ...fields });
  return snapAnswer(op, 200, fields);
}

/** The merchant's answer to DOKU's token request (2007300): the token DOKU sends back as Bearer. */
export function snapTokenAnswer(
  op: AnswerOperation,
  token: { accessToken: string; expiresIn: number },
): DokuAnswer {
  return snapAnswer(op, 200, {
    accessToken: token.accessToken,
    tokenType: "Bearer",
    expiresIn: token.expiresIn,
  });
}

/** The pieces of the request a non-SNAP answer echoes: its path (Request-Target) and headers (Request-Id). */
export interface AnsweredRequest {
  path: string;
  headers: HeaderBag;
}

/** Non-SNAP signing keys: the merchant's Client-Id and Secret Key. */
export interface NonSnapAnswerKeys {
  clientId: string;
  secretKey: string;
  /** Response-Timestamp; now when absent. */
  timestamp?: string;
}

function signedHeaders(op: AnswerOperation, request: AnsweredRequest, body: string, keys: NonSnapAnswerKeys) {
  const requestIdHeader = SCHEMES[op.auth].headers.requestId ?? "Request-Id";
  return signNonSnapResponse({
    clientId: keys.clientId,
    requestId: headerValue(request.headers, requestIdHeader) ?? "",
    target: request.path,
    body,
    secretKey: keys.secretKey,
    ...(keys.timestamp === undefined ? {} : { timestamp: keys.timestamp }),
  });
}

/** The HTTP status a response body calls for under the operation's `status-by` rule, if it has one. */
export function statusByRule(op: AnswerOperation, body: unknown): number | undefined {
  for (const rule of op.rules) {
    if (rule.kind !== "status-by" || rule.in !== "response") continue;
    const value = valueAt(body, String(rule.field));
    const statuses = rule.statuses as Record<string, number | number[]>;
    const status = typeof value === "string" && Object.hasOwn(statuses, value) ? statuses[value] : undefined;
    if (status !== undefined) return Array.isArray(status) ? status[0] : status;
  }
  return undefined;
}

/**
 * Non-SNAP inquiry answer: the bill `body`, the HTTP status its virtual_account_inquiry.status calls for
 * (the operation's status-by rule: success 200, declines 400, not found 404), signed (Response-Timestamp).
 */
export function nonSnapInquiryAnswer(
  op: AnswerOperation,
  body: object,
  request: AnsweredRequest,
  keys: NonSnapAnswerKeys,
): DokuAnswer {
  const status = statusByRule(op, body);
  if (status === undefined)
    throw new UsageError(
      `${op.id}: the answer's status field has no HTTP status in the operation's status-by rule`,
    );
  const text = JSON.stringify(body);
  return { status, headers: { ...JSON_TYPE, ...signedHeaders(op, request, text, keys) }, body: text };
}

/** Non-SNAP notification acknowledgement: HTTP 200 (DOKU documents no body; any 2xx stops its retries). */
export function nonSnapNotificationAck(): DokuAnswer {
  return jsonAnswer(200, {});
}

/**
 * The answer to a refused request (`verifyDokuCallback`'s verdict). SNAP 401: status + service code + the
 * case DOKU uses for the rule (token invalid 01, not found 03, otherwise 00) when the operation documents
 * it, else its first documented 401 case; DOKU's message. Non-SNAP: the kit's `{"error":{"code","message"}}`
 * (DOKU documents no non-SNAP error body). 400 (body not UTF-8 JSON): the same layouts.
 */
export function refusalAnswer(
  op: AnswerOperation,
  verdict: Extract<CallbackVerdict, { ok: false }>,
): DokuAnswer {
  const scheme = SCHEMES[op.auth];
  const rule = verdict.rule === "duplicate-header" ? "signature-mismatch" : verdict.rule;
  const known = rule.startsWith("body-")
    ? undefined
    : scheme.faults && answerFor(scheme.faults, rule as never);
  if (scheme.family !== "snap") {
    return jsonAnswer(verdict.status, {
      error: { code: known?.code ?? "bad_request", message: verdict.reason },
    });
  }
  const codes = documented(op, verdict.status)?.caseCodes ?? [];
  const caseCode =
    known !== undefined && codes.includes(known.caseCode) ? known.caseCode : (codes[0] ?? "00");
  const message = verdict.status === 401 ? (known?.message ?? "Unauthorized") : "Bad Request";
  return jsonAnswer(verdict.status, {
    responseCode: `${verdict.status}${op.serviceCode ?? "00"}${caseCode}`,
    responseMessage: message,
  });
}
