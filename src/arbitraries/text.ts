/**
 * Free text for strings without pattern or format: mostly printable ASCII, some Indonesian names, and in
 * bodies some non-ASCII letters and emoji. Headers get visible ASCII only (no spaces, no controls).
 */
import type { Choices } from "./choice.js";
import { pickLength } from "./formats/entry.js";
import { ASCII_ORDER, EXTRA_ORDER } from "./regex/charset.js";
import type { StringContext } from "./regex/pattern.js";

const ASCII = ASCII_ORDER.map((c) => String.fromCodePoint(c));
const VISIBLE = ASCII.filter((c) => c !== " ");
const MIXED = [...ASCII, ...EXTRA_ORDER.map((c) => String.fromCodePoint(c))];
const NAMES = [
  "Budi",
  "Siti",
  "Rahayu",
  "Santoso",
  "Dewi",
  "Lestari",
  "Agus",
  "Wijaya",
  "Putri",
  "Nur",
  "Hidayat",
  "Ketut",
  "Made",
  "Wayan",
  "Sitorus",
  "Nasution",
  "Andréas",
  "Muñoz",
];

function fromPool(c: Choices, n: number, pool: readonly string[]): string {
  let s = "";
  for (let i = 0; i < n; i++) s += pool[c.next(pool.length)];
  return s;
}

/** Names joined by spaces, cut to exactly n code points, never ending in a space. */
function name(c: Choices, n: number): string {
  const cps: string[] = [];
  while (cps.length < n) {
    if (cps.length > 0) cps.push(" ");
    for (const cp of NAMES[c.next(NAMES.length)]!) cps.push(cp);
  }
  cps.length = n;
  if (cps[n - 1] === " ") cps[n - 1] = "a";
  return cps.join("");
}

/** Decodes free text whose length (code points) is one of `lens`. */
export function decodeText(c: Choices, lens: readonly number[], context: StringContext): string {
  if (context === "header") return fromPool(c, pickLength(c, lens, 32), VISIBLE);
  const style = c.next(20);
  const n = pickLength(c, lens, 32);
  if (style >= 17) return fromPool(c, n, MIXED);
  if (style >= 13 && n > 0) return name(c, n);
  return fromPool(c, n, ASCII);
}

/** Printable ASCII (space to tilde), up to `max` characters (unknown properties, `{}` values). */
export function printable(c: Choices, max: number): string {
  let out = "";
  for (let n = c.next(max + 1); n > 0; n--) out += String.fromCharCode(0x20 + c.next(95));
  return out;
}
