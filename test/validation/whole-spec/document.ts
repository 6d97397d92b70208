/** Editing documents at a pointer for whole-spec tests; missing parents are created minimal and valid. */

import { toPointer } from "../../../src/model/pointer.js";
import type { JsonSchema } from "../../../src/model/schema.js";
import { instanceWalk } from "../../../src/validation/schema-chain.js";
import { minimalValue } from "./values.js";

type Container = Record<string, unknown> | unknown[];

const isContainer = (v: unknown): v is Container => v !== null && typeof v === "object";

/** The schema for the instance at `tokens` (the property's own node), if the walk reaches it. */
function schemaAt(root: JsonSchema, tokens: readonly string[]): JsonSchema | undefined {
  const pointer = toPointer(tokens);
  return instanceWalk(root, tokens).find((n) => n.pointer === pointer)?.schema;
}

/** A copy of `doc` with `value` at `tokens` (undefined deletes it); missing parents become minimal values. */
export function setAt(root: JsonSchema, doc: unknown, tokens: readonly string[], value: unknown): unknown {
  const copy = structuredClone(doc === undefined ? {} : doc);
  let node: unknown = copy;
  for (let i = 0; i < tokens.length - 1; i++) {
    const token = tokens[i] as string;
    const container = node as Container;
    let next = Array.isArray(container) ? container[Number(token)] : container[token];
    if (!isContainer(next)) {
      const schema = schemaAt(root, tokens.slice(0, i + 1));
      next = schema ? minimalValue(root, schema) : /^[0-9]+$/.test(tokens[i + 1] ?? "") ? [] : {};
      if (!isContainer(next)) next = /^[0-9]+$/.test(tokens[i + 1] ?? "") ? [] : {};
      if (Array.isArray(container)) container[Number(token)] = next;
      else container[token] = next;
    }
    if (Array.isArray(next) && next.length === 0 && /^[0-9]+$/.test(tokens[i + 1] ?? "")) {
      const itemSchema = schemaAt(root, tokens.slice(0, i + 2));
      next.push(itemSchema ? minimalValue(root, itemSchema) : {});
    }
    node = next;
  }
  const last = tokens[tokens.length - 1];
  if (last === undefined) return value;
  const container = node as Container;
  if (Array.isArray(container)) container[Number(last)] = value;
  else if (value === undefined) delete container[last];
  else container[last] = value;
  return copy;
}
