/**
 * allOf, merged into one schema before compiling (the generator needs one set of constraints).
 * Merges what our specs use; anything it cannot merge faithfully is a SpecError naming the pointer.
 */

import { SpecError } from "../model/errors.js";
import type { JsonSchema } from "../model/schema.js";

const LOWER = ["minLength", "minimum", "exclusiveMinimum", "minItems"] as const;
const UPPER = ["maxLength", "maximum", "exclusiveMaximum", "maxItems"] as const;
const SAME = ["pattern", "format", "const", "multipleOf", "uniqueItems"] as const;

function mergeTwo(a: JsonSchema, b: JsonSchema, at: string): JsonSchema {
  const out: JsonSchema = { ...a };
  for (const [k, v] of Object.entries(b)) {
    if (!(k in out)) {
      out[k] = v;
      continue;
    }
    const cur = out[k];
    if ((LOWER as readonly string[]).includes(k)) out[k] = Math.max(cur as number, v as number);
    else if ((UPPER as readonly string[]).includes(k)) out[k] = Math.min(cur as number, v as number);
    else if (k === "required") out[k] = [...new Set([...(cur as string[]), ...(v as string[])])];
    else if (k === "enum")
      out[k] = (cur as unknown[]).filter((x) =>
        (v as unknown[]).some((y) => JSON.stringify(x) === JSON.stringify(y)),
      );
    else if (k === "type") out[k] = intersectTypes(cur, v, at);
    else if (k === "properties")
      out[k] = mergeProps(cur as Record<string, JsonSchema>, v as Record<string, JsonSchema>);
    else if (k === "items") out[k] = { allOf: [cur, v] };
    else if (k === "additionalProperties") out[k] = mergeAdditional(cur, v);
    else if ((SAME as readonly string[]).includes(k) && JSON.stringify(cur) !== JSON.stringify(v)) {
      throw new SpecError(`allOf combines two different "${k}" values; the generator cannot merge them`, at);
    } else if (k === "oneOf" || k === "anyOf") {
      throw new SpecError(`allOf has "${k}" in more than one branch; the generator cannot merge them`, at);
    }
  }
  return out;
}

function mergeAdditional(a: unknown, b: unknown): unknown {
  if (a === false || b === false) return false;
  if (a === true) return b;
  if (b === true) return a;
  return { allOf: [a, b] };
}

function intersectTypes(a: unknown, b: unknown, at: string): unknown {
  const as = Array.isArray(a) ? a : [a];
  const bs = Array.isArray(b) ? b : [b];
  const both = as.filter((t) => bs.includes(t) || (t === "integer" && bs.includes("number")));
  for (const t of bs) if (t === "integer" && as.includes("number") && !both.includes(t)) both.push(t);
  if (both.length === 0) throw new SpecError(`allOf branches have no type in common (${as} vs ${bs})`, at);
  return both.length === 1 ? both[0] : both;
}

function mergeProps(
  a: Record<string, JsonSchema>,
  b: Record<string, JsonSchema>,
): Record<string, JsonSchema> {
  const out = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = k in out ? { allOf: [out[k], v] } : v;
  return out;
}

/** Where the merged schema lists keywords more than one branch declares (ajv reports each of them). */
export const REPEATED = "x-arbitraries-repeated";

/**
 * Merges resolved branches. A branch with `additionalProperties: false` only admits its own properties
 * (ajv checks each branch alone), so another branch adding properties is an error.
 */
export function mergeAllOf(branches: readonly JsonSchema[], at: string): JsonSchema {
  branches.forEach((br, i) => {
    if (br.additionalProperties !== false) return;
    const own = Object.keys((br.properties as object | undefined) ?? {});
    const others = branches.flatMap((o, j) =>
      j === i ? [] : Object.keys((o.properties as object | undefined) ?? {}),
    );
    const foreign = others.filter((p) => !own.includes(p));
    if (foreign.length > 0) {
      throw new SpecError(
        `allOf branch ${i} sets additionalProperties: false, so ajv rejects properties of other branches (${foreign.join(", ")})`,
        at,
      );
    }
  });
  const merged = branches.reduce((acc, br) => mergeTwo(acc, br, at), {} as JsonSchema);
  const seen = new Map<string, number>();
  const count = (k: string) => seen.set(k, (seen.get(k) ?? 0) + 1);
  for (const br of branches) {
    for (const k of Object.keys(br))
      if (!k.startsWith("x-") && k !== "properties" && k !== "required") count(k);
    for (const name of (br.required as string[] | undefined) ?? []) count(`required:${name}`);
  }
  const repeated = [...seen].filter(([, n]) => n > 1).map(([k]) => k);
  return repeated.length > 0 ? { ...merged, [REPEATED]: repeated } : merged;
}
