/**
 * `negative-rejected`: a case that breaks exactly one rule is rejected. SNAP: HTTP 400 with case code 01
 * (Invalid Field Format) or 02 (Invalid Mandatory Field; the only one for a missing field), and the
 * responseMessage names the broken field, as DOKU's table documents ("Invalid Field Format {field name}").
 * Non-SNAP error bodies are undocumented, so only a 4xx status is required there. Accepting a value that a
 * documented conflict's other source allows (x-doku-conflict) is a warning, not an error.
 */
import type { Exchange } from "../model/case.js";
import { parsePointer } from "../model/pointer.js";
import type { Violation } from "../model/violation.js";
import { headersOfRole } from "../signatures/schemes.js";
import type { Check, CheckContext } from "./check.js";
import { isSnap, snapEnvelope, violation } from "./response.js";
import { requestSchemaAt } from "./schema-at.js";

/**
 * Headers that identify the client: a target may refuse a broken one as unauthorized (401, "Unknown Client")
 * instead of as a field error; both are a rejection.
 */
export const IDENTITY_HEADERS: readonly string[] = headersOfRole("partnerId", "clientId");

/** True when the negative breaks a client-identifying header ("/headers/X-PARTNER-ID" or "/X-PARTNER-ID"). */
export function breaksIdentity(pointer: string): boolean {
  const name = pointer
    .replace(/^\/headers\//, "/")
    .slice(1)
    .toLowerCase();
  return IDENTITY_HEADERS.includes(name);
}

/** Case codes DOKU documents for a rejected field, by the kind of rule broken. */
export function expectedCaseCodes(rule: string, pointer: string): string[] {
  if (rule === "required") return ["02"];
  if (rule.startsWith("x-doku-") || pointer === "") return ["00", "01", "02"];
  return ["01", "02"];
}

/** Names a message may use for the field at `pointer`: "totalAmount.currency" or "currency". */
export function fieldNames(pointer: string): string[] {
  const parts = parsePointer(pointer);
  const named = parts[0] === "headers" ? parts.slice(1) : parts;
  const last = [...named].reverse().find((p) => !/^[0-9]+$/.test(p));
  return [...new Set([named.join("."), ...(last ? [last] : [])])].filter((n) => n !== "");
}

export const negativeRejected: Check = (ctx, exchange) => {
  const response = exchange.response;
  const expect = exchange.case.expect;
  if (!response || expect.kind !== "reject") return [];
  const found = (
    rule: string,
    expected: unknown,
    actual: unknown,
    message: string,
    warn = false,
  ): Violation[] => [
    violation("negative-rejected", exchange, ctx.operation, {
      direction: "request",
      pointer: expect.pointer,
      rule,
      expected,
      actual,
      message: `${ctx.operation.id}: ${message} (${expect.reason})`,
      ...(warn ? { severity: "warning" as const } : {}),
    }),
  ];
  const status = response.status;
  if (status < 400 || status >= 500) {
    const conflict = conflictOf(ctx, expect.pointer);
    const note = conflict ? `; x-doku-conflict ${conflict} allows it in another source` : "";
    return found(
      expect.rule,
      "4xx rejection",
      status,
      `accepted a request breaking ${expect.rule} at ${expect.pointer || "the body"} with ${status}${note}`,
      conflict !== undefined,
    );
  }
  return isSnap(ctx.operation) ? snapRejection(exchange, found) : [];
};

type Found = (rule: string, expected: unknown, actual: unknown, message: string) => Violation[];

function snapRejection(exchange: Exchange, found: Found): Violation[] {
  const expect = exchange.case.expect;
  const response = exchange.response;
  if (expect.kind !== "reject" || !response) return [];
  if (response.status === 401 && breaksIdentity(expect.pointer)) return [];
  if (response.status !== 400)
    return found(
      "status-code",
      400,
      response.status,
      `rejected a field error with ${response.status}; DOKU documents 400 for invalid fields`,
    );
  const envelope = snapEnvelope(response.json);
  const code = typeof envelope?.responseCode === "string" ? envelope.responseCode : "";
  const allowed = expectedCaseCodes(expect.rule, expect.pointer);
  if (!allowed.includes(code.slice(5))) {
    return found(
      "response-code",
      allowed.map((c) => `400xx${c}`),
      code || null,
      `rejected ${expect.pointer || "the body"} (${expect.rule}) with responseCode ${code || "(none)"}; expected case code ${allowed.join(" or ")}`,
    );
  }
  const names = expect.rule.startsWith("x-doku-") ? [] : fieldNames(expect.pointer);
  const message = String(envelope?.responseMessage ?? "");
  if (names.length > 0 && !names.some((n) => message.toLowerCase().includes(n.toLowerCase()))) {
    return found(
      "response-message",
      names[0],
      message,
      `responseMessage "${message}" does not name the broken field ${names[0]}`,
    );
  }
  return [];
}

function conflictOf(ctx: CheckContext, pointer: string): string | undefined {
  if (pointer.startsWith("/headers/")) return undefined;
  const conflict = requestSchemaAt(ctx.operation, pointer)?.["x-doku-conflict"] as
    | { id?: unknown }
    | undefined;
  return typeof conflict?.id === "string" ? conflict.id : undefined;
}
