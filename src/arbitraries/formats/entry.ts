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

/** Picks a length among `lens`, preferring `preferred` when it is allowed (most values look typical). */
export function pickLength(c: Choices, lens: readonly number[], preferred: (n: number) => boolean): number {
  const nice = lens.filter(preferred);
  const pool = nice.length > 0 && c.next(4) !== 0 ? nice : lens;
  return pool[c.next(pool.length)]!;
}
