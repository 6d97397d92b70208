/**
 * The change a finding reports, by its audit aspect: what `docs diff` groups drift by (added, removed, type,
 * required, length, enum, format, example, default, operation facts).
 */

/** The kinds of doc/spec difference `docs diff` reports. */
export type ChangeKind =
  | "added"
  | "removed"
  | "type"
  | "required"
  | "length"
  | "enum"
  | "format"
  | "example"
  | "default"
  | "operation";

const KINDS: Record<string, ChangeKind> = {
  missing: "added",
  "advice-field": "added",
  removed: "removed",
  type: "type",
  required: "required",
  "not-required": "required",
  "parent-required": "required",
  "required-unstated": "required",
  "conditional-undescribed": "required",
  "marker-conflict": "required",
  maxLength: "length",
  minLength: "length",
  "payment-code-length": "length",
  "bin-table": "length",
  enum: "enum",
  "billing-types": "enum",
  "open-amount": "enum",
  format: "format",
  "format-tolerated": "format",
  example: "example",
  "example-tolerated": "example",
  "not-an-example": "example",
  "fragment-unrecorded": "example",
  "example-not-in-seed": "example",
  "header-sample": "example",
  "response-code": "example",
  default: "default",
};

/** The change kind of an audit aspect (`undeclared:<path>` is a sample field the spec lacks: added). */
export function changeKind(aspect: string): ChangeKind {
  if (aspect.startsWith("undeclared:")) return "added";
  return KINDS[aspect] ?? "operation";
}
