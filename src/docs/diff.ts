/**
 * `docs diff` as data: every page parsed, audited against the bundle (field tables, samples, header samples,
 * API facts, prose statements, removed fields), each finding classified (change kind), checked for a recorded
 * conflict, and located in the spec sources by the injected `locate` (the CLI passes the YAML line map).
 */
import { UsageError } from "../model/errors.js";
import type { Operation, SpecBundle } from "../model/operation.js";
import { auditSeed } from "./audit.js";
import { type ChangeKind, changeKind } from "./changes.js";
import { corpusOf } from "./corpus.js";
import { coverageOf } from "./covered.js";
import type { AuditFinding } from "./findings.js";
import { knownPagesOf } from "./known-pages.js";
import type { DocPage } from "./page.js";
import { auditCitedExamples } from "./records.js";
import { auditRemoved } from "./removed.js";
import { auditStatements } from "./statements.js";

/** Where in specs/ a finding is fixed: the file (relative to the package root) and the 1-based line. */
export interface SpecLocation {
  file: string;
  line: number;
}

/** Finds the spec source line of an operation's field (or of the operation when the field is not a field). */
export type Locate = (operation: string, field: string) => SpecLocation | undefined;

/** One difference between a page and the spec. */
export interface DriftItem {
  page: string;
  line: number;
  operation: string;
  field: string;
  change: ChangeKind;
  aspect: string;
  message: string;
  /** drift: not recorded; covered: a conflict or unconfirmed mark records it; tolerated: a conflict's alternative accepts it. */
  status: "drift" | "covered" | "tolerated";
  conflicts: string[];
  unconfirmed: boolean;
  spec?: SpecLocation;
}

/** A page as `docs diff` read it. */
export interface PageSummary {
  file: string;
  format: string;
  known: string | null;
  title: string | null;
  tables: number;
  samples: number;
}

/** The `docs diff` report (its JSON shape is documented in docs/docs-diff.md). */
export interface DocsDiffReport {
  pages: PageSummary[];
  items: DriftItem[];
  summary: { drift: number; covered: number; tolerated: number };
}

/** Pages the kit does not know are mapped whole onto `--operation`; without it they cannot be mapped. */
function mapped(bundle: SpecBundle, page: DocPage, operation: string | undefined): DocPage {
  if (page.known !== undefined) return page;
  if (operation === undefined)
    throw new UsageError(
      `cannot map ${page.file}: not a DOKU page the kit knows (${knownPagesOf(bundle.document)
        .map((p) => p.title)
        .join("; ")}); pass --operation <id>`,
    );
  const first = page.lines.find((l) => l.trim() !== "")?.trim() ?? "";
  const known = {
    id: "",
    file: page.file,
    title: page.file,
    marker: first,
    headings: [{ text: first, ops: [operation] }],
  };
  return { ...page, known };
}

function findings(bundle: SpecBundle, page: DocPage): AuditFinding[] {
  const c = corpusOf(page);
  if (page.id === "" && c.tables.length + c.samples.length + c.facts.length === 0)
    throw new UsageError(`cannot read ${page.file}: no field table, JSON sample or API fact found in it`);
  const ops = new Map(bundle.operations.map((o) => [o.id, o] as const));
  const statements = page.id === "" ? [] : auditStatements(bundle, c);
  return [
    ...auditSeed(bundle, c),
    ...statements,
    ...auditCitedExamples(bundle, [c]),
    ...auditRemoved(ops, c),
  ];
}

function item(op: Operation | undefined, page: DocPage, f: AuditFinding, locate?: Locate): DriftItem {
  const cover =
    op === undefined ? { conflicts: [], unconfirmed: false } : coverageOf(op, f, page.known?.file);
  const status = f.aspect.endsWith("-tolerated")
    ? "tolerated"
    : cover.conflicts.length > 0 || cover.unconfirmed
      ? "covered"
      : "drift";
  const out: DriftItem = {
    page: page.file,
    line: f.line,
    operation: f.op,
    field: f.field,
    change: changeKind(f.aspect),
    aspect: f.aspect,
    message: f.message,
    status,
    ...cover,
  };
  const spec = locate?.(f.op, f.field);
  if (spec !== undefined) out.spec = spec;
  return out;
}

/** Compares doc pages with the bundle. `operation` maps unknown pages and filters the report. */
export function docsDiff(
  bundle: SpecBundle,
  pages: readonly (DocPage & { format?: string })[],
  options: { operation?: string; locate?: Locate } = {},
): DocsDiffReport {
  const ops = new Map(bundle.operations.map((o) => [o.id, o] as const));
  if (options.operation !== undefined && !ops.has(options.operation))
    throw new UsageError(`unknown operation ${options.operation}`);
  const items: DriftItem[] = [];
  const summaries: PageSummary[] = [];
  for (const raw of pages) {
    const page = mapped(bundle, raw, options.operation);
    const c = corpusOf(page);
    summaries.push({
      file: raw.file,
      format: raw.format ?? "text",
      known: raw.known?.id ?? null,
      title: raw.known?.title ?? null,
      tables: c.tables.length,
      samples: c.samples.length,
    });
    for (const f of findings(bundle, page))
      if (options.operation === undefined || f.op === options.operation)
        items.push(item(ops.get(f.op), page, f, options.locate));
  }
  const count = (s: DriftItem["status"]) => items.filter((i) => i.status === s).length;
  return {
    pages: summaries,
    items,
    summary: { drift: count("drift"), covered: count("covered"), tolerated: count("tolerated") },
  };
}
