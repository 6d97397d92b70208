/** Structural look-ups in the generated, fully inlined schemas (no ajv): paths, types, required, records. */
import type { JsonSchema } from "../model/schema.js";

const asSchema = (v: unknown): JsonSchema | undefined =>
  v !== null && typeof v === "object" && !Array.isArray(v) ? (v as JsonSchema) : undefined;

/** A property of an object schema, by exact name or (headers) case-insensitively. */
export function property(node: JsonSchema, name: string, caseless = false): JsonSchema | undefined {
  const props = asSchema(node.properties) ?? {};
  if (Object.hasOwn(props, name)) return asSchema(props[name]);
  if (!caseless) return undefined;
  const key = Object.keys(props).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : asSchema(props[key]);
}

/** Schema nodes from the root to the node at `path` (array items are stepped through), or undefined. */
export function chainAt(
  root: JsonSchema,
  path: readonly string[],
  caseless = false,
): JsonSchema[] | undefined {
  const chain = [root];
  let node = root;
  for (const token of path) {
    while (types(node).includes("array") && asSchema(node.items)) node = asSchema(node.items) as JsonSchema;
    const next = property(node, token, caseless);
    if (next === undefined) return undefined;
    chain.push(next);
    node = next;
  }
  return chain;
}

/** The node's `type` as a list ([] when the schema states none). */
export function types(node: JsonSchema): string[] {
  if (typeof node.type === "string") return [node.type];
  return Array.isArray(node.type) ? node.type.map(String) : [];
}

/** True when `parent` lists `name` in `required` (case-insensitively for headers). */
export function requires(parent: JsonSchema, name: string, caseless = false): boolean {
  const list = Array.isArray(parent.required) ? parent.required.map(String) : [];
  return caseless ? list.some((r) => r.toLowerCase() === name.toLowerCase()) : list.includes(name);
}

/** A node's x-doku-conflict records (one record or a list). */
export function conflicts(node: unknown): { id: string; alternative?: JsonSchema }[] {
  const value = asSchema(node)?.["x-doku-conflict"];
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.map((c) => {
    const record = asSchema(c) ?? {};
    const alternative = asSchema(record.alternative);
    return alternative === undefined ? { id: String(record.id) } : { id: String(record.id), alternative };
  });
}

/** The ids of a node's x-doku-conflict records. */
export const conflictIds = (node: unknown): string[] => conflicts(node).map((c) => c.id);

/** True when the node carries x-doku-unconfirmed. */
export const unconfirmed = (node: JsonSchema): boolean =>
  node["x-doku-unconfirmed"] !== undefined && node["x-doku-unconfirmed"] !== false;

/** Every key path of a JSON value (array elements share their array's path), objects included. */
export function keyPaths(value: unknown, prefix: string[] = []): string[][] {
  if (Array.isArray(value)) return value.flatMap((v) => keyPaths(v, prefix));
  const obj = asSchema(value);
  if (obj === undefined) return [];
  return Object.entries(obj).flatMap(([k, v]) => [[...prefix, k], ...keyPaths(v, [...prefix, k])]);
}

/** Structural deep equality of JSON values. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => deepEqual(v, b[i]))
    );
  }
  const x = asSchema(a);
  const y = asSchema(b);
  if (x === undefined || y === undefined) return false;
  const kx = Object.keys(x);
  return kx.length === Object.keys(y).length && kx.every((k) => Object.hasOwn(y, k) && deepEqual(x[k], y[k]));
}

/** True when every member of `part` is in `whole` with an equal (objects: recursively contained) value. */
export function containedIn(part: unknown, whole: unknown): boolean {
  const x = asSchema(part);
  const y = asSchema(whole);
  if (x === undefined || y === undefined) return deepEqual(part, whole);
  return Object.entries(x).every(([k, v]) => Object.hasOwn(y, k) && containedIn(v, y[k]));
}

/** The value at an RFC 6901 pointer ("#/paths/~1a/post" form accepted). */
export function atPointer(doc: unknown, pointer: string): unknown {
  const tokens = pointer
    .replace(/^#?\//, "")
    .split("/")
    .map((t) => t.replace(/~1/g, "/").replace(/~0/g, "~"));
  return tokens.reduce<unknown>((node, t) => asSchema(node)?.[t], doc);
}
