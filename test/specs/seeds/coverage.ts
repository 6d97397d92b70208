/** Per-page counts of what the seed audit checked, as the row docs/seed-coverage.md must show. */

import type { PageCorpus } from "../../../src/docs/corpus.js";
import { slotSchemas } from "../../../src/docs/findings.js";
import { billingMatrix, binTables } from "../../../src/docs/overview.js";
import type { SpecBundle } from "../../../src/model/operation.js";

export interface Coverage {
  file: string;
  tables: number;
  rows: number;
  /** Row comparisons: each row against each operation and response status it documents. */
  comparisons: number;
  samples: number;
  fragments: number;
  headerSamples: number;
  facts: number;
  /** Prose statements checked (payment-code limits, "by using" advice, open amount, seed 003 tables). */
  statements: number;
}

const count = (text: string, re: RegExp) => [...text.matchAll(re)].length;

/** The counts for one page. */
export function coverageOf(bundle: SpecBundle, c: PageCorpus): Coverage {
  const ops = new Map(bundle.operations.map((o) => [o.id, o]));
  let comparisons = 0;
  for (const t of c.tables) {
    for (const id of t.ops) {
      const op = ops.get(id);
      if (op) comparisons += t.rows.length * slotSchemas(op, t.direction, t.part, t.statuses).length;
    }
  }
  const { text, lines } = c.page;
  const statements =
    count(text, /The payment code length maximum is\s+[0-9]+\s+digits/g) +
    count(text, /(?:by using|can use the) [A-Za-z_]+(?:\.[A-Za-z_]+)+/g) +
    count(text, /set \w+ = \w+ and you need to send [\w.]+ = /g) +
    (c.page.id === "003" ? billingMatrix(lines).rows.length + binTables(lines).length + 2 : 0);
  return {
    file: c.page.file,
    tables: c.tables.length,
    rows: c.tables.reduce((n, t) => n + t.rows.length, 0),
    comparisons,
    samples: c.samples.length,
    fragments: c.samples.filter((s) => s.sample.fragment).length,
    headerSamples: c.headerSamples.length + c.samples.filter((s) => s.http !== undefined).length,
    facts: c.facts.length,
    statements,
  };
}

/** The markdown table row docs/seed-coverage.md carries for a page. */
export const coverageRow = (v: Coverage) =>
  `| \`${v.file}\` | ${v.tables} | ${v.rows} | ${v.comparisons} | ${v.samples} (${v.fragments} fragments) | ${v.headerSamples} | ${v.facts} | ${v.statements} |`;
