/**
 * Makes a schema from the bundled document self-contained by inlining every `#/components/schemas/X` it
 * reaches. DOKU's schemas are not recursive, so the result has no `$ref` at all: ajv's `schemaPath` then
 * always resolves from the root of the slot schema (with `$ref`s ajv reports paths relative to the target).
 * A cycle is a SpecError.
 */
import { SpecError } from "../model/errors.js";
import type { JsonSchema } from "../model/schema.js";

const COMPONENT_PREFIX = "#/components/schemas/";
/** Data, not schema: copied verbatim (an `alternative` inside x-doku-conflict is still inlined). */
const VERBATIM = new Set(["example", "examples", "enum", "const", "default", "x-doku-rules"]);

export function selfContained(
  schema: JsonSchema,
  components: Readonly<Record<string, JsonSchema>>,
  at: string,
): JsonSchema {
  const inline = (node: unknown, trail: readonly string[]): unknown => {
    if (Array.isArray(node)) return node.map((n) => inline(n, trail));
    if (node === null || typeof node !== "object") return node;
    const obj = node as Record<string, unknown>;
    if (typeof obj.$ref === "string") {
      const { $ref, ...siblings } = obj;
      const name = componentName($ref, at);
      if (!(name in components)) throw new SpecError(`$ref to missing schema "${name}"`, at);
      if (trail.includes(name)) throw new SpecError(`recursive schema ${[...trail, name].join(" -> ")}`, at);
      const target = inline(components[name], [...trail, name]) as Record<string, unknown>;
      // OpenAPI 3.1 allows siblings next to $ref (description, x-doku-*): they annotate the target.
      return { ...target, ...(inline(siblings, trail) as Record<string, unknown>) };
    }
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(obj))
      out[key] = VERBATIM.has(key) ? value : inline(value, trail);
    return out;
  };
  return inline(schema, []) as JsonSchema;
}

function componentName(ref: string, at: string): string {
  if (!ref.startsWith(COMPONENT_PREFIX) || ref.slice(COMPONENT_PREFIX.length).includes("/")) {
    throw new SpecError(`unsupported $ref "${ref}" (only ${COMPONENT_PREFIX}<Name> after bundling)`, at);
  }
  return decodeURIComponent(ref.slice(COMPONENT_PREFIX.length));
}
