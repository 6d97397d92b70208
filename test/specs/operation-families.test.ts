/**
 * docs/seed-coverage.md "Operations by family" and the README's operation count stay true: one row per
 * operation of the bundled spec with its family, path, source and coverage, and the counts in both headings.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadSpecBundle } from "../../conformance/bundle.js";
import { familyRows, markdownRow } from "./operation-families.js";

const bundle = await loadSpecBundle();
const rows = familyRows(bundle.document as Record<string, unknown>);
const paths = rows.filter((r) => !r.where.startsWith("webhook")).length;
const webhooks = rows.length - paths;
const read = (file: string) => readFileSync(new URL(`../../${file}`, import.meta.url), "utf8");

describe("the operation table", () => {
  it("covers every operation of the bundle", () => {
    expect(rows.map((r) => r.id).sort()).toEqual(bundle.operations.map((o) => o.id).sort());
  });

  it("docs/seed-coverage.md lists every operation by family with its source and coverage", () => {
    const doc = read("docs/seed-coverage.md");
    const section = doc.slice(doc.indexOf("## Operations by family"));
    expect(section.split("\n")[0]).toBe(
      `## Operations by family (${rows.length}: ${paths} merchant -> DOKU, ${webhooks} callbacks)`,
    );
    const shown = section.split("\n").filter((line) => /^\| [a-z0-9-]+ \| `/.test(line));
    expect(shown).toEqual(rows.map(markdownRow));
  });

  it("README states the operation count", () => {
    expect(read("README.md")).toContain(
      `OpenAPI 3.1 for ${rows.length} DOKU operations (${paths} merchant → DOKU paths`,
    );
    expect(read("README.md")).toContain(`${webhooks} DOKU → merchant webhooks)`);
  });
});
