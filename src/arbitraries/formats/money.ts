/** Money and digits: SNAP amount strings (two decimals), IDR, numeric strings. */
import type { Choices } from "../choice.js";
import { LENGTH_CAP } from "../regex/lengths.js";
import { type FormatEntry, lengthsWhere, pickLength, span } from "./entry.js";

const SNAP_AMOUNT = "^(0|[1-9][0-9]{0,15})\\.[0-9]{2}$";
/** `^[0-9]{m,n}$`, `^[0-9]+$` and friends; the lengths come from the pattern itself. */
const NUMERIC = /^\^\[0-9\](?:\{\d+(?:,\d*)?\}|[+*])\$$/;

function digits(c: Choices, n: number, leadingZero: boolean): string {
  let s = "";
  for (let i = 0; i < n; i++) s += i === 0 && !leadingZero && n > 1 ? 1 + c.next(9) : c.next(10);
  return s;
}

export const moneyFormats: FormatEntry[] = [
  {
    name: "snap-amount",
    isFormat: false,
    matches: (h) => h.pattern === SNAP_AMOUNT,
    lengths: span(4, 19),
    decode(c, lens) {
      const typical = lengthsWhere(lens, "typical-amount", (l) => l >= 7 && l <= 11);
      const pool = typical.length > 0 && c.next(4) !== 0 ? typical : lens;
      const n = pool[c.next(pool.length)]! - 3;
      const cents = c.next(5) === 0 ? digits(c, 2, true) : "00";
      return `${n === 1 ? c.next(10) : digits(c, n, false)}.${cents}`;
    },
    variants: [
      { name: "zero", value: "0.00" },
      { name: "typical", value: "11500.00" },
      { name: "max", value: "9999999999999999.99" },
    ],
  },
  {
    name: "idr-currency",
    isFormat: false,
    matches: (h) => h.pattern === "^IDR$" || (!h.pattern && !h.format && /^currency$/i.test(h.name ?? "")),
    lengths: [3],
    decode: () => "IDR",
    variants: [{ name: "IDR", value: "IDR" }],
  },
  {
    name: "numeric-string",
    isFormat: false,
    matches: (h) => NUMERIC.test(h.pattern ?? ""),
    lengths: span(0, LENGTH_CAP),
    decode(c, lens) {
      const n = pickLength(c, lens, 20);
      return digits(c, n, c.next(4) === 0);
    },
    variants: [],
  },
];
