/**
 * Boundary mutations of every length-limited string field, built from the schema: the value at the limit
 * and one past it (maxLength + 1; minLength - 1, which is "" for minLength 1), set into a valid base.
 */

import { valueAt } from "../../../src/model/pointer.js";
import type { JsonSchema } from "../../../src/model/schema.js";
import { hasErrors } from "../../../src/model/violation.js";
import type { OperationValidation } from "../../../src/validation/index.js";
import { setAt } from "./document.js";
import { type LengthField, lengthFields, refChain } from "./fields.js";
import type { Slot } from "./slots.js";
import { minimalValue, resize, stringOfLength } from "./values.js";

export interface Mutation {
  field: LengthField;
  rule: "maxLength" | "minLength";
  limit: number;
  /** The field also has `enum`/`const`: its length limits are implied, a value at the limit may not exist. */
  enumerated: boolean;
  /** Document with the field exactly at the limit (undefined: no such value satisfies the field's schema). */
  atLimit?: unknown;
  /** Document with the field one past the limit. */
  pastLimit: unknown;
}

/** A base document for the slot: the first example without errors, else a generated minimal value. */
export function baseFor(target: OperationValidation, slot: Slot): { doc: unknown; from: string } | undefined {
  for (const example of slot.examples) {
    if (!hasErrors(slot.validate(target, example.value)))
      return { doc: example.value, from: `example ${example.name}` };
  }
  const minimal = minimalValue(slot.ref.schema, slot.ref.schema);
  return hasErrors(slot.validate(target, minimal))
    ? undefined
    : { doc: minimal, from: "generated minimal value" };
}

export function lengthMutations(root: JsonSchema, base: unknown): Mutation[] {
  const out: Mutation[] = [];
  for (const field of lengthFields(root)) {
    const current = valueAt(base, field.pointer);
    const bounds: [Mutation["rule"], number, number][] = [];
    if (field.maxLength !== undefined) bounds.push(["maxLength", field.maxLength, field.maxLength + 1]);
    if (field.minLength !== undefined && field.minLength >= 1)
      bounds.push(["minLength", field.minLength, field.minLength - 1]);
    for (const [rule, limit, past] of bounds) {
      const at = stringOfLength(root, field.schema, limit, current);
      const pastValue = resize(at ?? (typeof current === "string" ? current : "0"), past);
      out.push({
        field,
        rule,
        enumerated: refChain(root, field.schema).some((n) => Array.isArray(n.enum) || n.const !== undefined),
        limit,
        ...(at !== undefined ? { atLimit: setAt(root, base, field.tokens, at) } : {}),
        pastLimit: setAt(root, base, field.tokens, pastValue),
      });
    }
  }
  return out;
}
