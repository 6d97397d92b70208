/** Every length-limited string field of a schema, found by walking it (properties, items, allOf, $ref). */

import { toPointer } from "../../../src/model/pointer.js";
import type { JsonSchema } from "../../../src/model/schema.js";
import { resolveLocalRef } from "../../../src/validation/schema-chain.js";

export interface LengthField {
  /** Instance tokens; array items are reached through index "0". */
  tokens: string[];
  pointer: string;
  /** The property's own schema node (siblings of a `$ref` kept); validate values against it. */
  schema: JsonSchema;
  minLength?: number;
  maxLength?: number;
}

const asSchema = (v: unknown): JsonSchema | undefined =>
  v !== null && typeof v === "object" && !Array.isArray(v) ? (v as JsonSchema) : undefined;

/** The node and every node its `$ref` chain reaches. */
export function refChain(root: JsonSchema, node: JsonSchema): JsonSchema[] {
  const out = [node];
  let current: JsonSchema | undefined = node;
  for (let hops = 0; typeof current?.$ref === "string" && hops < 16; hops++) {
    current = resolveLocalRef(root, current.$ref);
    if (current !== undefined) out.push(current);
  }
  return out;
}

export function lengthFields(root: JsonSchema): LengthField[] {
  const out: LengthField[] = [];
  const visit = (node: JsonSchema, tokens: string[], stack: readonly JsonSchema[]) => {
    const chain = refChain(root, node);
    if (chain.some((n) => stack.includes(n))) return;
    const nextStack = [...stack, ...chain];
    const mins = chain.map((n) => n.minLength).filter((v): v is number => typeof v === "number" && v > 0);
    const maxes = chain.map((n) => n.maxLength).filter((v): v is number => typeof v === "number");
    if (tokens.length > 0 && (mins.length > 0 || maxes.length > 0)) {
      out.push({
        tokens,
        pointer: toPointer(tokens),
        schema: node,
        ...(mins.length > 0 ? { minLength: Math.max(...mins) } : {}),
        ...(maxes.length > 0 ? { maxLength: Math.min(...maxes) } : {}),
      });
    }
    for (const n of chain) {
      const props = asSchema(n.properties);
      for (const [name, child] of Object.entries(props ?? {})) {
        const schema = asSchema(child);
        if (schema) visit(schema, [...tokens, name], nextStack);
      }
      const items = asSchema(n.items);
      if (items) visit(items, [...tokens, "0"], nextStack);
      for (const member of Array.isArray(n.allOf) ? n.allOf : []) {
        const schema = asSchema(member);
        if (schema) visitMembers(schema, tokens, nextStack);
      }
    }
  };
  const visitMembers = (member: JsonSchema, tokens: string[], stack: readonly JsonSchema[]) => {
    for (const n of refChain(root, member)) {
      for (const [name, child] of Object.entries(asSchema(n.properties) ?? {})) {
        const schema = asSchema(child);
        if (schema) visit(schema, [...tokens, name], stack);
      }
    }
  };
  visit(root, [], []);
  return out;
}
