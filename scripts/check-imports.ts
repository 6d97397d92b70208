/**
 * Import direction inside src/ (STYLE.md): model -> validation -> signatures -> arbitraries -> checks
 * -> runner -> reporters -> callbacks -> cli, with mock/ beside runner and client/ beside arbitraries
 * (callbacks reuse the runner's reporters).
 * src/ never imports generated/ or conformance/. Exit 1 listing each backwards import.
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
  generator: 8,
  cli: 9,
  "index.ts": 10,
};

const src = fileURLToPath(new URL("../src", import.meta.url));

async function files(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)])),
  );
  return nested.flat().filter((f) => f.endsWith(".ts"));
}

const layerOf = (path: string) => LAYERS[relative(src, path).split("/")[0] ?? ""];
const problems: string[] = [];
for (const file of await files(src)) {
  const text = await readFile(file, "utf8");
  for (const match of text.matchAll(/(?:from|import)\s*\(?\s*"(\.[^"]+)"/g)) {
    const target = join(file, "..", match[1] as string);
    const rel = relative(src, target);
    if (rel.startsWith("..")) {
      problems.push(
        `${relative(src, file)} imports ${match[1]} (outside src/: generated/ and conformance/ are wired in conformance/)`,
      );
      continue;
    }
    const from = layerOf(file);
    const to = layerOf(target);
    if (from !== undefined && to !== undefined && to > from) {
      problems.push(
        `${relative(src, file)} imports ${rel} (layer ${to} > ${from}: imports must point down the data flow)`,
      );
    }
  }
}
for (const p of problems) console.log(p);
console.log(`import direction: ${problems.length} problems`);
process.exitCode = problems.length > 0 ? 1 : 0;
