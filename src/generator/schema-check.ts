/**
 * Every schema slot is checked against JSON Schema's meta-schema before validators are compiled: a
 * `maxLength: "abc"` or `type: strin` is a SpecError (exit 2) naming the slot, the keyword's pointer and the
 * spec file and line that hold it, instead of ajv's compile error surfacing as an internal error.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from "yaml";
import { SpecError } from "../model/errors.js";
import type { JsonSchema } from "../model/schema.js";
import { createAjv } from "../validation/ajv.js";

/** Throws a SpecError for the first schema slot that is not a valid JSON Schema. */
export function checkSchemas(schemas: Readonly<Record<string, JsonSchema>>, specPath: string): void {
  const ajv = createAjv();
  for (const [key, schema] of Object.entries(schemas)) {
    if (ajv.validateSchema(schema) === true) continue;
    const first = ajv.errors?.[0];
    const pointer = first?.instancePath ?? "";
    const keyword = pointer.split("/").pop() ?? "";
    const value = valueAt(schema, pointer);
    const where = locate(dirname(specPath), keyword, value);
    const shown = `${keyword}: ${JSON.stringify(value)}`;
    throw new SpecError(
      `schema ${key} is not a valid JSON Schema: ${shown} ${first?.message ?? "is invalid"}${where ? ` in ${where.file}:${where.line}` : ""}`,
      where ? `${where.file}#${where.pointer}` : `${key}#${pointer}`,
    );
  }
}

function valueAt(schema: unknown, pointer: string): unknown {
  let at = schema;
  for (const part of pointer.split("/").slice(1)) {
    const key = part.replace(/~1/g, "/").replace(/~0/g, "~");
    at = typeof at === "object" && at !== null ? (at as Record<string, unknown>)[key] : undefined;
  }
  return at;
}

interface Found {
  file: string;
  line: number;
  pointer: string;
}

/** The first `keyword: value` pair in the spec sources under `dir`, with its file, line and pointer. */
function locate(dir: string, keyword: string, value: unknown): Found | undefined {
  const wanted = JSON.stringify(value);
  for (const file of yamlFiles(dir)) {
    const lines = new LineCounter();
    const doc = parseDocument(readFileSync(file, "utf8"), { lineCounter: lines });
    const hit = find(doc.contents, "", (k, node) => k === keyword && JSON.stringify(toJs(node)) === wanted);
    if (hit) {
      const line = lines.linePos(hit.offset).line;
      return { file: relative(dirname(dir), file), line, pointer: hit.pointer };
    }
  }
  return undefined;
}

function toJs(node: unknown): unknown {
  return node !== null && typeof node === "object" && "toJSON" in node
    ? (node as { toJSON(): unknown }).toJSON()
    : node;
}

function find(
  node: unknown,
  pointer: string,
  match: (key: string, value: unknown) => boolean,
): { pointer: string; offset: number } | undefined {
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : "";
      const at = `${pointer}/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`;
      if (match(key, pair.value)) return { pointer: at, offset: (pair.key as Node).range?.[0] ?? 0 };
      const inner = find(pair.value, at, match);
      if (inner) return inner;
    }
  } else if (isSeq(node)) {
    for (const [i, item] of node.items.entries()) {
      const inner = find(item, `${pointer}/${i}`, match);
      if (inner) return inner;
    }
  }
  return undefined;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}
