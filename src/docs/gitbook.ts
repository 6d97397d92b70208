/**
 * GitBook renderings in the seeds: OpenAPI-embed field blocks (`nameTypeRequired` line, description line with
 * `| Mandatory | min length: 1 | max length: 8`, `Example:` line) under "Header parameters" / "Body",
 * vertical header tables (Parameter / Type / Mandatory / Description, one cell per line), labelled values
 * ("Service Code" then "27"), HTTP request samples (`POST /path HTTP/1.1` + header lines) and "Responses"
 * status lists.
 */
import { nextNonBlank } from "./page.js";

/** One field of a GitBook OpenAPI-embed block. */
export interface EmbedField {
  line: number;
  name: string;
  /** Type as written: "string", "string · utc timestamp", ... */
  type: string;
  marker: "Required" | "Optional";
  description: string;
  example?: string;
}

/** The fields under one "Header parameters" / "Body" heading of an embed. */
export interface EmbedBlock {
  /** 1-based line of "Header parameters" / "Body". */
  line: number;
  part: "headers" | "body";
  fields: EmbedField[];
}

const FIELD =
  /^([A-Za-z][A-Za-z0-9_-]*?)(string|number|integer|boolean|object|array)((?: · .*?)?)(Required|Optional)$/;
const PARTS: Record<string, EmbedBlock["part"]> = { "Header parameters": "headers", Body: "body" };

/** The field blocks of every OpenAPI embed, in page order. */
export function embedBlocks(lines: readonly string[]): EmbedBlock[] {
  const out: EmbedBlock[] = [];
  let block: EmbedBlock | undefined;
  let field: EmbedField | undefined;
  lines.forEach((raw, i) => {
    const line = raw.trim();
    const part = PARTS[line];
    if (part !== undefined) {
      block = { line: i + 1, part, fields: [] };
      out.push(block);
      field = undefined;
      return;
    }
    if (line === "Responses") {
      block = undefined;
      return;
    }
    if (block === undefined || line === "") return;
    const m = FIELD.exec(line);
    if (m) {
      field = {
        line: i + 1,
        name: m[1] as string,
        type: `${m[2]}${m[3] ?? ""}`,
        marker: m[4] as EmbedField["marker"],
        description: "",
      };
      block.fields.push(field);
    } else if (field !== undefined && line.startsWith("Example: ")) {
      field.example = line.slice("Example: ".length);
    } else if (field !== undefined && field.description === "") {
      field.description = line;
    }
  });
  return out;
}

/** One row of a vertical (one cell per line) table. */
export interface VerticalRow {
  line: number;
  name: string;
  type: string;
  mandatory: string;
  description: string;
}

/** A vertical table and its rows. */
export interface VerticalTable {
  line: number;
  rows: VerticalRow[];
}

const HEAD = ["Parameter", "Type", "Mandatory", "Description"];
const CELL_TYPES = /^(String|Number|Integer|Boolean|Object|Array)$/;
const MANDATORY = /^(Mandatory|Optional|Conditional)$/;

/** Tables written one cell per line under a Parameter / Type / Mandatory / Description head. */
export function verticalTables(lines: readonly string[]): VerticalTable[] {
  const out: VerticalTable[] = [];
  for (let i = 0; i < lines.length; i++) {
    const head: number[] = [];
    let at = i;
    for (const cell of HEAD) {
      at = nextNonBlank(lines, at);
      if (at < 0 || (lines[at] ?? "").trim() !== cell || (head.length === 0 && at !== i)) break;
      head.push(at);
      at += 1;
    }
    if (head.length !== HEAD.length) continue;
    const table: VerticalTable = { line: i + 1, rows: [] };
    for (;;) {
      const idx = [nextNonBlank(lines, at)];
      for (let k = 1; k < 4; k++) idx.push(nextNonBlank(lines, (idx[k - 1] ?? -2) + 1));
      if (idx.some((n) => n < 0)) break;
      const [name, type, mandatory, description] = idx.map((n) => (lines[n] ?? "").trim()) as [
        string,
        string,
        string,
        string,
      ];
      if (!CELL_TYPES.test(type) || !MANDATORY.test(mandatory)) break;
      table.rows.push({ line: (idx[0] ?? 0) + 1, name, type, mandatory, description });
      at = (idx[3] ?? 0) + 1;
    }
    out.push(table);
    i = at - 1;
  }
  return out;
}

/** Values written on the line after a label line ("Service Code" / "27"), with the label's 1-based line. */
export function labelled(lines: readonly string[], label: string): { line: number; value: string }[] {
  const out: { line: number; value: string }[] = [];
  lines.forEach((raw, i) => {
    if (raw.trim() !== label) return;
    const at = nextNonBlank(lines, i + 1);
    if (at >= 0) out.push({ line: i + 1, value: (lines[at] ?? "").trim() });
  });
  return out;
}

/** An HTTP request sample: method, path and header lines. */
export interface HttpSample {
  line: number;
  method: string;
  path: string;
  headers: Record<string, string>;
}

/** `POST /path HTTP/1.1` request samples with the header lines that follow them. */
export function httpSamples(lines: readonly string[]): HttpSample[] {
  const out: HttpSample[] = [];
  lines.forEach((raw, i) => {
    const m = /^(GET|POST|PUT|PATCH|DELETE) (\S+) HTTP\/1\.1$/.exec(raw.trim());
    if (!m) return;
    const sample: HttpSample = { line: i + 1, method: m[1] as string, path: m[2] as string, headers: {} };
    for (let j = i + 1; j < lines.length; j++) {
      const h = /^([A-Za-z][A-Za-z0-9-]*): (.*)$/.exec(lines[j] ?? "");
      if (!h) break;
      sample.headers[h[1] as string] = h[2] as string;
    }
    out.push(sample);
  });
  return out;
}

/** The status codes listed after each "Responses" line (GitBook embeds), with the 1-based line. */
export function responseLists(lines: readonly string[]): { line: number; status: string }[] {
  return labelled(lines, "Responses")
    .filter((r) => /^[1-5][0-9]{2}$/.test(r.value))
    .map((r) => ({
      line: r.line,
      status: r.value,
    }));
}
