/** Booleans, null, and `{}` (any JSON value): the keyword-free leaves. */
import type { JsonSchema } from "../model/schema.js";
import { leaf, Rejected } from "./choice.js";
import type { Builder, Ctx, Helpers } from "./family.js";
import type { LeafShape, Mutation } from "./shape.js";
import { printable } from "./text.js";

export const compileBoolean = (_s: JsonSchema, at: string, ctx: Ctx): LeafShape => ({
  kind: "boolean",
  ptr: ctx.ptr(at),
});
export const compileNull = (_s: JsonSchema, at: string, ctx: Ctx): LeafShape => ({
  kind: "null",
  ptr: ctx.ptr(at),
});

function typeBreak(s: LeafShape, value: unknown, reason: string, h: Helpers): Mutation[] {
  return !s.untyped && h.onlyBreaks(s, value, "type")
    ? [{ path: "", op: "set", value, rule: "type", reason }]
    : [];
}

export const booleanBuilder: Builder<LeafShape> = {
  decode: (_s, c) => c.next(2) === 1,
  check(_s, v, at, out) {
    if (typeof v !== "boolean") out.push({ keyword: "type", pointer: at });
  },
  boundaries: () => [
    { path: "", op: "set", value: true, label: "= true" },
    { path: "", op: "set", value: false, label: "= false" },
  ],
  negatives: (s, _v, h) => ({ mutations: typeBreak(s, "true", 'the string "true"', h), unsupported: [] }),
};

export const nullBuilder: Builder<LeafShape> = {
  decode: () => null,
  check(_s, v, at, out) {
    if (v !== null) out.push({ keyword: "type", pointer: at });
  },
  boundaries: () => [{ path: "", op: "set", value: null, label: "= null" }],
  negatives: (s, _v, h) => ({ mutations: typeBreak(s, 0, "0 instead of null", h), unsupported: [] }),
};

/** `not: {}`: the property must be absent; never generated, always an issue when present. */
export const neverBuilder: Builder<LeafShape> = {
  decode() {
    throw new Rejected("a property that must be absent has no value");
  },
  check(_s, _v, at, out) {
    out.push({ keyword: "not", pointer: at });
  },
  boundaries: () => [],
  negatives: () => ({ mutations: [], unsupported: [] }),
};

/** `{}`: any JSON value; small ones, since nothing constrains them. */
export const anyBuilder: Builder<LeafShape> = {
  decode(_s, c) {
    const kind = c.next(4);
    if (kind === 0) return printable(leaf(c), 16);
    if (kind === 1) return leaf(c).next(1_000_001);
    return kind === 2 ? c.next(2) === 1 : null;
  },
  check: () => undefined,
  boundaries: () => [],
  negatives: () => ({ mutations: [], unsupported: [] }),
};
