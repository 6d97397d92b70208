/** Finds the request-body schema node a JSON pointer lands on (following `#/$defs/...` refs), for annotations. */
import type { Operation } from "../model/operation.js";
import { parsePointer } from "../model/pointer.js";
import type { JsonSchema } from "../model/schema.js";

/** The schema node at `pointer` in the operation's request body, or undefined when the walk fails. */
export function requestSchemaAt(operation: Operation, pointer: string): JsonSchema | undefined {
  const root = operation.request.body?.schema;
  if (!root || !pointer.startsWith("/")) return undefined;
  let node: JsonSchema | undefined = resolve(root, root);
  for (const key of parsePointer(pointer)) {
    if (!node) return undefined;
    node = resolve(root, child(node, key));
  }
  return node;
}

function child(node: JsonSchema, key: string): JsonSchema | undefined {
  const properties = node.properties as Record<string, JsonSchema> | undefined;
  if (properties?.[key]) return properties[key];
  if (/^[0-9]+$/.test(key) && typeof node.items === "object") return node.items as JsonSchema;
  for (const branch of [...asList(node.allOf), ...asList(node.oneOf), ...asList(node.anyOf)]) {
    const found = child(branch, key);
    if (found) return found;
  }
  return undefined;
}

function resolve(root: JsonSchema, node: JsonSchema | undefined): JsonSchema | undefined {
  let current = node;
  for (let hops = 0; current && typeof current.$ref === "string" && hops < 10; hops++) {
    const ref = current.$ref as string;
    if (!ref.startsWith("#/")) return current;
    let target: unknown = root;
    for (const part of parsePointer(ref.slice(1)))
      target = (target as Record<string, unknown> | undefined)?.[part];
    current = target as JsonSchema | undefined;
  }
  return current;
}

function asList(value: unknown): JsonSchema[] {
  return Array.isArray(value) ? (value as JsonSchema[]) : [];
}
