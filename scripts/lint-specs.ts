/** Lints specs/ with Redocly's rules (config: redocly.yaml). Exit 1 on errors, warnings are printed. */
import { fileURLToPath } from "node:url";
import { lint, loadConfig } from "@redocly/openapi-core";

const root = fileURLToPath(new URL("..", import.meta.url));
const config = await loadConfig({ configPath: `${root}redocly.yaml` });
const problems = await lint({ ref: `${root}specs/doku.yaml`, config });
let errors = 0;
for (const p of problems) {
  const where = p.location[0];
  const file = where ? where.source.absoluteRef.replace(root, "") : "specs";
  const pointer = where?.pointer ?? "";
  if (p.severity === "error") errors++;
  console.log(`${p.severity}: ${p.ruleId}: ${p.message} (${file}${pointer})`);
}
console.log(`spec lint: ${errors} errors, ${problems.length - errors} warnings`);
process.exitCode = errors > 0 ? 1 : 0;
