/** Arrays: items, minItems / maxItems, uniqueItems. */
import { SpecError } from "../model/errors.js";
import { childPointer } from "../model/pointer.js";
import type { JsonSchema } from "../model/schema.js";
import { leaf, Rejected } from "./choice.js";
import type { Builder, Ctx, Helpers } from "./family.js";
import { type ArrayShape, generated, type Mutation, type Unsupported, type Variant } from "./shape.js";

/** Generated arrays hold at most this many items beyond minItems. */
const EXTRA_ITEMS = 4;
/** Boundaries and negatives build arrays up to this length. */
const MAX_LISTED = 50;

export function compileArray(schema: JsonSchema, at: string, ctx: Ctx): ArrayShape {
  const ptr = ctx.ptr(at);
  const minItems = (schema.minItems as number | undefined) ?? 0;
  const maxItems = schema.maxItems as number | undefined;
  if (maxItems !== undefined && minItems > maxItems)
    throw new SpecError(`minItems ${minItems} > maxItems ${maxItems}`, ptr);
  let items = ctx.compile(schema.items ?? true, `${at}/items`);
  if (!items) {
    if (minItems > 0)
      throw new SpecError(`items nest their $ref deeper than the depth budget ${ctx.depth}`, ptr);
    items = { kind: "any", ptr, cut: true };
  }
  const unique = schema.uniqueItems === true;
  if (unique && items.kind === "enum" && items.values.length < minItems) {
    throw new SpecError(
      `uniqueItems needs ${minItems} distinct items but items allow ${items.values.length}`,
      ptr,
    );
  }
  return { kind: "array", ptr, items, minItems, ...(maxItems !== undefined ? { maxItems } : {}), unique };
}

const key = (v: unknown): string => JSON.stringify(v);

function listOf(s: ArrayShape, n: number, h: Helpers): unknown[] | undefined {
  if (n > MAX_LISTED || (n > 0 && !generated(s.items))) return undefined;
  const list = h.witnesses(s.items, s.unique ? n * 4 + 8 : n);
  const out = s.unique ? list.filter((v, i) => list.findIndex((w) => key(w) === key(v)) === i) : list;
  return out.length >= n ? out.slice(0, n) : undefined;
}

export const arrayBuilder: Builder<ArrayShape> = {
  decode(s, c, h) {
    const most = generated(s.items) ? Math.min(s.maxItems ?? Infinity, s.minItems + EXTRA_ITEMS) : 0;
    if (most < s.minItems) throw new Rejected(`no ${s.minItems} items to generate`);
    const n = s.minItems + leaf(c).next(most - s.minItems + 1);
    const out: unknown[] = [];
    if (!s.unique) {
      for (let i = 0; i < n; i++) out.push(h.decodeOf(s.items, c));
      return out;
    }
    // Distinct items: a drawn duplicate is dropped and another drawn, a bounded number of times.
    const seen = new Set<string>();
    for (let tries = 0; out.length < n && tries < n * 10; tries++) {
      const item = h.decodeOf(s.items, c);
      const k = key(item);
      if (!seen.has(k)) {
        seen.add(k);
        out.push(item);
      }
    }
    if (out.length < s.minItems) throw new Rejected(`no ${s.minItems} distinct items in ${n * 10} draws`);
    return out;
  },
  check(s, v, at, out, h) {
    if (!Array.isArray(v)) return void out.push({ keyword: "type", pointer: at });
    if (v.length < s.minItems) out.push({ keyword: "minItems", pointer: at });
    if (s.maxItems !== undefined && v.length > s.maxItems) out.push({ keyword: "maxItems", pointer: at });
    if (s.unique && new Set(v.map(key)).size !== v.length) out.push({ keyword: "uniqueItems", pointer: at });
    for (const [i, item] of v.entries()) out.push(...h.checkShape(s.items, item, childPointer(at, i)));
  },
  boundaries(s, _v, h) {
    const out: Variant[] = [];
    const at = (n: number, label: string) => {
      const value = listOf(s, n, h);
      if (value) out.push({ path: "", op: "set", value, label: `${label} ${n}` });
    };
    at(s.minItems, "at minItems");
    if (s.maxItems !== undefined && s.maxItems !== s.minItems) at(s.maxItems, "at maxItems");
    return out;
  },
  negatives(s, _v, h) {
    const mutations: Mutation[] = [];
    const unsupported: Unsupported[] = [];
    const put = (rule: string, n: number) => {
      const value = listOf(s, n, h);
      if (value) mutations.push({ path: "", op: "set", value, rule, reason: `${n} items` });
      else unsupported.push({ pointer: "", rule, reason: `cannot list ${n} valid items` });
    };
    if (s.maxItems !== undefined) put("maxItems", s.maxItems + 1);
    if (s.minItems > 0) put("minItems", s.minItems - 1);
    if (!s.untyped)
      mutations.push({
        path: "",
        op: "set",
        value: {},
        rule: "type",
        reason: "an object instead of an array",
      });
    return { mutations, unsupported };
  },
};
