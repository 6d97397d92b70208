/**
 * The DOKU doc pages the kit knows: how to recognize a page (a line only it has), which section documents
 * which operation, and its id in the numbering the specs cite (`x-doku-source: 002_53e227cf58eb634c.txt`).
 * The table is spec data (specs/doc-pages.yaml, bundled as `x-doku-pages`); this module gives it a type.
 */
import { SpecError } from "../model/errors.js";

export interface Heading {
  text: string;
  next?: string;
  /** Operations the section documents ([] = a section with nothing to check, ends the previous one). */
  ops: string[];
  /** Samples of the section are request bodies whatever precedes them (the "Additional feature" snippets). */
  requestSamples?: true;
}

/** A DOKU page the kit knows. */
export interface KnownPage {
  /** "000" .. "004". */
  id: string;
  /** The seed file name the specs cite. */
  file: string;
  /** What the page is (for messages). */
  title: string;
  /** A line only this page has (trimmed, exact). */
  marker: string;
  headings: Heading[];
  /** Where the page's "payment code length maximum is N digits" lands: an operation and a channel, or a field. */
  paymentCodeLimit?: { op: string; channel?: string; field?: string };
  /** The responses the page's "by using <field>" advice is about. */
  adviceTargets?: { op: string; status: string }[];
  /** The operation whose enum-by rule the page's open-amount statement ("set X = Y and ... send Z = V") checks. */
  openAmountOp?: string;
  /** The VA overview page (seed 003): where its billing-type matrix, BIN tables and defaults land. */
  overview?: OverviewTargets;
}

/** A field of an operation's request body, dotted ("additionalInfo.virtualAccountConfig.reusableStatus"). */
export interface FieldTarget {
  op: string;
  field: string;
}

/** Where seed 003's statements land in the spec. */
export interface OverviewTargets {
  /** Operations whose x-doku-billing-type-by-channel rule the billing-type matrix is compared with. */
  billingTypeRules: string[];
  /** The enum the DOKU row's billing type names are compared with. */
  billingTypeEnum: FieldTarget;
  /** The operation carrying x-doku-bin-rules. */
  binRules: string;
  /** The field whose default the "By default, DOKU will set the value to ..." sentence gives. */
  reusableDefault: FieldTarget;
  /** The matrix's bank names -> SNAP additionalInfo.channel values (spellings from DOKU's SDKs, as the spec). */
  bankChannels: Record<string, string[]>;
}

/**
 * The known pages, read from the bundled document's `x-doku-pages` (specs/doc-pages.yaml: DOKU facts live in
 * the specs). A malformed entry is a SpecError naming it.
 */
export function knownPagesOf(document: Readonly<Record<string, unknown>>): readonly KnownPage[] {
  const raw = document["x-doku-pages"];
  if (raw === undefined) return [];
  if (!Array.isArray(raw))
    throw new SpecError("x-doku-pages must be a list of pages (specs/doc-pages.yaml)", "#/x-doku-pages");
  return raw.map((entry: unknown, i) => pageEntry(entry, `#/x-doku-pages/${i}`));
}

const isString = (v: unknown): v is string => typeof v === "string";

function pageEntry(entry: unknown, at: string): KnownPage {
  const e = (typeof entry === "object" && entry !== null ? entry : {}) as Record<string, unknown>;
  const { id, file, title, marker, headings, paymentCodeLimit, adviceTargets, openAmountOp, overview } = e;
  if (!isString(id) || !isString(file) || !isString(title) || !isString(marker) || !Array.isArray(headings))
    throw new SpecError("a page needs id, file, title, marker (strings) and headings (a list)", at);
  const page: KnownPage = {
    id,
    file,
    title,
    marker,
    headings: headings.map((h: unknown, j) => heading(h, `${at}/headings/${j}`)),
  };
  if (paymentCodeLimit !== undefined)
    page.paymentCodeLimit = limitEntry(paymentCodeLimit, `${at}/paymentCodeLimit`);
  if (adviceTargets !== undefined) page.adviceTargets = adviceEntries(adviceTargets, `${at}/adviceTargets`);
  if (openAmountOp !== undefined) {
    if (!isString(openAmountOp))
      throw new SpecError("openAmountOp must be an operation id", `${at}/openAmountOp`);
    page.openAmountOp = openAmountOp;
  }
  if (overview !== undefined) page.overview = overviewEntry(overview, `${at}/overview`);
  return page;
}

