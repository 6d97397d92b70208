import { describe, expect, it } from "vitest";
import {
  renderTable,
  spliceTable,
  TABLE_END,
  TABLE_START,
  tableRows,
} from "../../src/generator/ops-table.js";
import { SpecError } from "../../src/model/errors.js";

const op = (id: string, tag: string, extra: Record<string, unknown> = {}) => ({
  operationId: id,
  tags: [tag],
  "x-doku-source": "https://developers.doku.com/a/page",
  "x-doku-coverage": { status: "complete" },
  ...extra,
});
const DOC = {
  tags: [{ name: "b-family" }, { name: "a-family" }],
  paths: {
    "/one": {
      post: op("one", "a-family", { "x-doku-coverage": { status: "partial", missing: "no | table" } }),
    },
    "/two": { get: op("two", "b-family"), patch: op("three", "a-family") },
  },
  webhooks: {
    hook: {
      post: op("hook", "b-family", { "x-doku-sample-path": "/n", "x-doku-flow": { name: "the-flow" } }),
    },
  },
  "x-doku-not-specified": [
    {
      family: "a-family",
      operation: "Lost op",
      method: "POST",
      path: "/lost",
      docUrl: "https://x.test/p",
      reason: "r1",
    },
    { family: "z-family", operation: "Nameless", docUrl: "https://x.test/q", reason: "r2" },
    { family: "c-family", operation: "Hook", method: "POST", docUrl: "https://x.test/h", reason: "r3" },
  ],
};

describe("tableRows", () => {
  it("groups by the root tag order, keeps document order inside a family, untagged families last A-Z", () => {
    expect(tableRows(DOC).map((r) => [r.family, r.operation])).toEqual([
      ["b-family", "`two`"],
      ["b-family", "`hook`"],
      ["a-family", "`one`"],
      ["a-family", "`three`"],
      ["a-family", "Lost op (not specified)"],
      ["c-family", "Hook (not specified)"],
      ["z-family", "Nameless (not specified)"],
    ]);
  });

  it.each([
    ["two", "GET /two", "/a/page", "complete"],
    ["one", "POST /one", "/a/page", "partial: no | table"],
    ["hook", "webhook POST (/n), flow `the-flow`", "/a/page", "complete"],
    ["Lost op", "POST /lost", "https://x.test/p", "not specified: r1"],
    ["Hook", "POST (merchant URL)", "https://x.test/h", "not specified: r3"],
    ["Nameless", "—", "https://x.test/q", "not specified: r2"],
  ])("%s: where %s, source %s, coverage %s", (name, where, source, coverage) => {
    const row = tableRows(DOC).find((r) => r.operation.replace(/`/g, "").startsWith(name));
    expect(row).toMatchObject({ where, source, coverage });
  });
});

describe("renderTable", () => {
  it("counts specified paths, webhooks, not-specified rows and families, and escapes pipes in cells", () => {
    const table = renderTable(DOC);
    expect(table).toContain(
      "4 operations specified (3 merchant → DOKU paths, 1 DOKU → merchant webhooks) and 3 listed as not specified, in 4 families.",
    );
    expect(table).toContain("| a-family | `one` | POST /one | /a/page | partial: no \\| table |");
    expect(table.split("\n").filter((l) => l.startsWith("| ")).length).toBe(1 + 7);
  });

  it("is deterministic", () => {
    expect(renderTable(DOC)).toBe(renderTable(structuredClone(DOC)));
  });
});

describe("spliceTable", () => {
  const text = `intro\n${TABLE_START}\nold table\n${TABLE_END}\noutro\n`;

  it("replaces only what is between the markers, and is idempotent", () => {
    const once = spliceTable(text, "NEW", "README.md");
    expect(once).toBe(`intro\n${TABLE_START}\nNEW\n${TABLE_END}\noutro\n`);
    expect(spliceTable(once, "NEW", "README.md")).toBe(once);
  });

  it.each([
    ["no markers", "intro\n"],
    ["only the start marker", `${TABLE_START}\n`],
    ["markers reversed", `${TABLE_END}\n${TABLE_START}\n`],
  ])("throws a SpecError naming the file with %s", (_name, bad) => {
    expect(() => spliceTable(bad, "NEW", "docs/x.md")).toThrow(SpecError);
    expect(() => spliceTable(bad, "NEW", "docs/x.md")).toThrow(/docs\/x\.md has no/);
  });
});
