/**
 * enum and const: one of the listed values. Each value must pass the rest of its own schema (type,
 * lengths, pattern), checked at build time; a negative is a near-miss that passes everything but the list.
 */
import { SpecError } from "../model/errors.js";
import type { JsonSchema } from "../model/schema.js";
import type { Builder, Ctx } from "./family.js";
import { clone, deepEqual } from "./json.js";
import type { EnumShape, Shape } from "./shape.js";

export function compileEnum(schema: JsonSchema, at: string, ctx: Ctx, name?: string): EnumShape {
  const { enum: list, const: constant, ...rest } = schema;
  const keyword = list !== undefined ? "enum" : "const";
  const values = list !== undefined ? list : [constant];
  if (!Array.isArray(values) || values.length === 0)
    throw new SpecError("enum must be a non-empty array", ctx.ptr(at));
  if (list !== undefined && constant !== undefined)
    throw new SpecError("enum and const together", ctx.ptr(at));
  const base: Shape = ctx.compile(rest, at, name) ?? { kind: "any", ptr: ctx.ptr(at) };
  values.forEach((v, i) => {
    const issues = ctx.checkShape(base, v);
    if (issues.length > 0) {
      throw new SpecError(
        `${keyword} value ${JSON.stringify(v)} violates its own schema (${issues.map((x) => x.keyword).join(", ")})`,
        ctx.ptr(keyword === "enum" ? `${at}/enum/${i}` : `${at}/const`),
      );
    }
  });
  return { kind: "enum", keyword, values, base, ptr: ctx.ptr(at) };
}

const TYPE_ALSO_ENUM = {
  pointer: "",
  rule: "type",
  reason: "a value of another type also fails enum/const (two errors)",
};

/** Values close to the listed ones (same type and length where possible), first ones first. */
function nearMisses(values: readonly unknown[]): unknown[] {
  const out: unknown[] = [];
  for (const v of values) {
    if (typeof v === "string") {
      const cut = v.slice(0, -1);
      for (const ch of ["X", "Z", "0", "x"]) out.push(cut + ch);
      out.push(`${v}X`, cut, v.toLowerCase(), v.toUpperCase(), "UNKNOWN");
    } else if (typeof v === "number") out.push(v + 1, v - 1);
    else if (typeof v === "boolean") out.push(!v);
  }
  return out;
}

export const enumBuilder: Builder<EnumShape> = {
  decode(s, c) {
    const v = s.values[c.next(s.values.length)];
    return typeof v === "object" && v !== null ? clone(v) : v;
  },
  check(s, v, at, out, h) {
    out.push(...h.checkShape(s.base, v, at));
    if (!s.values.some((x) => deepEqual(x, v))) out.push({ keyword: s.keyword, pointer: at });
  },
  boundaries: (s) =>
    s.values.map((value) => ({ path: "", op: "set", value, label: `= ${JSON.stringify(value)}` })),
  negatives(s, _v, h) {
    const unsupported = s.base.untyped || s.base.kind === "any" ? [] : [TYPE_ALSO_ENUM];
    const value = nearMisses(s.values).find(
      (v) => !s.values.some((x) => deepEqual(x, v)) && h.onlyBreaks(s, v, s.keyword),
    );
    if (value === undefined) {
      const reason = "no near-miss value passes the rest of the schema";
      return { mutations: [], unsupported: [...unsupported, { pointer: "", rule: s.keyword, reason }] };
    }
    const reason = `${JSON.stringify(value)} is not one of ${JSON.stringify(s.values)}`;
    return { mutations: [{ path: "", op: "set", value, rule: s.keyword, reason }], unsupported };
  },
};
