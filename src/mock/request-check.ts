/**
 * From the received bytes to a checked JSON body, or the Fault DOKU's SNAP table prescribes:
 * no Content-Type -> 02 "Invalid Mandatory Field {Content-Type}", another type -> 01 "Invalid Field Format
 * {Content-Type}", bytes that are not UTF-8 or unparseable JSON -> 00 "Bad Request"
 * (D-RC: "general failure incl. message parsing"), then the validation layer's first error:
 * `required` (and x-doku-rules `required-if`) -> 02 "Invalid Mandatory Field {field}", anything else
 * -> 01 "Invalid Field Format {field}". The field is the dotted path of the violation's pointer.
 */
import type { Violation } from "../model/violation.js";
import { operationValidation, parsePointer, utf8Violation, validateRequest } from "../validation/index.js";
import { type Call, header, type MockContext } from "./context.js";
import { fault } from "./errors.js";
import type { Fault } from "./reply.js";

export type Checked = { ok: true; body: unknown } | { ok: false; fault: Fault };

const JSON_TYPE = /^application\/([a-z0-9.+-]*\+)?json\s*(;.*)?$/i;

/** Parses and validates the call's body, headers and path parameters. */
export function checkRequest(ctx: MockContext, call: Call): Checked {
  let body: unknown;
  const hasBody = call.raw.length > 0;
  if (hasBody || call.op.request.body !== undefined) {
    const type = header(call, "content-type");
    if (hasBody && type === undefined) {
      const detail = "Content-Type is missing; the body must be sent as application/json";
      const missing = fault(400, "02", "Invalid Mandatory Field {Content-Type}", "missing_field", detail);
      return { ok: false, fault: { ...missing, field: "Content-Type" } };
    }
    if (hasBody && !JSON_TYPE.test(type ?? "")) {
      const detail = `Content-Type must be application/json, got ${JSON.stringify(type)}`;
      const wrong = fault(400, "01", "Invalid Field Format {Content-Type}", "invalid_content_type", detail);
      return { ok: false, fault: { ...wrong, field: "Content-Type" } };
    }
    const encoding = hasBody ? utf8Violation(call.raw, call.op.id, "request") : undefined;
    if (encoding !== undefined) {
      // JSON is UTF-8 (RFC 8259 §8.1): bytes that are not are a message that cannot be parsed.
      return { ok: false, fault: fault(400, "00", "Bad Request", "malformed_json", encoding.message) };
    }
    try {
      body = hasBody ? JSON.parse(call.raw.toString("utf8")) : undefined;
    } catch (error) {
      return {
        ok: false,
        fault: fault(
          400,
          "00",
          "Bad Request",
          "malformed_json",
          `the body is not JSON: ${(error as Error).message}`,
        ),
      };
    }
  }
  const violations = validateRequest(
    operationValidation(ctx.bundle, call.op.id),
    { body, headers: call.headers, path: call.params },
    { strict: ctx.settings.strict },
  );
  const first = violations.find((v) => v.severity === "error");
  return first === undefined ? { ok: true, body } : { ok: false, fault: violationFault(call, first) };
}

/** The field a violation names: "totalAmount.currency", "X-EXTERNAL-ID", "invoiceNumber". */
export function fieldName(pointer: string): string {
  const tokens = parsePointer(pointer);
  if ((tokens[0] === "headers" || tokens[0] === "path") && tokens.length === 2) return tokens[1] as string;
  return tokens.join(".");
}

function violationFault(call: Call, violation: Violation): Fault {
  const field = fieldName(violation.pointer);
  if (field === "") {
    return fault(400, "00", "Bad Request", "invalid_body", violation.message);
  }
  const kind = call.op.rules.find((r) => r.id === violation.rule)?.kind;
  const missing = violation.rule === "required" || kind === "required-if";
  const out = missing
    ? fault(400, "02", `Invalid Mandatory Field {${field}}`, "missing_field", violation.message)
    : fault(400, "01", `Invalid Field Format {${field}}`, "invalid_field", violation.message);
  return { ...out, field };
}
