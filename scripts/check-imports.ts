/**
 * Import rules inside src/ (STYLE.md), two checks:
 * 1. Direction: model -> validation -> signatures -> arbitraries -> checks -> runner -> reporters -> callbacks
 *    -> matchers -> cli, with mock/ beside runner and client/ beside arbitraries (callbacks reuse the runner's reporters).
 *    src/ never imports generated/ or conformance/.
 * 2. No cycles, inside a folder or across. `import type` counts too: a type-only cycle is erased at run time,
 *    but it still means neither file can be read, moved or tested without the other.
 * Exit 1 listing each backwards import and each cycle (as a chain of files).
 */
import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const LAYERS: Record<string, number> = {
  model: 0,
  validation: 2,
  signatures: 3,
  client: 4,
  arbitraries: 4,
  checks: 5,
  engine: 5.5,
  mock: 6,
  runner: 6,
  reporters: 7,
  callbacks: 8,
  simulator: 8.2,
  generator: 8,
  docs: 5,
  specdiff: 5,
  matchers: 8.5,
  cli: 9,
  "index.ts": 10,
};

/** Import graph: file -> the files it imports, all relative to the root, `.js` specifiers mapped to `.ts`. */
export type ImportGraph = Map<string, string[]>;

async function files(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)])),
  );
  return nested.flat().filter((f) => f.endsWith(".ts"));
}

/** Relative specifiers a source file imports (static, side-effect, dynamic, re-exports; type-only too). */
export function importsOf(text: string): string[] {
  return [...text.matchAll(/(?:from|import)\s*\(?\s*"(\.[^"]+)"/g)].map((m) => m[1] as string);
}

/** The import graph of every .ts file under `root` (targets outside `root` keep their `../` path). */
export async function importGraph(root: string): Promise<ImportGraph> {
  const graph: ImportGraph = new Map();
  for (const file of (await files(root)).sort()) {
    const text = await readFile(file, "utf8");
    const targets = importsOf(text).map((spec) =>
      relative(root, join(file, "..", spec)).replace(/\.js$/, ".ts"),
    );
    graph.set(relative(root, file), [...new Set(targets)]);
  }
  return graph;
}

/** Shortest path from `from` to `to` inside `within` (breadth-first), as a list of files. */
function shortestPath(graph: ImportGraph, from: string, to: string, within: Set<string>): string[] {
  const previous = new Map<string, string>();
  const queue = [from];
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i] as string;
    for (const next of graph.get(node) ?? []) {
      if (!within.has(next) || previous.has(next)) continue;
      previous.set(next, node);
      if (next === to) {
        const path = [to];
        for (let at = node; at !== from; at = previous.get(at) as string) path.unshift(at);
        return [from, ...path];
      }
      queue.push(next);
    }
  }
  return [];
}

/**
 * Every import cycle, as chains `a -> b -> ... -> a`: one per pair of files that import each other in a
 * tangle (strongly connected component) — so a 9-file tangle lists each edge that closes a loop once.
 */
export function findCycles(graph: ImportGraph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const components: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, index.size);
    low.set(node, index.get(node) as number);
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (!graph.has(next)) continue;
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) as number, low.get(next) as number));
      } else if (stack.includes(next)) {
        low.set(node, Math.min(low.get(node) as number, index.get(next) as number));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop() as string;
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || (graph.get(node) ?? []).includes(node)) components.push(component.sort());
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  const cycles: string[][] = [];
  for (const component of components) {
    const within = new Set(component);
    const seen = new Set<string>();
    for (const from of component) {
      for (const to of graph.get(from) ?? []) {
        if (!within.has(to)) continue;
        const cycle = to === from ? [from, from] : [from, ...shortestPath(graph, to, from, within)];
        const key = [...cycle.slice(0, -1)].sort().join(" ");
        if (seen.has(key)) continue;
        seen.add(key);
        cycles.push(cycle);
      }
    }
  }
  return cycles;
}

/** Imports that point up the layer order or out of src/. */
export function directionProblems(graph: ImportGraph): string[] {
  const layerOf = (path: string) => LAYERS[path.split("/")[0] ?? ""];
  const problems: string[] = [];
  for (const [file, targets] of graph) {
    for (const target of targets) {
      if (target.startsWith("..")) {
        problems.push(
          `${file} imports ${target} (outside src/: generated/ and conformance/ are wired in conformance/)`,
        );
        continue;
      }
      const from = layerOf(file);
      const to = layerOf(target);
      if (from !== undefined && to !== undefined && to > from) {
        problems.push(
          `${file} imports ${target} (layer ${to} > ${from}: imports must point down the data flow)`,
        );
      }
    }
  }
  return problems;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const graph = await importGraph(fileURLToPath(new URL("../src", import.meta.url)));
  const problems = directionProblems(graph);
  const cycles = findCycles(graph);
  for (const p of problems) console.log(p);
  for (const c of cycles) console.log(`import cycle: ${c.join(" -> ")}`);
  console.log(`import direction: ${problems.length} problems; import cycles: ${cycles.length}`);
  process.exitCode = problems.length + cycles.length > 0 ? 1 : 0;
}
