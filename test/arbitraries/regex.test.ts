/**
 * The regex subset: generated strings match the RegExp ajv would build and have an allowed length;
 * the length sets are exact (checked against brute force on small alphabets); unsupported features are
 * SpecErrors naming the pointer.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromChoices } from "../../src/arbitraries/choice.js";
import { allowedLengths } from "../../src/arbitraries/regex/lengths.js";
import {
  compilePattern,
  decodePattern,
  exactMatch,
  patternLengths,
} from "../../src/arbitraries/regex/pattern.js";
import { SpecError } from "../../src/model/errors.js";

const patterns: [string, number, number][] = [
  ["^[0-9]{1,36}$", 0, 40],
  ["^ {0,7}[0-9]{1,8}$", 8, 8],
  ["^(0|[1-9][0-9]{0,15})\\.[0-9]{2}$", 4, 19],
  ["^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{3})?(Z|[+-][0-9]{2}:[0-9]{2})$", 0, 30],
  ["^VIRTUAL_ACCOUNT_[A-Z_]+$", 17, 40],
  ["^(ab|c)*d?$", 0, 9],
  ["^([A-Z][a-z]*)+$", 3, 12],
  ["^x(?:y{2}|z{3}){1,3}$", 0, 20],
  ["^[^a-y]\\w\\s?\\d$", 0, 6],
  ["^\\u0041\\x42[\\-.]\\/$", 0, 6],
  ["^(?<tag>[a-c]{2})-[\\u{1F600}-\\u{1F64F}]$", 0, 6],
  ["[0-9]{3}", 0, 8],
  ["^application/json(;.*)?$", 0, 30],
];

describe.each(patterns)("pattern %s within %i..%i", (source, lo, hi) => {
  const p = compilePattern(source, "#/t", "body");
  const lens = patternLengths(p, lo, hi);

  it("generates only matching strings of allowed lengths", () => {
    for (const s of fc.sample(
      fromChoices((c) => decodePattern(p, lens, c)),
      { seed: 11, numRuns: 400 },
    )) {
      expect(p.re.test(s), s).toBe(true);
      expect(lens).toContain([...s].length);
    }
  });

  it("has a matching string of every allowed length, and none of the others (exact length sets)", () => {
    for (let len = lo; len <= Math.min(hi, 20); len++) {
      const s = exactMatch(p, len);
      if (lens.includes(len)) {
        expect(s, `length ${len}`).toBeDefined();
        expect(p.re.test(s!)).toBe(true);
        expect([...s!].length).toBe(len);
      } else expect(s, `length ${len}`).toBeUndefined();
    }
  });
});

describe("length sets", () => {
  it("match brute force over a small alphabet", () => {
    const source = "^(a|bc)+(d{2,3})?$";
    const p = compilePattern(source, "#/t", "body");
    const alphabet = ["a", "b", "c", "d"];
    let words = [""];
    const found = new Set<number>();
    for (let len = 0; len <= 7; len++) {
      for (const w of words) if (p.re.test(w)) found.add(len);
      words = words.flatMap((w) => alphabet.map((a) => w + a));
    }
    expect(allowedLengths(p.node, 0, 7)).toEqual([...found].sort((a, b) => a - b));
  });
});

describe("unsupported regex features fail at build time with the pointer", () => {
  it.each([
    ["^(?=a)a$", "lookaround"],
    ["^(?!a)b$", "lookaround"],
    ["^(a)\\1$", "backreference"],
    ["^\\bword$", "word boundary"],
    ["^\\p{L}+$", "Unicode property"],
    ["^a|b$", "top-level alternation"],
    ["^a$|^b$", "anchor inside"],
    ["^a^b$", "anchor inside"],
    ["^[a-$", "not a valid"],
  ])("%s (%s)", (source, what) => {
    const run = () => compilePattern(source, "op.request.body#/properties/x/pattern", "body");
    expect(run).toThrow(SpecError);
    expect(run).toThrow(what);
    expect(run).toThrow("op.request.body#/properties/x/pattern");
  });

  it("a pattern needing non-ASCII characters cannot go in a header", () => {
    expect(() => compilePattern("^[é]+$", "h#/p", "header")).toThrow(/cannot go in a header/);
  });
});
