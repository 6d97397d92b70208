import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  below,
  CHOICE_RANGE,
  type Choices,
  firstAccepted,
  fromChoices,
  intIn,
  leaf,
  Rejected,
  seededChoices,
} from "../../src/arbitraries/choice.js";

/** Choices that replay `list` (then zeros), clamped like a shrink replay. */
const fixed = (list: number[], bias?: number): Choices => {
  let i = 0;
  return { next: (n) => (n <= 1 ? 0 : Math.min(list[i++] ?? 0, n - 1)), bias };
};

describe("choice sequences", () => {
  it("next(n) is an integer in [0, n) for every n up to CHOICE_RANGE", () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: CHOICE_RANGE }), (seed, n) => {
        const c = seededChoices(seed);
        for (let i = 0; i < 20; i++) {
          const v = c.next(n);
          expect(Number.isInteger(v) && v >= 0 && v < n).toBe(true);
        }
      }),
    );
  });

  it("below(n) stays in [0, n) for every safe n, with choices of any size", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
        fc.array(fc.nat(), { maxLength: 3 }),
        (n, list) => {
          const v = below(fixed(list), n);
          expect(Number.isInteger(v) && v >= 0 && v < n).toBe(true);
        },
      ),
    );
  });

  it("intIn stays in [lo, hi] and never gives -0", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -(2 ** 40), max: 2 ** 40 }),
        fc.nat({ max: 2 ** 40 }),
        fc.array(fc.nat(), { maxLength: 3 }),
        (lo, width, list) => {
          const v = intIn(fixed(list), lo, lo + width);
          expect(v >= lo && v <= lo + width && !Object.is(v, -0)).toBe(true);
        },
      ),
    );
  });

  it("intIn maps the choices of a small range one-to-one, smaller choices nearer zero", () => {
    fc.assert(
      fc.property(fc.integer({ min: -20, max: 20 }), fc.nat({ max: 40 }), (lo, width) => {
        const hi = lo + width;
        const values = Array.from({ length: width + 1 }, (_, k) => intIn(fixed([k]), lo, hi));
        expect(new Set(values).size).toBe(width + 1);
        const distances = values.map(Math.abs);
        expect(distances).toEqual([...distances].sort((a, b) => a - b));
      }),
    );
  });

  it("leaf keeps choices near zero only when the bias choice is 0", () => {
    expect(leaf(fixed([0, 7], 3)).next(10)).toBe(1); // small: 7 clamped to 0..1
    expect(leaf(fixed([1, 7], 3)).next(10)).toBe(7);
    expect(leaf(fixed([7])).next(10)).toBe(7); // no bias, no bias choice
  });

  it("firstAccepted gives the first accepted draw, or Rejected after MAX_TRIES", () => {
    let n = 0;
    expect(
      firstAccepted(
        () => n++,
        (v) => v === 3,
        "three",
      ),
    ).toBe(3);
    expect(() =>
      firstAccepted(
        () => 1,
        () => false,
        "nothing",
      ),
    ).toThrow(Rejected);
  });

  it("shrinking skips candidates a decoder rejects and keeps every other candidate valid", () => {
    // Even numbers only, by rejection: every shrink must still be even.
    const even = fromChoices((c) =>
      firstAccepted(
        () => c.next(1000) + 1,
        (v) => v % 2 === 0,
        "even number",
      ),
    );
    const seen: number[] = [];
    const out = fc.check(
      fc.property(even, (v) => {
        seen.push(v);
        return v < 10;
      }),
      { seed: 5 },
    );
    expect(out.failed).toBe(true);
    expect(seen.every((v) => v % 2 === 0)).toBe(true);
    expect(out.counterexample?.[0]).toBeGreaterThanOrEqual(10);
    expect(out.numShrinks).toBeGreaterThan(0);
  });
});
