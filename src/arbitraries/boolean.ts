/** Booleans, null, and `{}` (any JSON value): the keyword-free leaves. */
import fc from "fast-check";
import type { JsonSchema } from "../model/schema.js";
import type { Builder, Ctx, Helpers } from "./family.js";
import type { LeafShape, Mutation } from "./shape.js";

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
  arbitrary: () => fc.boolean(),
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
  arbitrary: () => fc.constant(null),
  check(_s, v, at, out) {
    if (v !== null) out.push({ keyword: "type", pointer: at });
  },
  boundaries: () => [{ path: "", op: "set", value: null, label: "= null" }],
  negatives: (s, _v, h) => ({ mutations: typeBreak(s, 0, "0 instead of null", h), unsupported: [] }),
};

/** `not: {}`: the property must be absent; never generated, always an issue when present. */
export const neverBuilder: Builder<LeafShape> = {
  arbitrary: () => fc.constant(undefined).filter(() => false),
  check(_s, _v, at, out) {
    out.push({ keyword: "not", pointer: at });
  },
  boundaries: () => [],
  negatives: () => ({ mutations: [], unsupported: [] }),
};

/** `{}`: any JSON value; small ones, since nothing constrains them. */
export const anyBuilder: Builder<LeafShape> = {
  arbitrary: () =>
    fc.oneof(
      fc.string({ maxLength: 16, unit: "grapheme-ascii" }),
      fc.integer({ min: 0, max: 1_000_000 }),
      fc.boolean(),
      fc.constant(null),
    ),
  check: () => undefined,
  boundaries: () => [],
  negatives: () => ({ mutations: [], unsupported: [] }),
};
