/**
 * `npm run bench`: runs each component benchmark in its own process, one after another (they share two
 * cores, so running them together would measure contention), and prints their JSON lines. Method and
 * results are written down in docs/benchmarks.md.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const only = process.argv.slice(2);
const benches = ["cli", "arbitraries", "mock", "runner", "scale", "memory"].filter(
  (name) => only.length === 0 || only.includes(name),
);

let failed = 0;
for (const name of benches) {
  const file = `bench/${name}.bench.ts`;
  if (!existsSync(`${root}${file}`)) {
    console.log(JSON.stringify({ bench: name, error: `${file} not found` }));
    failed++;
    continue;
  }
  console.error(`--- ${file}`);
  const result = spawnSync(process.execPath, ["--import", "tsx", file], { cwd: root, stdio: "inherit" });
  if (result.status !== 0) failed++;
}
process.exitCode = failed > 0 ? 1 : 0;
