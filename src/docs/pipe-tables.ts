/**
 * Markdown-ish pipe tables as the seeds store them: a header row `A | B | C |`, a rule row `---|---|`,
 * then rows until a line without a pipe. Cells are trimmed; a row keeps its 1-based line number.
 */
export interface PipeTable {
  /** 1-based line of the header row. */
  line: number;
  header: string[];
  rows: { line: number; cells: string[] }[];
}

const cellsOf = (line: string): string[] => {
  const parts = line.split("|").map((c) => c.trim());
  if (parts.at(-1) === "") parts.pop();
  return parts;
};

const isRule = (line: string) => /^\s*-{3,}\s*(\|\s*-{3,}\s*)*\|?\s*$/.test(line);

/** Every pipe table of a page, in page order. */
export function pipeTables(lines: readonly string[]): PipeTable[] {
  const out: PipeTable[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const head = lines[i] ?? "";
    if (!head.includes("|") || !isRule(lines[i + 1] ?? "")) continue;
    const table: PipeTable = { line: i + 1, header: cellsOf(head), rows: [] };
    let j = i + 2;
    for (; j < lines.length && (lines[j] ?? "").includes("|"); j++) {
      table.rows.push({ line: j + 1, cells: cellsOf(lines[j] ?? "") });
    }
    out.push(table);
    i = j - 1;
  }
  return out;
}
