/**
 * Two versions of one schema slot -> neutral changes, field by field: properties added and removed (with
 * their requiredness), requiredness flips, type, lengths, bounds, enum values, pattern and format. Array items
 * share their array's field path; `allOf` members are merged; changes inside `anyOf`/`oneOf` branches are not
 * reported (a known gap: the DOKU specs use them for a few alternatives only).
 */
import type { JsonSchema } from "../model/schema.js";
import type { SchemaChange } from "./rules.js";

/** One neutral change at a dotted field path ("" = the slot's root). */
export interface RawChange {
  field: string;
  change: SchemaChange;
  from?: unknown;
  to?: unknown;
}

const obj = (v: unknown): JsonSchema =>
  v !== null && typeof v === "object" && !Array.isArray(v) ? (v as JsonSchema) : {};

/** A schema with its allOf members merged (properties, required) and array items stepped through. */
function flat(schema: JsonSchema): JsonSchema {
  let node = schema;
  while (node.type === "array" && node.items !== undefined) node = obj(node.items);
  if (!Array.isArray(node.allOf)) return node;
  const parts = [node, ...node.allOf.map((m) => flat(obj(m)))];
  return {
    ...node,
    properties: Object.assign({}, ...parts.map((p) => obj(p.properties))),
    required: parts.flatMap((p) => (Array.isArray(p.required) ? p.required : [])),
  };
}

const types = (s: JsonSchema) =>
  (Array.isArray(s.type) ? s.type.map(String) : s.type === undefined ? [] : [String(s.type)]).sort();
const values = (s: JsonSchema) =>
  Array.isArray(s.enum)
    ? s.enum.map((v) => JSON.stringify(v))
    : s.const !== undefined
      ? [JSON.stringify(s.const)]
      : undefined;

type Bound = [key: string, up: SchemaChange, down: SchemaChange];
const BOUNDS: Bound[] = [
  ["maxLength", "max-length-increased", "max-length-decreased"],
  ["minLength", "min-length-increased", "min-length-decreased"],
  ["maximum", "maximum-increased", "maximum-decreased"],
  ["minimum", "minimum-increased", "minimum-decreased"],
];

function node(field: string, a: JsonSchema, b: JsonSchema, out: RawChange[]) {
  const [ta, tb] = [types(a), types(b)];
  if (ta.length > 0 && tb.length > 0 && ta.join() !== tb.join())
    out.push({ field, change: "type-changed", from: ta.join("|"), to: tb.join("|") });
  for (const [key, up, down] of BOUNDS) {
    const [x, y] = [a[key], b[key]];
    if (x === y) continue;
    if (typeof x === "number" && typeof y === "number")
      out.push({ field, change: y > x ? up : down, from: x, to: y });
    // A bound appearing tightens (like decreasing a maximum); one disappearing loosens.
    else if (typeof y === "number") out.push({ field, change: key.startsWith("max") ? down : up, to: y });
    else if (typeof x === "number") out.push({ field, change: key.startsWith("max") ? up : down, from: x });
  }
  const [ea, eb] = [values(a), values(b)];
  if (ea === undefined && eb !== undefined) out.push({ field, change: "enum-added", to: eb });
  if (ea !== undefined && eb === undefined) out.push({ field, change: "enum-removed", from: ea });
  if (ea !== undefined && eb !== undefined) {
    for (const v of eb.filter((v) => !ea.includes(v)))
      out.push({ field, change: "enum-value-added", to: JSON.parse(v) });
    for (const v of ea.filter((v) => !eb.includes(v)))
      out.push({ field, change: "enum-value-removed", from: JSON.parse(v) });
  }
  if (a.pattern !== b.pattern) out.push({ field, change: "pattern-changed", from: a.pattern, to: b.pattern });
  if (a.format !== b.format) out.push({ field, change: "format-changed", from: a.format, to: b.format });
}

/** Every neutral change between two versions of a slot schema. */
export function diffSchema(
  before: JsonSchema,
  after: JsonSchema,
  field = "",
  out: RawChange[] = [],
): RawChange[] {
  node(field, before, after, out);
  const items = (s: JsonSchema) => (s.type === "array" && s.items !== undefined ? obj(s.items) : undefined);
  const [ia, ib] = [items(before), items(after)];
  // An array of scalars: the items' own constraints (length, enum, ...) at the array's field path.
  if (ia !== undefined && ib !== undefined && ia.properties === undefined && ib.properties === undefined)
    node(field, ia, ib, out);
  const [a, b] = [flat(before), flat(after)];
  const [pa, pb] = [obj(a.properties), obj(b.properties)];
  const req = (s: JsonSchema) => new Set(Array.isArray(s.required) ? s.required.map(String) : []);
  const [ra, rb] = [req(a), req(b)];
  const at = (name: string) => (field === "" ? name : `${field}.${name}`);
  for (const name of Object.keys(pb).filter((n) => !Object.hasOwn(pa, n)))
    out.push({
      field: at(name),
      change: rb.has(name) ? "property-added-required" : "property-added-optional",
    });
  for (const name of Object.keys(pa).filter((n) => !Object.hasOwn(pb, n)))
    out.push({
      field: at(name),
      change: ra.has(name) ? "property-removed-required" : "property-removed-optional",
    });
  for (const name of Object.keys(pa).filter((n) => Object.hasOwn(pb, n))) {
    if (!ra.has(name) && rb.has(name)) out.push({ field: at(name), change: "became-required" });
    if (ra.has(name) && !rb.has(name)) out.push({ field: at(name), change: "became-optional" });
    diffSchema(obj(pa[name]), obj(pb[name]), at(name), out);
  }
  return out;
}
