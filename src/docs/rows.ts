/** Field rows of every table kind, normalized: dotted name, doc type, Mandatory column, facts, example. */
import { type Facts, readFacts } from "./facts.js";
import type { EmbedBlock, VerticalTable } from "./gitbook.js";
import type { PipeTable } from "./pipe-tables.js";

/** What a row's Mandatory column says. */
export type Mandatory = "mandatory" | "optional" | "conditional" | "unstated";

/** One field row of any table kind, normalized. */
export interface FieldRow {
  /** 1-based line of the row. */
  line: number;
  /** Dotted path with the page's stray spaces removed ("virtual_account_info. virtual_account_number"). */
  name: string;
  /** The type the doc states, lower case first word ("string", "number", ...); "" when the table has none. */
  type: string;
  mandatory: Mandatory;
  /** GitBook rows whose marker says Optional while their text says "| Mandatory |". */
  markerConflict: boolean;
  description: string;
  facts: Facts;
  /** Values the doc shows for the field ("Example:", "format: ..."). */
  examples: string[];
}

const mandatoryOf = (cell: string): Mandatory => {
  const v = cell.trim().toLowerCase();
  return v === "mandatory" || v === "optional" || v === "conditional" ? v : "unstated";
};

const squash = (name: string) => name.replace(/\s+/g, "");

/** Rows of a `Parameter | Type | Mandatory | Description |` or `Parameter | Description |` table. */
export function pipeRows(table: PipeTable): FieldRow[] {
  const typed = table.header.length >= 4;
  return table.rows.map(({ line, cells }) => {
    const description = (typed ? cells[3] : cells[1]) ?? "";
    const facts = readFacts(description);
    return {
      line,
      name: squash(cells[0] ?? ""),
      type: typed ? (cells[1] ?? "").toLowerCase() : "",
      mandatory: typed ? mandatoryOf(cells[2] ?? "") : "unstated",
      markerConflict: false,
      description,
      facts,
      examples: facts.formatExamples ?? [],
    };
  });
}

/** Rows of a GitBook OpenAPI-embed block ("Required"/"Optional" marker is the Mandatory column). */
export function embedRows(block: EmbedBlock): FieldRow[] {
  return block.fields.map((f) => {
    const facts = readFacts(f.description);
    const saysMandatory = /(^|\|)\s*Mandatory\s*(\||$)/.test(f.description);
    return {
      line: f.line,
      name: squash(f.name),
      type: (f.type.split(" ")[0] ?? "").toLowerCase(),
      mandatory: f.marker === "Required" ? "mandatory" : "optional",
      markerConflict: f.marker === "Optional" && saysMandatory,
      description: f.description,
      facts,
      examples: [...(f.example === undefined ? [] : [f.example]), ...(facts.formatExamples ?? [])],
    };
  });
}

/** Rows of a vertical (one cell per line) header table. */
export function verticalRows(table: VerticalTable): FieldRow[] {
  return table.rows.map((r) => ({
    line: r.line,
    name: squash(r.name),
    type: r.type.toLowerCase(),
    mandatory: mandatoryOf(r.mandatory),
    markerConflict: false,
    description: r.description,
    facts: readFacts(r.description),
    examples: [],
  }));
}
