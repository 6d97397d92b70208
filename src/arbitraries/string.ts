/**
 * Strings: minLength / maxLength / pattern / format. Lengths are code points (ajv's ucs2length). The
 * window is intersected with the pattern exactly, so "length 21 that still matches" is found or proven
 * impossible; formats come from the registry.
 */
import { codePointLength } from "../model/code-points.js";
import { SpecError } from "../model/errors.js";
import type { JsonSchema } from "../model/schema.js";
import { type Choices, firstAccepted, leaf, zeroChoices } from "./choice.js";
import type { Builder, Ctx } from "./family.js";
import { findFormat, formatValid, supportedStringFormats } from "./formats/index.js";
import { LENGTH_CAP, naturalRange } from "./regex/lengths.js";
import { compilePattern, decodePattern, exactMatch, patternLengths } from "./regex/pattern.js";
import type { Mutation, Negatives, StringShape, Unsupported, Variant } from "./shape.js";
import { decodeText } from "./text.js";

const span = (lo: number, hi: number): number[] =>
  Array.from({ length: Math.max(0, hi - lo + 1) }, (_, i) => lo + i);
const nonNegInt = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v) && v >= 0;

export function compileString(schema: JsonSchema, at: string, ctx: Ctx, name?: string): StringShape {
  const ptr = ctx.ptr(at);
  const { minLength, maxLength, pattern, format, description } = schema;
  if (minLength !== undefined && !nonNegInt(minLength))
    throw new SpecError("minLength must be an integer >= 0", ptr);
  if (maxLength !== undefined && !nonNegInt(maxLength))
    throw new SpecError("maxLength must be an integer >= 0", ptr);
  const lo = minLength ?? 0;
  const hi = maxLength ?? Number.POSITIVE_INFINITY;
  if (lo > hi) throw new SpecError(`minLength ${lo} > maxLength ${hi}`, ptr);
  if (lo > LENGTH_CAP) throw new SpecError(`minLength ${lo} exceeds the generator's cap ${LENGTH_CAP}`, ptr);
  if (format !== undefined && !supportedStringFormats.includes(String(format))) {
    throw new SpecError(
      `format "${format}" is not supported (supported: ${supportedStringFormats.join(", ")})`,
      ptr,
    );
  }
  const compiled =
    typeof pattern === "string" ? compilePattern(pattern, `${ptr}/pattern`, ctx.context) : undefined;
  // Unbounded strings are generated up to 64 code points past their shortest form.
  const natural = compiled ? naturalRange(compiled.node).min : 0;
  const genHi = Math.min(hi, LENGTH_CAP, Number.isFinite(hi) ? hi : Math.max(lo, natural) + 64);
  const patLens = compiled ? patternLengths(compiled, lo, genHi) : undefined;
  if (patLens?.length === 0) {
    throw new SpecError(
      `pattern ${JSON.stringify(pattern)} cannot produce a string of length ${lo}..${hi}`,
      ptr,
    );
  }
  const hints = {
    ...(typeof format === "string" ? { format } : {}),
    ...(typeof pattern === "string" ? { pattern } : {}),
    ...(name !== undefined ? { name } : {}),
    ...(typeof description === "string" ? { description } : {}),
    context: ctx.context,
  };
  let entry = findFormat(hints);
  const entryLens = entry?.lengths.filter((l) => l >= lo && l <= hi && (!patLens || patLens.includes(l)));
  if (entry && entryLens?.length === 0) {
    if (entry.isFormat)
      throw new SpecError(`format "${format}" cannot produce a string of length ${lo}..${hi}`, ptr);
    entry = undefined;
  }
  if (entry?.isFormat && compiled && !entry.variants.some((v) => compiled.re.test(v.value))) {
    throw new SpecError(
      `format "${format}" together with pattern ${JSON.stringify(pattern)} is not supported`,
      ptr,
    );
  }
  return {
    kind: "string",
    ptr,
    context: ctx.context,
    ...(minLength !== undefined ? { minLength } : {}),
    ...(maxLength !== undefined ? { maxLength } : {}),
    ...(compiled ? { pattern: compiled } : {}),
    ...(typeof format === "string" ? { format } : {}),
    ...(entry ? { entry } : {}),
    lens: entry ? entryLens! : (patLens ?? span(lo, genHi)),
  };
}

/** A valid string of exactly `len` code points for this shape, or undefined when there is none. */
export function stringOfLength(s: StringShape, len: number): string | undefined {
  if (s.entry?.lengths.includes(len)) {
    const v = s.entry.decode(zeroChoices, [len]);
    if (!s.pattern || s.pattern.re.test(v)) return v;
  }
  if (s.entry?.isFormat) return undefined;
  if (s.pattern) return exactMatch(s.pattern, len);
  return len <= LENGTH_CAP ? decodeText(zeroChoices, [len], s.context) : undefined;
}

function withinWindow(s: StringShape, len: number): boolean {
  return len >= (s.minLength ?? 0) && len <= (s.maxLength ?? Number.POSITIVE_INFINITY);
}

