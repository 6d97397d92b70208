/**
 * Request-derived fields laid over Prism's answer so the answer is consistent with the request (create-va
 * echoes the VA fields sent). A field the request does not carry is removed from the answer unless the
 * response schema requires it (then the spec example's value stays), so examples never leak foreign data.
 */
import type { JsonSchema } from "../model/schema.js";

/** Copies `keys` from `source` into `target`; absent ones are dropped unless `schema` requires them. */
export function echo(
  target: Record<string, unknown>,
  source: Record<string, unknown>,
  keys: readonly string[],
  schema: JsonSchema | undefined,
): Record<string, unknown> {
  const required = new Set(Array.isArray(schema?.required) ? (schema.required as string[]) : []);
  for (const key of keys) {
    if (source[key] !== undefined) target[key] = structuredClone(source[key]);
    else if (!required.has(key)) delete target[key];
  }
  return target;
}

/** The schema of property `path[0].path[1]...` inside an object schema (following properties only). */
export function schemaAt(schema: JsonSchema | undefined, ...path: string[]): JsonSchema | undefined {
  let node = schema;
  for (const key of path) {
    const props = asRecord(node?.properties);
    node = props[key] as JsonSchema | undefined;
  }
  return node;
}

/** The object at `key` in `target`, created when absent or not an object. */
export function child(target: Record<string, unknown>, key: string): Record<string, unknown> {
  const value = target[key];
  if (value !== null && typeof value === "object" && !Array.isArray(value))
    return value as Record<string, unknown>;
  const fresh: Record<string, unknown> = {};
  target[key] = fresh;
  return fresh;
}

/** A plain object view of a value (a fresh empty object for anything else). */
export function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}
