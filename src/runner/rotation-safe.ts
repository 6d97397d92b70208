/**
 * Whether rotating a unique-key group (unique.ts: digits stay digits, letters stay letters of the same case, the
 * length stays, every other character is kept) can change whether a request body validates. When the schema
 * shows it cannot, a rotated candidate validates exactly when the body it came from does, and freshening
 * validates that body once instead of every candidate.
 *
 * The schema shows it when every key field, and every concat target built from one (the concat rules are
 * re-applied to a candidate), is reached from the body's root through `properties` alone, past schemas that
 * constrain nothing but structure (type, properties, required, additionalProperties, property counts and
 * names, annotations), and is itself constrained by nothing but type, lengths and a pattern whose every
 * character class holds all of the digits, all of a case's letters, or none of them. Anything else — an enum,
 * a format, a `$ref`, a composition, a keyword not listed — counts as "can change", and each candidate is
 * validated as before. Lengths are code points, and a rotation changes ASCII characters into ASCII characters.
 */

import type { Ranges } from "../arbitraries/regex/charset.js";
import { type Node, parsePattern } from "../arbitraries/regex/parse.js";
import type { Operation, UniqueKeyGroup } from "../model/operation.js";
import { parsePointer } from "../model/pointer.js";
import type { JsonSchema } from "../model/schema.js";

/** Keywords a schema on the way to a key field may carry: they constrain the object, not the field's value. */
const ON_THE_WAY = new Set([
  "type",
  "properties",
  "required",
  "additionalProperties",
  "minProperties",
  "maxProperties",
  "propertyNames",
  "dependentRequired",
]);
/** Keywords a key field's own schema may carry. */
const ON_THE_FIELD = new Set(["type", "minLength", "maxLength", "pattern"]);
/** Annotations: no keyword of these validates anything. */
const ANNOTATIONS = new Set(["title", "description", "default", "examples", "example", "deprecated"]);

/** The digits, the capital letters and the small letters: what a rotation maps into itself. */
const ROTATED: readonly (readonly [number, number])[] = [
  [0x30, 0x39],
  [0x41, 0x5a],
  [0x61, 0x7a],
];

const allowed = (schema: JsonSchema, keywords: ReadonlySet<string>) =>
  Object.keys(schema).every((k) => keywords.has(k) || ANNOTATIONS.has(k) || k.startsWith("x-"));

/** How many code points of [lo, hi] the set holds. */
function covered(set: Ranges, lo: number, hi: number): number {
  let n = 0;
  for (const [a, b] of set) {
    const from = Math.max(a, lo);
    const to = Math.min(b, hi);
    if (from <= to) n += to - from + 1;
  }
  return n;
}

/** Every character class of the pattern holds all or none of each rotated class. */
function closed(node: Node): boolean {
  switch (node.t) {
    case "char":
      return ROTATED.every(([lo, hi]) => {
        const n = covered(node.set, lo, hi);
        return n === 0 || n === hi - lo + 1;
      });
    case "seq":
      return node.items.every(closed);
    case "alt":
      return node.options.every(closed);
    case "rep":
      return closed(node.node);
  }
}

/** Whether a pattern accepts a value exactly when it accepts any rotation of it. */
export function patternRotationSafe(pattern: string): boolean {
  try {
    return closed(parsePattern(pattern, "").node);
  } catch {
    return false; // a pattern the parser does not read (lookaround, backreference): no claim
  }
}

/** The schema of the field at `pointer`, when only structure-constraining schemas lie on the way. */
function fieldSchema(root: JsonSchema, pointer: string): JsonSchema | undefined {
  let schema: JsonSchema = root;
  for (const segment of parsePointer(pointer)) {
    if (!allowed(schema, ON_THE_WAY)) return undefined;
    const properties = schema.properties as Record<string, JsonSchema> | undefined;
    const next = properties?.[segment];
    if (typeof next !== "object" || next === null) return undefined;
    schema = next;
  }
  return schema;
}

function fieldRotationSafe(root: JsonSchema, pointer: string): boolean {
  const schema = fieldSchema(root, pointer);
  if (schema === undefined || !allowed(schema, ON_THE_FIELD)) return false;
  return typeof schema.pattern !== "string" || patternRotationSafe(schema.pattern);
}

/** Whether no rotation of `group` can change whether `operation`'s request body validates (see above). */
export function rotationSafe(operation: Operation, group: UniqueKeyGroup): boolean {
  const root = operation.request.body?.schema;
  if (typeof root !== "object" || root === null) return false;
  const targets = operation.rules
    .filter(
      (rule) =>
        rule.kind === "concat" &&
        rule.in === "request" &&
        (rule.parts as string[]).some((part) => group.pointers.includes(part)),
    )
    .map((rule) => rule.target as string);
  return [...group.pointers, ...targets].every((pointer) => fieldRotationSafe(root, pointer));
}
