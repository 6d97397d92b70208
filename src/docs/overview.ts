/**
 * Seed 003 (Virtual Account overview) read mechanically: the billing-type matrix per bank, the BIN tables
 * (with their 16 / 18 / 23-digit maxima), the reusable-status default and the billing type names, compared
 * with x-doku-rules, x-doku-bin-rules and the schemas. Which operations and fields they land on, and which
 * channel a bank is, is spec data (the page's `overview` in specs/doc-pages.yaml).
 */
import type { SpecBundle } from "../model/operation.js";
import type { PageCorpus } from "./corpus.js";
import { type Emit, opOf, ruleOf } from "./findings.js";
import type { OverviewTargets } from "./known-pages.js";
import { nextNonBlank } from "./page.js";
import { atPointer, chainAt, deepEqual } from "./schema.js";

/** The matrix columns (Fix Bill, No Bill, Bill Variable Amount) as SNAP virtualAccountTrxType values. */
const TRX_TYPES = ["C", "O", "V"];

/** One bank row of the billing-type matrix. */
export interface MatrixRow {
  line: number;
  bank: string;
  supported: boolean[];
}

/** Seed 003 "Applicable for Channel": bank rows of ✅ / ❌ under Fix Bill / No Bill / Bill Variable Amount. */
export function billingMatrix(lines: readonly string[]): { columns: string[]; rows: MatrixRow[] } {
  const head = lines.findIndex((l) => l.trim() === "Bank Name");
  const columns: string[] = [];
  let at = head + 1;
  for (let k = 0; k < 3; k++) {
    at = nextNonBlank(lines, at);
    columns.push((lines[at] ?? "").trim());
    at += 1;
  }
  const rows: MatrixRow[] = [];
  for (;;) {
    const bankAt = nextNonBlank(lines, at);
    const cells: number[] = [];
    let c = bankAt + 1;
    for (let k = 0; k < 3; k++) {
      c = nextNonBlank(lines, c);
      cells.push(c);
      c += 1;
    }
    const marks = cells.map((i) => (lines[i] ?? "").trim());
    if (bankAt < 0 || !marks.every((m) => m === "✅" || m === "❌")) break;
    rows.push({
      line: bankAt + 1,
      bank: (lines[bankAt] ?? "").trim(),
      supported: marks.map((m) => m === "✅"),
    });
    at = c;
  }
  return { columns, rows };
}

/** One "Partnership Model" BIN table of seed 003. */
export interface BinTable {
  line: number;
  dgpc?: { binDigits: number; codeDigits: number };
  exclusive?: { binDigitsFrom: number; freeDigitsMax: number };
  direct?: { binDigits: number; freeDigitsMax: number };
  maxVaDigits?: number;
  fixedVaDigits?: number;
}

/** Seed 003 "BIN Rules": one entry per "Partnership Model" table, in page order. */
export function binTables(lines: readonly string[]): BinTable[] {
  const starts = lines.flatMap((l, i) => (l.trim() === "Partnership Model" ? [i] : []));
  return starts.map((start, k) => {
    const text = lines
      .slice(start, starts[k + 1] ?? lines.findIndex((l) => l.trim() === "Reusable Status"))
      .join("\n");
    const n = (re: RegExp) => re.exec(text)?.slice(1).map(Number);
    const table: BinTable = { line: start + 1 };
    const g = n(/DOKU General BIN \(([0-9]+) digit\) \+ DOKU Generated Payment Code \(([0-9]+) digit\)/);
    if (g) table.dgpc = { binDigits: g[0] as number, codeDigits: g[1] as number };
    const e = n(/DOKU Exclusive BIN \(starting from ([0-9]+) digit\) \+ Free Digit \(max\. ([0-9]+) digit\)/);
    if (e) table.exclusive = { binDigitsFrom: e[0] as number, freeDigitsMax: e[1] as number };
    const d = n(/Acquirer BIN \(([0-9]+) digit\) \+ Free Digit \(max\. ([0-9]+) digit\)/);
    if (d) table.direct = { binDigits: d[0] as number, freeDigitsMax: d[1] as number };
    const max = n(/Maximum virtual account number is ([0-9]+) digit/);
    if (max) table.maxVaDigits = max[0] as number;
    const fixed = n(/Fix virtual account number is ([0-9]+) digit/);
    if (fixed) table.fixedVaDigits = fixed[0] as number;
    return table;
  });
}

