/**
 * Numbers and integers: minimum / maximum / exclusive bounds / multipleOf (checked the way ajv does:
 * x / m must be an integer) and the OpenAPI number formats as bounds. Non-SNAP amounts live here.
 */

import { SpecError } from "../model/errors.js";
import type { JsonSchema } from "../model/schema.js";
import { CHOICE_RANGE, type Choices, firstAccepted, intIn, leaf } from "./choice.js";
import type { Builder, Ctx } from "./family.js";
import { numberFormatBounds } from "./formats/index.js";
import type { Mutation, NumberShape, Unsupported, Variant } from "./shape.js";

const num = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : undefined);
const isMultiple = (x: number, m: number): boolean => x / m === Number.parseInt(String(x / m), 10);
const DEFAULT_RANGE = 2 ** 31;

export function compileNumber(schema: JsonSchema, at: string, ctx: Ctx, integer: boolean): NumberShape {
  const ptr = ctx.ptr(at);
  const [minimum, maximum] = [num(schema.minimum), num(schema.maximum)];
  const [exclusiveMinimum, exclusiveMaximum] = [num(schema.exclusiveMinimum), num(schema.exclusiveMaximum)];
  const multipleOf = num(schema.multipleOf);
  if (multipleOf !== undefined && multipleOf <= 0) throw new SpecError("multipleOf must be > 0", ptr);
  const fmt = schema.format === undefined ? undefined : numberFormatBounds[String(schema.format)];
  if (schema.format !== undefined && !fmt)
    throw new SpecError(`number format "${schema.format}" is not supported`, ptr);
  const step = integer ? 1 : Number.EPSILON;
  let lo = Math.max(
    minimum ?? -DEFAULT_RANGE,
    exclusiveMinimum === undefined ? -Infinity : exclusiveMinimum + step,
    fmt?.min ?? -Infinity,
  );
  let hi = Math.min(
    maximum ?? DEFAULT_RANGE,
    exclusiveMaximum === undefined ? Infinity : exclusiveMaximum - step,
    fmt?.max ?? Infinity,
  );
  if (integer || multipleOf !== undefined) [lo, hi] = [Math.ceil(lo), Math.floor(hi)];
  if (!Number.isSafeInteger(lo) && integer) lo = Number.MIN_SAFE_INTEGER;
  if (!Number.isSafeInteger(hi) && integer) hi = Number.MAX_SAFE_INTEGER;
  const shape: NumberShape = {
    kind: "number",
    ptr,
    integer,
    lo,
    hi,
    ...(minimum !== undefined ? { minimum } : {}),
    ...(maximum !== undefined ? { maximum } : {}),
    ...(exclusiveMinimum !== undefined ? { exclusiveMinimum } : {}),
    ...(exclusiveMaximum !== undefined ? { exclusiveMaximum } : {}),
    ...(multipleOf !== undefined ? { multipleOf } : {}),
  };
  if (lo > hi || (multipleOf !== undefined && Math.ceil(lo / multipleOf) > Math.floor(hi / multipleOf))) {
    throw new SpecError(
      `no ${integer ? "integer" : "number"} satisfies the bounds (${lo}..${hi}, multipleOf ${multipleOf ?? "-"})`,
      ptr,
    );
  }
  return shape;
}

function issues(s: NumberShape, v: number): string[] {
  const out: string[] = [];
  if (s.minimum !== undefined && v < s.minimum) out.push("minimum");
  if (s.maximum !== undefined && v > s.maximum) out.push("maximum");
  if (s.exclusiveMinimum !== undefined && v <= s.exclusiveMinimum) out.push("exclusiveMinimum");
  if (s.exclusiveMaximum !== undefined && v >= s.exclusiveMaximum) out.push("exclusiveMaximum");
  if (s.multipleOf !== undefined && !isMultiple(v, s.multipleOf)) out.push("multipleOf");
  return out;
}

const safe = (lo: number, hi: number): [number, number] => [
  Math.max(lo, Number.MIN_SAFE_INTEGER),
  Math.min(hi, Number.MAX_SAFE_INTEGER),
];

