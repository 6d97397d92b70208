/**
 * README.md and docs/seed-coverage.md carry the operation table `npm run generate` renders from the specs
 * (src/generator/ops-table.ts): every operation of the bundle by family, then the not-specified rows.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadSpecBundle } from "../../conformance/bundle.js";
import { notSpecifiedRows } from "../../src/generator/not-specified.js";
import { renderTable, spliceTable, tableRows } from "../../src/generator/ops-table.js";

const bundle = await loadSpecBundle();
const document = bundle.document as Record<string, unknown>;
const read = (file: string) => readFileSync(new URL(`../../${file}`, import.meta.url), "utf8");

describe("the operation table", () => {
  it("covers every operation of the bundle and every not-specified row", () => {
    const rows = tableRows(document);
    expect(rows.filter((r) => r.specified).map((r) => r.operation.replace(/`/g, ""))).toEqual(
      expect.arrayContaining(bundle.operations.map((o) => o.id)),
    );
    expect(rows.filter((r) => r.specified).length).toBe(bundle.operations.length);
    expect(rows.filter((r) => !r.specified).length).toBe(notSpecifiedRows(document).length);
  });

  it.each(["README.md", "docs/seed-coverage.md"])("%s carries the table the specs render", (file) => {
    const text = read(file);
    expect(spliceTable(text, renderTable(document), file)).toBe(text);
  });
});
