/**
 * What a doc row's free text states about a field, read mechanically: lengths ("Max length: 64",
 * "max length: 8", "max: 64", "Maximum length: 5", "(max 128 characters)"), value lists ("Possible value:
 * FIX_BILL , NO_BILL", "Value: DOKU", "value: app/pc/mweb", "C (Closed Amount), O (...)", "Please fill with
 * H2H"), defaults ("Default value: 60"), example-like format values ("format: 2024-07-10T11:57:58+07:00") and
 * named date formats ("ISO8601 format", "yyyyMMddHHmmss").
 */
export interface Facts {
  maxLength?: number;
  minLength?: number;
  /** Documented values, as written (booleans and numbers stay strings: "true", "60"). */
  enum?: string[];
  default?: string;
  /** Concrete values the text shows for the field ("format: <value>"). */
  formatExamples?: string[];
  /** A named date format the text requires ("ISO8601", "yyyyMMddHHmmss"): canonical values of it. */
  dateFormat?: { name: string; values: string[] };
}

/** Canonical values of the date formats the seeds name; a field must accept at least one of them. */
export const DATE_FORMATS: [name: string, re: RegExp, values: string[]][] = [
  ["yyyyMMddHHmmss", /yyyyMMddHHmmss/, ["20210331115005"]],
  ["ISO-8601", /ISO[- ]?8601/i, ["2023-01-01T10:55:00+07:00", "2021-03-31T04:50:05Z"]],
];

const STOP = /\s*(?:Default value|Allowed chars|Max(?:imum)? length|Min(?:imum)? length|\|)/i;

function valueList(text: string): string[] | undefined {
  const possible = /Possible values?\s*:\s*(.*)$/i.exec(text);
  if (possible?.[1] !== undefined) {
    const list = (possible[1].split(STOP)[0] ?? "").split(/[\s,]+/).filter((t) => /^[A-Za-z0-9_]+$/.test(t));
    if (list.length > 0) return list;
  }
  const single = /(?:^|\|)\s*value\s*:\s*([A-Za-z0-9_]+(?:\/[A-Za-z0-9_]+)*)/i.exec(text);
  if (single?.[1] !== undefined) return single[1].split("/");
  const coded = [...text.matchAll(/(?:^|[\s.,])([A-Z]) \(([^)]+)\)/g)].map((m) => m[1] as string);
  if (coded.length >= 2) return coded;
  const fill = /Please fill with ([A-Za-z0-9]+)/i.exec(text);
  if (fill?.[1] !== undefined) return [fill[1]];
  return undefined;
}

const firstNumber = (text: string, re: RegExp): number | undefined => {
  const m = re.exec(text);
  return m?.[1] === undefined ? undefined : Number(m[1]);
};

/** Reads the facts out of a row's description (and, for GitBook rows, the "| ... |" constraint text). */
export function readFacts(text: string): Facts {
  const facts: Facts = {};
  const max =
    firstNumber(text, /max(?:imum)?(?: length)?\s*:\s*([0-9]+)/i) ??
    firstNumber(text, /\(max ([0-9]+) characters\)/i);
  if (max !== undefined) facts.maxLength = max;
  const min = firstNumber(text, /min(?:imum)?(?: length)?\s*:\s*([0-9]+)/i);
  if (min !== undefined) facts.minLength = min;
  const values = valueList(text);
  if (values !== undefined) facts.enum = values;
  const def = /Default value\s*:\s*([^\s|]+)/i.exec(text);
  if (def?.[1] !== undefined) facts.default = def[1];
  const format = /\bformat\s*:\s*([0-9][0-9T:+\-.Z]*)(?=\s|\||$)/i.exec(text);
  if (format?.[1] !== undefined) facts.formatExamples = [format[1]];
  const date = DATE_FORMATS.find(([, re]) => re.test(text));
  if (date !== undefined) facts.dateFormat = { name: date[0], values: date[2] };
  return facts;
}
