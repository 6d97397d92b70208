/**
 * Values for whole-spec tests, built from the schema: a minimal valid value (required fields only) and
 * strings of an exact code-point length that the field's own schema accepts (pattern, format, enum).
 */
import fc from "fast-check";
import type { CompiledValidator } from "../../../src/model/operation.js";
import type { JsonSchema } from "../../../src/model/schema.js";
import { createAjv } from "../../../src/validation/ajv.js";
import { refChain } from "./fields.js";

const ajv = createAjv();
const cache = new WeakMap<JsonSchema, CompiledValidator>();

/** A validator for one node of `root` (its `$defs` attached, so `$ref`s resolve). */
export function nodeValidator(root: JsonSchema, node: JsonSchema): CompiledValidator {
  let v = cache.get(node);
  if (v === undefined) {
    const schema = node === root || root.$defs === undefined ? node : { ...node, $defs: root.$defs };
    v = ajv.compile(schema) as unknown as CompiledValidator;
    cache.set(node, v);
  }
  return v;
}

const FORMAT_SAMPLES: Record<string, string> = {
  "date-time": "2024-03-19T14:39:01+07:00",
  date: "2024-03-19",
  time: "14:39:01+07:00",
  email: "budi@example.com",
  uri: "https://example.com/a",
  url: "https://example.com/a",
  uuid: "0b3e9d4e-1c2a-4f7b-9a55-6f1e2d3c4b5a",
  ipv4: "127.0.0.1",
  hostname: "example.com",
};

const merged = (root: JsonSchema, node: JsonSchema): JsonSchema =>
  Object.assign({}, ...refChain(root, node).reverse());

/** Candidate strings for a string node: examples, format samples, pattern samples (fixed seed). */
export function stringCandidates(root: JsonSchema, node: JsonSchema): string[] {
  const s = merged(root, node);
  const out: string[] = [];
  for (const v of [
    s.const,
    ...(Array.isArray(s.enum) ? s.enum : []),
    s.example,
    ...(Array.isArray(s.examples) ? s.examples : []),
    s.default,
  ]) {
    if (typeof v === "string") out.push(v);
  }
  if (typeof s.format === "string" && FORMAT_SAMPLES[s.format]) out.push(FORMAT_SAMPLES[s.format] as string);
  if (typeof s.pattern === "string") {
    out.push(...fc.sample(fc.stringMatching(new RegExp(s.pattern, "u")), { seed: 42, numRuns: 300 }));
  }
  out.push("a", "0", "A1");
  return out;
}

const FILLERS = ["", "0", "1", "a", "A", "x", " "];

/** A string of exactly `n` code points accepted by the field's schema, starting from `preferred` if given. */
export function stringOfLength(
  root: JsonSchema,
  node: JsonSchema,
  n: number,
  preferred?: unknown,
): string | undefined {
  const accepts = nodeValidator(root, node);
  const candidates = [...(typeof preferred === "string" ? [preferred] : []), ...stringCandidates(root, node)];
  for (const c of candidates) if ([...c].length === n && accepts(c)) return c;
  for (const c of candidates) {
    const points = [...c];
    for (const f of FILLERS) {
      const fill = f === "" ? (points[points.length - 1] ?? "0") : f;
      const tail =
        points.length >= n ? points.slice(0, n) : [...points, ...Array(n - points.length).fill(fill)];
      const head =
        points.length >= n
          ? points.slice(points.length - n)
          : [...Array(n - points.length).fill(fill), ...points];
      for (const value of [tail.join(""), head.join("")]) if (accepts(value)) return value;
    }
  }
  return undefined;
}

/** `text` cut or padded (repeating its last code point, else "0") to exactly `n` code points. */
export function resize(text: string, n: number): string {
  const points = [...text];
  if (points.length >= n) return points.slice(0, n).join("");
  return [...points, ...Array(n - points.length).fill(points[points.length - 1] ?? "0")].join("");
}

/** A minimal value the node accepts: const/enum/example first, then required fields only. */
export function minimalValue(root: JsonSchema, node: JsonSchema, depth = 0): unknown {
  if (depth > 12) return undefined;
  const chain = refChain(root, node);
  const s = merged(root, node);
  const accepts = nodeValidator(root, node);
  for (const v of [
    s.const,
    ...(Array.isArray(s.enum) ? s.enum : []),
    s.example,
    ...(Array.isArray(s.examples) ? s.examples : []),
    s.default,
  ]) {
    if (v !== undefined && accepts(v)) return structuredClone(v);
  }
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== "null") : s.type;
  const first = (s.oneOf ?? s.anyOf) as JsonSchema[] | undefined;
  if (type === undefined && Array.isArray(first) && first[0]) return minimalValue(root, first[0], depth + 1);
  if (type === "object" || (type === undefined && s.properties !== undefined)) {
    const out: Record<string, unknown> = {};
    const members = chain.flatMap((n) => [
      n,
      ...((Array.isArray(n.allOf) ? n.allOf : []) as JsonSchema[]).flatMap((m) => refChain(root, m)),
    ]);
    for (const n of members) {
      const props = (n.properties ?? {}) as Record<string, JsonSchema>;
      for (const name of Array.isArray(n.required) ? (n.required as string[]) : []) {
        if (props[name] && !(name in out)) out[name] = minimalValue(root, props[name], depth + 1);
      }
    }
    return out;
  }
  if (type === "array") {
    const items = s.items as JsonSchema | undefined;
    const count = typeof s.minItems === "number" ? s.minItems : 0;
    return items ? Array.from({ length: count }, () => minimalValue(root, items, depth + 1)) : [];
  }
  if (type === "integer" || type === "number") {
    if (typeof s.minimum === "number") return s.minimum;
    if (typeof s.exclusiveMinimum === "number") return Math.floor(s.exclusiveMinimum) + 1;
    return 0;
  }
  if (type === "boolean") return true;
  if (type === "null") return null;
  const min = typeof s.minLength === "number" ? s.minLength : 0;
  const max = typeof s.maxLength === "number" ? s.maxLength : Math.max(min, 8);
  for (const c of stringCandidates(root, node)) if (accepts(c)) return c;
  for (let n = Math.max(min, 1); n <= max; n++) {
    const v = stringOfLength(root, node, n);
    if (v !== undefined) return v;
  }
  return "";
}
