/** The shape of a format registry entry and the hints a string schema offers for picking one. */
import type { Choices } from "../choice.js";
import type { StringContext } from "../regex/pattern.js";

/** What a string schema says about itself; entries match on these. */
export interface StringHints {
  format?: string;
  pattern?: string;
  /** Property or header name the schema sits under. */
  name?: string;
  description?: string;
  context: StringContext;
}

export interface FormatEntry {
  name: string;
  /** Implements a JSON Schema `format` (ajv checks it) rather than recognising a pattern or a name. */
  isFormat: boolean;
  matches(h: StringHints): boolean;
  /** Lengths (code points) the entry can produce, ascending. */
  lengths: readonly number[];
  /** A value whose length is one of `lens` (a non-empty subset of `lengths`). */
  decode(c: Choices, lens: readonly number[]): string;
  /** The documented forms, one deterministic value each (boundary cases). */
  variants: readonly { name: string; value: string }[];
  /** For `format` entries: a string of exactly `len` code points that breaks the format. */
  invalid?(len: number): string | undefined;
}

/** Integers lo..hi as an array (entry length lists). */
export function span(lo: number, hi: number): number[] {
  return Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
}

const prefixes = new WeakMap<readonly number[], Map<number, number>>();

/** How many of the ascending `lens` are <= upTo (memoised: decoders call this per value). */
function countUpTo(lens: readonly number[], upTo: number): number {
  const byLimit = prefixes.get(lens) ?? new Map<number, number>();
  prefixes.set(lens, byLimit);
  let k = byLimit.get(upTo);
  if (k === undefined) {
    k = lens.findIndex((l) => l > upTo);
    if (k < 0) k = lens.length;
    byLimit.set(upTo, k);
  }
  return k;
}

/** Picks one of the ascending `lens`, three times in four among those <= upTo (typical-looking values). */
export function pickLength(c: Choices, lens: readonly number[], upTo: number): number {
  const nice = countUpTo(lens, upTo);
  return lens[c.next(nice > 0 && c.next(4) !== 0 ? nice : lens.length)]!;
}

const filtered = new WeakMap<readonly number[], Map<string, readonly number[]>>();

/** `lens` filtered by `keep`, memoised per lens array and `name` of the filter. */
export function lengthsWhere(
  lens: readonly number[],
  name: string,
  keep: (n: number) => boolean,
): readonly number[] {
  const byName = filtered.get(lens) ?? new Map<string, readonly number[]>();
  filtered.set(lens, byName);
  let out = byName.get(name);
  if (!out) {
    out = lens.filter(keep);
    byName.set(name, out);
  }
  return out;
}
