/**
 * Header validation, either direction: received header names are matched case-insensitively to the
 * spelling in the schema ("x-timestamp" -> "X-TIMESTAMP"), then validated; pointers read
 * `/headers/X-TIMESTAMP`. Values of credential headers never appear in violations.
 */

import { parsePointer } from "../model/pointer.js";
import type { JsonSchema } from "../model/schema.js";
import type { Violation } from "../model/violation.js";
import { quoted } from "./describe.js";
import { type SchemaCheck, schemaViolations } from "./schema-violations.js";

/** Headers as they arrive: Node's IncomingHttpHeaders, fetch's entries, or a plain record. */
export type HeaderInput = Readonly<Record<string, string | readonly string[] | undefined>>;

const SENSITIVE = /^(authorization|proxy-authorization|cookie|set-cookie)$|secret|password|token/i;

/** Received headers keyed by the schema's spelling where a declared name matches case-insensitively. */
export function normalizeHeaders(schema: JsonSchema, received: HeaderInput): Record<string, string> {
  const props =
    schema.properties !== null && typeof schema.properties === "object" ? Object.keys(schema.properties) : [];
  const declared = new Map(props.map((name) => [name.toLowerCase(), name]));
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(received)) {
    if (value === undefined) continue;
    out[declared.get(name.toLowerCase()) ?? name] = typeof value === "string" ? value : value.join(", ");
  }
  return out;
}

function redact(violation: Violation, headers: Record<string, string>): Violation {
  const name = parsePointer(violation.pointer)[1] ?? "";
  const value = headers[name];
  if (!SENSITIVE.test(name) || value === undefined || value === "") return violation;
  const shown = quoted(value);
  return {
    ...violation,
    actual:
      typeof violation.actual === "string" && violation.rule !== "required" ? "<redacted>" : violation.actual,
    message: violation.message.replaceAll(shown, '"<redacted>"'),
  };
}

/** Validates received headers against a header schema (`check.prefix` defaults to "/headers"). */
export function headerViolations(check: SchemaCheck, received: HeaderInput): Violation[] {
  const headers = normalizeHeaders(check.ref.schema, received);
  const prefixed = { ...check, check: "headers", prefix: check.prefix ?? "/headers" };
  return schemaViolations(prefixed, headers).map((v) => redact(v, headers));
}
