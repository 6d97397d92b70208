/**
 * Character sets of the regex subset (sorted, merged code point ranges) and the universes strings are
 * drawn from: printable ASCII first (in shrink-friendly order), a few non-ASCII letters and emoji for
 * bodies, never control characters unless a pattern spells one out literally.
 */
export type Range = readonly [number, number];
export type Ranges = readonly Range[];

const MAX_CP = 0x10ffff;

export function normalize(ranges: readonly Range[]): Ranges {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [lo, hi] of sorted) {
    const last = out[out.length - 1];
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}

export function union(...sets: Ranges[]): Ranges {
  return normalize(sets.flat());
}

export function complement(set: Ranges): Ranges {
  const out: Range[] = [];
  let next = 0;
  for (const [lo, hi] of normalize(set)) {
    if (lo > next) out.push([next, lo - 1]);
    next = hi + 1;
  }
  if (next <= MAX_CP) out.push([next, MAX_CP]);
  return out;
}

export function contains(set: Ranges, cp: number): boolean {
  return set.some(([lo, hi]) => cp >= lo && cp <= hi);
}

export const single = (cp: number): Ranges => [[cp, cp]];
export const DIGIT: Ranges = [[0x30, 0x39]];
export const WORD: Ranges = normalize([
  [0x30, 0x39],
  [0x41, 0x5a],
  [0x5f, 0x5f],
  [0x61, 0x7a],
]);
export const SPACE: Ranges = normalize(
  [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff]
    .map((c): Range => [c, c])
    .concat([[0x2000, 0x200a]]),
);
/** `.` without the s flag: anything but line terminators. */
export const DOT: Ranges = complement([
  [0x0a, 0x0a],
  [0x0d, 0x0d],
  [0x2028, 0x2029],
]);

const range = (a: string, b: string): number[] =>
  Array.from({ length: b.charCodeAt(0) - a.charCodeAt(0) + 1 }, (_, i) => a.charCodeAt(0) + i);

/** Printable ASCII, digits and letters first so shrinking ends on "0"/"a"; space and punctuation last. */
export const ASCII_ORDER: readonly number[] = (() => {
  const first = [...range("0", "9"), ...range("a", "z"), ...range("A", "Z")];
  const rest = range(" ", "~").filter((c) => !first.includes(c));
  return [...first, ...rest];
})();

/** Non-ASCII code points used for bodies: Latin letters with diacritics, punctuation, single-code-point emoji. */
export const EXTRA_ORDER: readonly number[] = [..."éèñüçàöÉÑßâîôûãõíóú€—’«»😀🙂🎉👍🌴"].map(
  (c) => c.codePointAt(0)!,
);

/** C0, DEL and C1 controls: never generated unless a pattern names one literally. */
export function isControl(cp: number): boolean {
  return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f);
}

const isSurrogate = (cp: number): boolean => cp >= 0xd800 && cp <= 0xdfff;

/** The members of `set` drawn from `universe`, in universe order. */
export function pick(set: Ranges, universe: readonly number[]): string[] {
  return universe.filter((cp) => contains(set, cp)).map((cp) => String.fromCodePoint(cp));
}

/** Up to `limit` non-control members of `set` in code point order (for sets outside our universes). */
export function firstMembers(set: Ranges, limit: number): string[] {
  const out: string[] = [];
  for (const [lo, hi] of set) {
    for (let cp = lo; cp <= hi && out.length < limit; cp++) {
      if (!isControl(cp) && !isSurrogate(cp)) out.push(String.fromCodePoint(cp));
    }
  }
  return out;
}