/** Findings for seed 003 against the bundle. */
export function auditOverview(bundle: SpecBundle, c: PageCorpus, targets: OverviewTargets, emit: Emit) {
  const { lines, text } = c.page;
  const { bankChannels, billingTypeEnum, binRules, reusableDefault } = targets;
  const matrix = billingMatrix(lines);
  for (const id of targets.billingTypeRules) {
    const allowed = (ruleOf(opOf(bundle, id), "x-doku-billing-type-by-channel")?.allowed ?? {}) as Record<
      string,
      string[]
    >;
    for (const row of matrix.rows) {
      const expected = TRX_TYPES.filter((_, k) => row.supported[k]);
      for (const channel of bankChannels[row.bank] ?? [`(no channel for ${row.bank})`]) {
        const got = allowed[channel] ?? [];
        if (got.join() !== expected.join())
          emit(
            row.line,
            id,
            channel,
            "billing-types",
            `doc ${expected.join("/")}, rule ${got.join("/") || "(none)"}`,
          );
      }
    }
    const mapped = matrix.rows.flatMap((r) => bankChannels[r.bank] ?? []);
    for (const channel of Object.keys(allowed).filter((ch) => !mapped.includes(ch)))
      emit(0, id, channel, "billing-types", "rule lists a channel the matrix does not");
  }
  const names = lines
    .slice(lines.lastIndexOf("Was this helpful?"))
    .filter((l) => /^[A-Z][A-Z_]+$/.test(l.trim()));
  const dokuRow = matrix.rows.find((r) => r.bank === "DOKU");
  const dokuNames = names.filter((_, k) => dokuRow?.supported[k]);
  const billing = chainAt(
    opOf(bundle, billingTypeEnum.op).request.body?.schema ?? {},
    billingTypeEnum.field.split("."),
  )?.at(-1);
  if ((billing?.enum as string[] | undefined)?.join() !== dokuNames.join())
    emit(
      dokuRow?.line ?? 0,
      billingTypeEnum.op,
      billingTypeEnum.field,
      "billing-types",
      `DOKU row ${dokuNames.join("/")}, enum ${billing?.enum}`,
    );
  const spec = (atPointer(bundle.document, `${opOf(bundle, binRules).pointer}/x-doku-bin-rules/tables`) ??
    []) as unknown[];
  binTables(lines).forEach((table, k) => {
    const { line, ...doc } = table;
    const { table: _n, note: _note, ...kept } = (spec[k] ?? {}) as Record<string, unknown>;
    if (!deepEqual(doc, kept))
      emit(
        line,
        binRules,
        `x-doku-bin-rules.tables[${k}]`,
        "bin-table",
        `doc ${JSON.stringify(doc)}, spec ${JSON.stringify(kept)}`,
      );
  });
  if (binTables(lines).length !== spec.length)
    emit(0, binRules, "x-doku-bin-rules.tables", "bin-table", "table count differs");
  const byDefault = /By default, DOKU will set the value to (true|false)/.exec(text)?.[1];
  const reusable = chainAt(
    opOf(bundle, reusableDefault.op).request.body?.schema ?? {},
    reusableDefault.field.split("."),
  )?.at(-1);
  if (byDefault === undefined || String(reusable?.default) !== byDefault)
    emit(
      0,
      reusableDefault.op,
      reusableDefault.field,
      "default",
      `doc ${byDefault}, spec ${reusable?.default}`,
    );
}