/** Candidate strings of the window's edge lengths with one character swapped (pattern breakers). */
function patternBreakers(s: StringShape): string[] {
  const out: string[] = [];
  for (const len of new Set([s.lens[0]!, s.lens[s.lens.length - 1]!])) {
    const cps = [...(stringOfLength(s, len) ?? "")];
    for (const ch of ["!", "x", "Z", "0", "-", "é", " "]) {
      for (const i of [cps.length - 1, 0]) {
        const value = cps.length === 0 ? ch : [...cps.slice(0, i), ch, ...cps.slice(i + 1)].join("");
        if (withinWindow(s, codePointLength(value))) out.push(value);
      }
    }
  }
  return out;
}

export const stringBuilder: Builder<StringShape> = {
  decode(s, c) {
    const l = leaf(c);
    if (s.entry) return decodeEntry(s, l);
    return s.pattern ? decodePattern(s.pattern, s.lens, l) : decodeText(l, s.lens, s.context);
  },
  check(s, v, at, out) {
    if (typeof v !== "string") return void out.push({ keyword: "type", pointer: at });
    const len = codePointLength(v);
    if (s.minLength !== undefined && len < s.minLength) out.push({ keyword: "minLength", pointer: at });
    if (s.maxLength !== undefined && len > s.maxLength) out.push({ keyword: "maxLength", pointer: at });
    if (s.pattern && !s.pattern.re.test(v)) out.push({ keyword: "pattern", pointer: at });
    if (s.format && !formatValid(s.format, v)) out.push({ keyword: "format", pointer: at });
  },
  boundaries(s) {
    const out: Variant[] = [];
    const add = (len: number, label: string): boolean => {
      const value = withinWindow(s, len) ? stringOfLength(s, len) : undefined;
      if (value !== undefined) out.push({ path: "", op: "set", value, label, length: len });
      return value !== undefined;
    };
    // Shortest valid length of the schema itself (the generator's entry may prefer longer values).
    let lo = s.minLength ?? 0;
    while (
      lo < (s.minLength ?? 0) + 64 &&
      !add(lo, s.minLength === lo ? `at minLength ${lo}` : `at shortest length ${lo}`)
    )
      lo++;
    const limit = Math.min(
      s.maxLength ?? Number.POSITIVE_INFINITY,
      s.pattern ? naturalRange(s.pattern.node).max : Infinity,
    );
    for (let len = limit; len > lo && len <= LENGTH_CAP && len > limit - 64; len--) {
      if (add(len, len === s.maxLength ? `at maxLength ${len}` : `at longest length ${len}`)) break;
    }
    for (const v of s.entry?.variants ?? []) {
      if (withinWindow(s, codePointLength(v.value)) && (!s.pattern || s.pattern.re.test(v.value))) {
        out.push({ path: "", op: "set", value: v.value, label: `${s.entry!.name} form ${v.name}` });
      }
    }
    return out.filter((v, i) => out.findIndex((w) => w.value === v.value) === i);
  },
  negatives(s, _v, h): Negatives {
    const results: (Mutation | Unsupported)[] = [];
    const exact = (len: number): string[] => {
      const v = len < 0 || len > LENGTH_CAP ? undefined : stringOfLength(s, len);
      return v === undefined ? [] : [v];
    };
    const what = s.pattern ? `pattern ${s.pattern.source}` : s.format ? `format ${s.format}` : "the schema";
    for (const [rule, len] of [
      ["maxLength", s.maxLength === undefined ? undefined : s.maxLength + 1],
      ["minLength", s.minLength ? s.minLength - 1 : undefined],
    ] as const) {
      if (len !== undefined)
        results.push(
          h.firstBreak(
            s,
            rule,
            exact(len),
            () => `${len} characters`,
            `${what} has no string of length ${len}`,
          ),
        );
    }
    if (s.pattern) {
      const source = s.pattern.source;
      results.push(
        h.firstBreak(
          s,
          "pattern",
          patternBreakers(s),
          () => `does not match ${source}`,
          "no candidate within the length limits",
        ),
      );
    }
    if (s.format && s.entry?.invalid) {
      const invalid = s.lens.map((l) => s.entry!.invalid!(l)).filter((v) => v !== undefined);
      results.push(
        h.firstBreak(
          s,
          "format",
          invalid,
          () => `not a valid ${s.format}`,
          `no invalid ${s.format} of an allowed length`,
        ),
      );
    }
    if (!s.untyped) results.push(h.firstBreak(s, "type", [12345], () => "a number instead of a string", ""));
    return {
      mutations: results.filter((r): r is Mutation => "op" in r),
      unsupported: results.filter((r): r is Unsupported => !("op" in r)),
    };
  },
};

/** Registry values; with a pattern as well (format + pattern), values must also match it. */
function decodeEntry(s: StringShape, c: Choices): string {
  const entry = s.entry!;
  const re = s.pattern?.re;
  if (!re) return entry.decode(c, s.lens);
  return firstAccepted(
    () => entry.decode(c, s.lens),
    (v) => re.test(v),
    `${entry.name} value matching ${s.pattern!.source}`,
  );
}