function fieldTarget(entry: unknown, at: string): FieldTarget {
  const e = (typeof entry === "object" && entry !== null ? entry : {}) as Record<string, unknown>;
  if (!isString(e.op) || !isString(e.field)) throw new SpecError("needs op and field (strings)", at);
  return { op: e.op, field: e.field };
}

function overviewEntry(entry: unknown, at: string): OverviewTargets {
  const e = (typeof entry === "object" && entry !== null ? entry : {}) as Record<string, unknown>;
  const { billingTypeRules, binRules, bankChannels } = e;
  if (!Array.isArray(billingTypeRules) || !billingTypeRules.every(isString))
    throw new SpecError("billingTypeRules must be a list of operation ids", `${at}/billingTypeRules`);
  if (!isString(binRules)) throw new SpecError("binRules must be an operation id", `${at}/binRules`);
  const channels = (typeof bankChannels === "object" && bankChannels !== null ? bankChannels : undefined) as
    | Record<string, unknown>
    | undefined;
  if (
    channels === undefined ||
    Array.isArray(channels) ||
    !Object.values(channels).every((v) => Array.isArray(v) && v.every(isString))
  )
    throw new SpecError("bankChannels must map bank names to lists of channel values", `${at}/bankChannels`);
  return {
    billingTypeRules,
    billingTypeEnum: fieldTarget(e.billingTypeEnum, `${at}/billingTypeEnum`),
    binRules,
    reusableDefault: fieldTarget(e.reusableDefault, `${at}/reusableDefault`),
    bankChannels: channels as Record<string, string[]>,
  };
}

function limitEntry(entry: unknown, at: string): NonNullable<KnownPage["paymentCodeLimit"]> {
  const e = (typeof entry === "object" && entry !== null ? entry : {}) as Record<string, unknown>;
  const { op, channel, field } = e;
  if (
    !isString(op) ||
    (channel !== undefined && !isString(channel)) ||
    (field !== undefined && !isString(field))
  )
    throw new SpecError("paymentCodeLimit needs op and a channel or field (strings)", at);
  return { op, ...(channel === undefined ? {} : { channel }), ...(field === undefined ? {} : { field }) };
}

function adviceEntries(entries: unknown, at: string): NonNullable<KnownPage["adviceTargets"]> {
  if (!Array.isArray(entries)) throw new SpecError("adviceTargets must be a list of {op, status}", at);
  return entries.map((entry: unknown, i) => {
    const e = (typeof entry === "object" && entry !== null ? entry : {}) as Record<string, unknown>;
    if (!isString(e.op) || !isString(e.status))
      throw new SpecError("an advice target needs op and status (strings)", `${at}/${i}`);
    return { op: e.op, status: e.status };
  });
}

function heading(entry: unknown, at: string): Heading {
  const h = (typeof entry === "object" && entry !== null ? entry : {}) as Record<string, unknown>;
  const { text, next, ops, requestSamples } = h;
  if (
    !isString(text) ||
    !Array.isArray(ops) ||
    !ops.every(isString) ||
    (next !== undefined && !isString(next))
  )
    throw new SpecError("a heading needs text (a string), ops (a list of operation ids), optional next", at);
  return {
    text,
    ops,
    ...(next === undefined ? {} : { next }),
    ...(requestSamples === true ? { requestSamples: true as const } : {}),
  };
}

/** The known page a text is (its marker line is present), or undefined. */
export function recognize(lines: readonly string[], pages: readonly KnownPage[]): KnownPage | undefined {
  const set = new Set(lines.map((l) => l.trim()));
  return pages.find((p) => set.has(p.marker));
}
