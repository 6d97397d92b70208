/** The import-cycle finder of scripts/check-imports.ts on tiny fixture trees (written to a temp dir). */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  directionProblems,
  findCycles,
  type ImportGraph,
  importGraph,
  importsOf,
} from "../../scripts/check-imports.js";

const roots: string[] = [];
afterAll(() => Promise.all(roots.map((r) => rm(r, { recursive: true, force: true }))));

async function tree(files: Record<string, string>): Promise<ImportGraph> {
  const root = await mkdtemp(join(tmpdir(), "check-imports-"));
  roots.push(root);
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), text);
  }
  return importGraph(root);
}

const graph = (edges: Record<string, string[]>): ImportGraph => new Map(Object.entries(edges));

describe("importsOf", () => {
  it.each([
    ['import { a } from "./a.js";', ["./a.js"]],
    ['import type { A } from "../m/a.js";', ["../m/a.js"]],
    ['export { a } from "./a.js";', ["./a.js"]],
    ['import "./side.js";', ["./side.js"]],
    ['const m = await import("./lazy.js");', ["./lazy.js"]],
    ['import fc from "fast-check";', []],
  ])("%s", (text, want) => {
    expect(importsOf(text)).toEqual(want);
  });
});

describe("findCycles", () => {
  it.each<[string, Record<string, string[]>, string[][]]>([
    ["a chain has none", { "a.ts": ["b.ts"], "b.ts": ["c.ts"], "c.ts": [] }, []],
    ["a diamond has none", { "a.ts": ["b.ts", "c.ts"], "b.ts": ["d.ts"], "c.ts": ["d.ts"], "d.ts": [] }, []],
    ["two files", { "a.ts": ["b.ts"], "b.ts": ["a.ts"] }, [["a.ts", "b.ts", "a.ts"]]],
    ["a self-import", { "a.ts": ["a.ts"] }, [["a.ts", "a.ts"]]],
    [
      "three files",
      { "a.ts": ["b.ts"], "b.ts": ["c.ts"], "c.ts": ["a.ts"], "d.ts": ["a.ts"] },
      [["a.ts", "b.ts", "c.ts", "a.ts"]],
    ],
    [
      "a hub with two spokes (each loop once)",
      { "hub.ts": ["x.ts", "y.ts"], "x.ts": ["hub.ts"], "y.ts": ["hub.ts"] },
      [
        ["hub.ts", "x.ts", "hub.ts"],
        ["hub.ts", "y.ts", "hub.ts"],
      ],
    ],
    ["an edge to an unknown file", { "a.ts": ["../outside.ts"] }, []],
  ])("%s", (_name, edges, want) => {
    expect(findCycles(graph(edges))).toEqual(want);
  });
});

describe("importGraph + findCycles on a fixture tree", () => {
  it("finds a cycle across folders, type-only imports included", async () => {
    const g = await tree({
      "model/a.ts": 'import type { B } from "../checks/b.js";\nexport type A = B;\n',
      "checks/b.ts": 'import type { A } from "../model/a.js";\nexport type B = { a?: A };\n',
      "checks/c.ts": 'import type { B } from "./b.js";\n',
    });
    expect(findCycles(g)).toEqual([["checks/b.ts", "model/a.ts", "checks/b.ts"]]);
    expect(directionProblems(g)).toEqual([
      "model/a.ts imports checks/b.ts (layer 5 > 0: imports must point down the data flow)",
    ]);
  });

  it("finds none in a tree without a cycle", async () => {
    const g = await tree({
      "arbitraries/family.ts": "export interface Helpers { n: number }\n",
      "arbitraries/string.ts":
        'import type { Helpers } from "./family.js";\nexport const s = (h: Helpers) => h;\n',
      "arbitraries/table.ts": 'import { s } from "./string.js";\nexport const table = { s };\n',
    });
    expect(findCycles(g)).toEqual([]);
    expect(directionProblems(g)).toEqual([]);
  });
});