/**
 * A number in [lo, hi]: a whole number (half of the draws), or one with cents, or anywhere in a window
 * too narrow to hold a whole number.
 */
function fraction(s: NumberShape, c: Choices): number {
  const [lo, hi] = safe(Math.ceil(s.lo), Math.floor(s.hi));
  if (lo > hi) return s.lo + (s.hi - s.lo) * (c.next(CHOICE_RANGE) / CHOICE_RANGE);
  const whole = intIn(c, lo, hi);
  if (c.next(2) === 0) return whole;
  const x = whole + (whole < 0 ? -1 : 1) * (c.next(100) / 100);
  return x >= s.lo && x <= s.hi && !Object.is(x, -0) ? x : whole;
}

export const numberBuilder: Builder<NumberShape> = {
  decode(s, c) {
    const l = leaf(c);
    if (s.multipleOf !== undefined) {
      const m = s.multipleOf;
      const [lo, hi] = safe(Math.ceil(s.lo / m), Math.floor(s.hi / m));
      return firstAccepted(
        () => intIn(l, lo, hi) * m,
        (x) => issues(s, x).length === 0,
        `multiple of ${m} within the bounds`,
      );
    }
    if (s.integer) return intIn(l, s.lo, s.hi);
    return fraction(s, l);
  },
  check(s, v, at, out) {
    if (typeof v !== "number" || !Number.isFinite(v)) return void out.push({ keyword: "type", pointer: at });
    // ajv: a fraction fails "integer" and the number keywords still apply to it.
    if (s.integer && !Number.isInteger(v)) out.push({ keyword: "type", pointer: at });
    for (const keyword of issues(s, v)) out.push({ keyword, pointer: at });
  },
  boundaries(s) {
    const m = s.multipleOf ?? 1;
    const values: [number, string][] = [];
    if (s.minimum !== undefined || s.exclusiveMinimum !== undefined)
      values.push([Math.ceil(s.lo / m) * m, "at minimum %"]);
    if (s.lo < 0 && s.hi > 0) values.push([0, "at zero"]);
    if (s.maximum !== undefined || s.exclusiveMaximum !== undefined) {
      const top = Math.floor(s.hi / m) * m;
      values.push([top, `at maximum % (${String(Math.trunc(Math.abs(top))).length} digits)`]);
    }
    const out: Variant[] = values
      .filter(([v]) => issues(s, v).length === 0 && (!s.integer || Number.isSafeInteger(v)))
      .map(([value, label]) => ({ path: "", op: "set", value, label: label.replace("%", String(value)) }));
    return out.filter((v, i) => out.findIndex((w) => w.value === v.value) === i);
  },
  negatives(s, _v, h) {
    const mutations: Mutation[] = [];
    const unsupported: Unsupported[] = [];
    const m = s.multipleOf ?? 1;
    const tries: [string, number | string | undefined, string][] = [
      [
        "maximum",
        s.maximum === undefined ? undefined : (Math.floor(s.maximum / m) + 1) * m,
        "one step above maximum",
      ],
      [
        "minimum",
        s.minimum === undefined ? undefined : (Math.ceil(s.minimum / m) - 1) * m,
        "one step below minimum",
      ],
      ["exclusiveMaximum", s.exclusiveMaximum, "equal to exclusiveMaximum"],
      ["exclusiveMinimum", s.exclusiveMinimum, "equal to exclusiveMinimum"],
      ["multipleOf", s.multipleOf === undefined ? undefined : s.lo + s.multipleOf / 2, "not a multiple"],
      ["type", s.untyped ? undefined : String(s.lo), "the number as a string"],
      ["type", s.integer && !s.untyped ? s.lo + 0.5 : undefined, "a fraction where an integer is required"],
    ];
    for (const [rule, value, reason] of tries) {
      if (value === undefined) continue;
      const r = h.firstBreak(s, rule, [value], () => `${reason} (${value})`, "");
      if ("op" in r) mutations.push(r);
      else unsupported.push(r);
    }
    return { mutations, unsupported };
  },
};
