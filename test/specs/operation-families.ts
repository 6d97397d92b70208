/**
 * The "Operations by family" table of docs/seed-coverage.md, built from the bundled spec: one row per
 * operation (paths, then webhooks, grouped by tag), its method and path, its `x-doku-source` (DOKU's doc host
 * and SDK organisation shortened) and its `x-doku-coverage`.
 */
type Json = Record<string, unknown>;
const METHODS = ["get", "post", "put", "patch", "delete"] as const;
const SHORTEN = [
  "https://developers.doku.com",
  "https://github.com/PTNUSASATUINTIARTHA-DOKU/",
  "github.com/PTNUSASATUINTIARTHA-DOKU/",
];

/** An operation as the table shows it. */
export interface FamilyRow {
  family: string;
  id: string;
  where: string;
  source: string;
  coverage: string;
}

function shorten(source: string): string {
  for (const prefix of SHORTEN) if (source.startsWith(prefix)) return source.slice(prefix.length);
  return source;
}

function rowsOf(items: Json, webhook: boolean): FamilyRow[] {
  const rows: FamilyRow[] = [];
  for (const [path, item] of Object.entries(items)) {
    for (const method of METHODS) {
      const op = (item as Json)[method] as Json | undefined;
      if (op === undefined) continue;
      const coverage = op["x-doku-coverage"] as { status: string; missing?: string };
      const shownPath = (op["x-doku-sample-path"] as string | undefined) ?? path;
      rows.push({
        family: String((op.tags as string[] | undefined)?.[0] ?? ""),
        id: String(op.operationId),
        where: webhook ? `webhook (${shownPath})` : `${method.toUpperCase()} ${path}`,
        source: shorten(String(op["x-doku-source"] ?? "")),
        coverage: coverage.status === "complete" ? "complete" : `partial: ${coverage.missing ?? ""}`,
      });
    }
  }
  return rows;
}

/** Every operation of the bundled document, grouped by family (stable within a family). */
export function familyRows(document: Json): FamilyRow[] {
  const rows = [
    ...rowsOf((document.paths ?? {}) as Json, false),
    ...rowsOf((document.webhooks ?? {}) as Json, true),
  ];
  return rows.sort((a, b) => a.family.localeCompare(b.family));
}

/** The markdown line of one row. */
export const markdownRow = (r: FamilyRow): string =>
  `| ${r.family} | \`${r.id}\` | ${r.where} | ${r.source} | ${r.coverage} |`;
