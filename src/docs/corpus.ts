/**
 * Everything the doc audit checks, parsed once from the pages and placed in its section: field tables
 * (with their operation, direction and statuses), JSON samples, header samples and the API facts (method,
 * endpoint, path, service code, HTTP status tables).
 */
import {
  embedBlocks,
  type HttpSample,
  httpSamples,
  labelled,
  responseLists,
  verticalTables,
} from "./gitbook.js";
import { type JsonSample, jsonSamples } from "./json-samples.js";
import { type DocPage, prevNonBlank } from "./page.js";
import { pipeTables } from "./pipe-tables.js";
import { embedRows, type FieldRow, pipeRows, verticalRows } from "./rows.js";
import { type Section, sectionAt, sections } from "./sections.js";

/** Which message a placed item documents. */
export type Direction = "request" | "response";

interface Placed {
  line: number;
  ops: string[];
  direction: Direction;
  /** Response statuses the item documents (request items: []). */
  statuses: string[];
}

/** A field table placed in its section (operations, direction, statuses). */
export interface TableUse extends Placed {
  kind: "pipe" | "pipe-header" | "embed" | "vertical";
  part: "body" | "headers";
  rows: FieldRow[];
}

/** A JSON sample placed in its section. */
export interface SampleUse extends Placed {
  sample: JsonSample;
  /** The HTTP request sample (method, path, header lines) a request body belongs to. */
  http?: HttpSample;
}

/** A block of header lines (Client-Id: ..., Signature: ...) placed in its section. */
export interface HeaderSampleUse extends Placed {
  headers: Record<string, string>;
}

/** A labelled API fact of a page: method, endpoint, path, service code, status. */
export interface ApiFact {
  line: number;
  ops: string[];
  kind: "method" | "endpoint" | "path" | "service-code" | "status" | "status-by" | "http-sample";
  value: string;
  /** status-by: the body value ("success"); http-sample: the method. */
  key?: string;
}

/** Everything parsed from one page, each item placed in its section. */
export interface PageCorpus {
  page: DocPage;
  sections: Section[];
  tables: TableUse[];
  samples: SampleUse[];
  headerSamples: HeaderSampleUse[];
  facts: ApiFact[];
}

const labelBefore = (page: DocPage, line: number) =>
  (page.lines[prevNonBlank(page.lines, line - 2)] ?? "").trim();

function apiFacts(page: DocPage, secs: Section[]): ApiFact[] {
  const out: ApiFact[] = [];
  const add = (line: number, kind: ApiFact["kind"], value: string, key?: string) => {
    const ops = sectionAt(secs, line)?.ops ?? [];
    out.push(key === undefined ? { line, ops, kind, value } : { line, ops, kind, value, key });
  };
  for (const t of pipeTables(page.lines).filter((t) => t.header.join("|") === "Type|Value")) {
    for (const { line, cells } of t.rows) {
      const [type = "", value = ""] = cells;
      const statusBy = /^HTTP Status for (\S+) = (\S+)$/.exec(type);
      if (type === "HTTP Method") add(line, "method", value);
      else if (/^API endpoint/i.test(type)) add(line, "endpoint", value);
      else if (type === "HTTP Status") add(line, "status", value);
      else if (statusBy) add(line, "status-by", value, `${statusBy[1]}=${statusBy[2]}`);
    }
  }
  for (const { line, value } of labelled(page.lines, "Service Code")) add(line, "service-code", value);
  for (const { line, value } of labelled(page.lines, "HTTP Method")) add(line, "method", value);
  for (const { line, value } of labelled(page.lines, "Path"))
    if (/^(\/|\.\.\.)/.test(value)) add(line, "path", value);
  for (const h of httpSamples(page.lines)) add(h.line, "http-sample", h.path, h.method);
  return out;
}

function statusesBefore(facts: readonly ApiFact[], secs: Section[], page: DocPage, line: number): string[] {
  const section = sectionAt(secs, line);
  if (section === undefined) return [];
  const lists = responseLists(page.lines).filter((r) => r.line >= section.line && r.line < line);
  if (lists.length > 0) return [(lists.at(-1) as { status: string }).status];
  const inSection = facts.filter(
    (f) => (f.kind === "status" || f.kind === "status-by") && f.line >= section.line && f.line < line,
  );
  return [...new Set(inSection.map((f) => f.value))];
}

