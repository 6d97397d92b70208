/**
 * Operation + dotted field -> the spec source line that defines it: the field is looked up in the request body
 * schema, the header parameters, then each response's body and headers, stepping through `properties`,
 * `items` and `allOf`/`anyOf`/`oneOf` branches with `$ref`s followed; a field not found there (a sample, an
 * API fact) points at the operation itself. A field whose value is a `$ref` is reported where it is defined
 * (a shared component: editing it changes every operation that uses it, which `spec diff` then lists).
 */
import type { Operation } from "../model/operation.js";
import { type SourceLine, SpecLines } from "./line-map.js";

type At = NonNullable<ReturnType<SpecLines["child"]>>;

const BRANCHES = ["allOf", "anyOf", "oneOf"];

function property(lines: SpecLines, schema: At, name: string, depth = 0): At | undefined {
  if (depth > 6) return undefined;
  const direct = lines.child(schema, "properties");
  const hit = direct === undefined ? undefined : lines.child(direct, name);
  if (hit !== undefined) return hit;
  const items = lines.child(schema, "items");
  if (items !== undefined) {
    const inItems = property(lines, items, name, depth + 1);
    if (inItems !== undefined) return inItems;
  }
  for (const key of BRANCHES) {
    const branches = lines.child(schema, key);
    for (const branch of branches === undefined ? [] : lines.items(branches)) {
      const found = property(lines, branch, name, depth + 1);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

const walk = (lines: SpecLines, schema: At | undefined, path: readonly string[]) =>
  path.reduce<At | undefined>(
    (at, token) => (at === undefined ? undefined : property(lines, at, token)),
    schema,
  );

const mediaSchemas = (lines: SpecLines, holder: At | undefined): At[] => {
  const content = holder === undefined ? undefined : lines.child(holder, "content");
  if (content === undefined) return [];
  return lines
    .keys(content)
    .map((type) => lines.child(content, type))
    .map((media) => (media === undefined ? undefined : lines.child(media, "schema")))
    .filter((s): s is At => s !== undefined);
};

function headerParameter(lines: SpecLines, op: At, name: string): At | undefined {
  const params = lines.child(op, "parameters");
  for (const p of params === undefined ? [] : lines.items(params)) {
    const n = lines.child(p, "name");
    const value = n === undefined ? "" : String((n.node as { value?: unknown }).value ?? "");
    if (value.toLowerCase() === name.toLowerCase()) return n === undefined ? p : { ...p, line: n.line };
  }
  return undefined;
}

/** A function that finds the source line of an operation's field, for `docs diff` and `spec diff`. */
export function locator(specPath: string, operations: readonly Operation[], root: string) {
  const lines = new SpecLines(root);
  const ops = new Map(operations.map((o) => [o.id, o] as const));
  return (operation: string, field: string): SourceLine | undefined => {
    const op = ops.get(operation);
    const at = op === undefined ? undefined : lines.operation(specPath, op);
    if (at === undefined) return undefined;
    const path = field.split(".");
    const request = lines.child(at, "requestBody");
    const responses = lines.child(at, "responses");
    const slots = [
      ...mediaSchemas(lines, request),
      ...(responses === undefined
        ? []
        : lines.keys(responses).flatMap((s) => mediaSchemas(lines, lines.child(responses, s)))),
    ];
    for (const schema of slots) {
      const found = walk(lines, schema, path);
      // A property that is a $ref is defined (and edited) where the $ref points.
      if (found !== undefined) return lines.report(lines.resolve(found));
    }
    const header = headerParameter(lines, at, field);
    if (header !== undefined) return lines.report(header);
    for (const status of responses === undefined ? [] : lines.keys(responses)) {
      const response = responses === undefined ? undefined : lines.child(responses, status);
      const headers = response === undefined ? undefined : lines.child(response, "headers");
      const found = headers === undefined ? undefined : lines.child(headers, field);
      if (found !== undefined) return lines.report(found);
    }
    return lines.report(at);
  };
}
