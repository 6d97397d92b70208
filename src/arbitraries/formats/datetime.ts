/**
 * DOKU date-times, one entry per documented form (specs/README.md "Date/time formats"): real calendar
 * instants 2020-2035, Indonesian offsets first (+07:00 WIB, +08:00 WITA, +09:00 WIT).
 */
import type { Choices } from "../choice.js";
import type { FormatEntry, StringHints } from "./entry.js";

const FROM = Date.UTC(2020, 0, 1) / 1000;
const SECONDS = Date.UTC(2036, 0, 1) / 1000 - FROM;
const OFFSETS = [420, 480, 540, 0, -300];
const SAMPLE = Date.UTC(2024, 2, 19, 7, 39, 1) / 1000; // BNI sample 2024-03-19T14:39:01+07:00

interface Form {
  name: string;
  len: number;
  render(secs: number, millis: number, offsetMin: number): string;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, "0");
const offsetText = (m: number): string =>
  `${m < 0 ? "-" : "+"}${pad(Math.floor(Math.abs(m) / 60))}:${pad(Math.abs(m) % 60)}`;
/** "YYYY-MM-DDTHH:mm:ss" of the instant as seen at the offset. */
const local = (secs: number, offsetMin: number): string =>
  new Date((secs + offsetMin * 60) * 1000).toISOString().slice(0, 19);

const FORMS: Record<string, Form> = {
  offset: { name: "offset", len: 25, render: (s, _ms, o) => local(s, o) + offsetText(o) },
  utc: { name: "utc", len: 20, render: (s) => `${local(s, 0)}Z` },
  "millis-utc": { name: "millis-utc", len: 24, render: (s, ms) => `${local(s, 0)}.${pad(ms, 3)}Z` },
  "millis-offset": {
    name: "millis-offset",
    len: 29,
    render: (s, ms, o) => `${local(s, o)}.${pad(ms, 3)}${offsetText(o)}`,
  },
  compact: { name: "yyyyMMddHHmmss", len: 14, render: (s, _ms, o) => local(s, o).replace(/[-T:]/g, "") },
  date: { name: "date", len: 10, render: (s, _ms, o) => local(s, o).slice(0, 10) },
};

function entry(
  name: string,
  isFormat: boolean,
  forms: Form[],
  matches: (h: StringHints) => boolean,
): FormatEntry {
  return {
    name,
    isFormat,
    matches,
    lengths: [...new Set(forms.map((f) => f.len))].sort((a, b) => a - b),
    decode(c: Choices, lens) {
      const fits = forms.filter((f) => lens.includes(f.len));
      const form = fits[c.next(fits.length)]!;
      return form.render(FROM + c.next(SECONDS), c.next(1000), OFFSETS[c.next(OFFSETS.length)]!);
    },
    variants: forms.map((f) => ({ name: f.name, value: f.render(SAMPLE, 0, 420) })),
    invalid(len) {
      const form = forms.find((f) => f.len === len);
      // Month 13 keeps the shape but is not a date; other lengths cannot be a date-time at all.
      return form ? form.render(SAMPLE, 0, 420).replace("-03-", "-13-") : "x".repeat(len);
    },
  };
}

const ISO_OFFSET = "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}[+-][0-9]{2}:[0-9]{2}$";
const ISO_UTC = "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$";
const X_TIMESTAMP =
  "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{3})?(Z|[+-][0-9]{2}:[0-9]{2})$";
const COMPACT = "^[0-9]{14}$";

export const datetimeFormats: FormatEntry[] = [
  entry("iso8601-offset", false, [FORMS.offset!], (h) => h.pattern === ISO_OFFSET),
  entry("iso8601-utc", false, [FORMS.utc!], (h) => h.pattern === ISO_UTC),
  entry(
    "iso8601-timestamp",
    false,
    [FORMS.offset!, FORMS.utc!, FORMS["millis-utc"]!, FORMS["millis-offset"]!],
    (h) => h.pattern === X_TIMESTAMP,
  ),
  entry(
    "yyyyMMddHHmmss",
    false,
    [FORMS.compact!],
    (h) =>
      h.pattern === COMPACT && /yyyyMMddHHmmss|date|time/i.test(`${h.description ?? ""} ${h.name ?? ""}`),
  ),
  entry(
    "date-time",
    true,
    [FORMS.utc!, FORMS.offset!, FORMS["millis-utc"]!],
    (h) => h.format === "date-time",
  ),
  entry("date", true, [FORMS.date!], (h) => h.format === "date"),
];