function tables(page: DocPage, secs: Section[], facts: ApiFact[]): TableUse[] {
  const out: TableUse[] = [];
  const place = (line: number, direction: Direction) => ({
    line,
    ops: sectionAt(secs, line)?.ops ?? [],
    direction,
    statuses: direction === "response" ? statusesBefore(facts, secs, page, line) : [],
  });
  for (const t of pipeTables(page.lines)) {
    const head = t.header.join("|");
    if (head !== "Parameter|Type|Mandatory|Description" && head !== "Parameter|Description") continue;
    const label = labelBefore(page, t.line);
    const direction: Direction = /^Response/.test(label) ? "response" : "request";
    const kind = head === "Parameter|Description" ? "pipe-header" : "pipe";
    out.push({
      ...place(t.line, direction),
      kind,
      part: kind === "pipe" ? "body" : "headers",
      rows: pipeRows(t),
    });
  }
  for (const b of embedBlocks(page.lines)) {
    out.push({ ...place(b.line, "request"), kind: "embed", part: b.part, rows: embedRows(b) });
  }
  for (const v of verticalTables(page.lines)) {
    out.push({ ...place(v.line, "request"), kind: "vertical", part: "headers", rows: verticalRows(v) });
  }
  return out.sort((a, b) => a.line - b.line);
}

function direction(page: DocPage, section: Section | undefined, line: number): Direction {
  if (section?.requestSamples) return "request";
  if (labelBefore(page, line).startsWith("Content-Length:")) return "request";
  for (let i = line - 2; i >= (section?.line ?? 1) - 1; i--) {
    const said = /sample of (request|response) (body|header)/i.exec(page.lines[i] ?? "");
    if (said) return said[1]?.toLowerCase() === "request" ? "request" : "response";
  }
  return "response";
}

function samples(page: DocPage, secs: Section[], facts: ApiFact[]): SampleUse[] {
  const http = httpSamples(page.lines);
  return jsonSamples(page.text).map((sample) => {
    const section = sectionAt(secs, sample.line);
    const dir = direction(page, section, sample.line);
    const request = http.filter((h) => h.line < sample.line && h.line >= (section?.line ?? 0)).at(-1);
    const use: SampleUse = {
      line: sample.line,
      ops: section?.ops ?? [],
      direction: dir,
      statuses: dir === "response" ? statusesBefore(facts, secs, page, sample.line) : [],
      sample,
    };
    if (dir === "request" && request !== undefined) use.http = request;
    return use;
  });
}

const HEADER_LINE = /^(Client-Id|Request-Id|Request-Timestamp|Response-Timestamp|Signature): (.+)$/;

function headerSamples(page: DocPage, secs: Section[], facts: ApiFact[]): HeaderSampleUse[] {
  const out: HeaderSampleUse[] = [];
  for (let i = 0; i < page.lines.length; i++) {
    if (!HEADER_LINE.test(page.lines[i] ?? "") || HEADER_LINE.test(page.lines[i - 1] ?? "")) continue;
    const headers: Record<string, string> = {};
    for (let j = i; HEADER_LINE.test(page.lines[j] ?? ""); j++) {
      const [, name = "", value = ""] = HEADER_LINE.exec(page.lines[j] ?? "") ?? [];
      headers[name] = value;
    }
    const dir: Direction = "Response-Timestamp" in headers ? "response" : "request";
    out.push({
      line: i + 1,
      ops: sectionAt(secs, i + 1)?.ops ?? [],
      direction: dir,
      statuses: dir === "response" ? statusesBefore(facts, secs, page, i + 1) : [],
      headers,
    });
  }
  return out;
}

/** Parses one doc page into its placed tables, samples and facts (sections from its known-page entry). */
export function corpusOf(page: DocPage): PageCorpus {
  const secs = sections(page.known?.headings ?? [], page.lines);
  const facts = apiFacts(page, secs);
  return {
    page,
    sections: secs,
    tables: tables(page, secs, facts),
    samples: samples(page, secs, facts),
    headerSamples: headerSamples(page, secs, facts),
    facts,
  };
}
