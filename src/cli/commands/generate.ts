/** `doku-conformance generate [--check] [--specs <file>] [--out <dir>]`: specs/ -> generated/; --check: exit 1 on drift. */
import { existsSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { generatedChanges, generatedOperations } from "../../generator/changes.js";
import { checkGenerated, writeGenerated } from "../../generator/index.js";
import type { Command } from "../context.js";

const GENERATE_HELP = `Usage: doku-conformance generate [--check] [--specs <file>] [--out <dir>]

Rebuilds generated/ (bundled document, operation table, validators, types, manifest) from the specs, and the
operation table of README.md and docs/seed-coverage.md (between <!-- ops-table:start --> and :end).
  --check          write nothing; exit 1 listing stale or missing files when generated/ or a table differs
  --specs <file>   root spec (default: the package's specs/doku.yaml)
  --out <dir>      output directory (default: the package's generated/)
`;

/** The package files carrying the operation table (src/generator/ops-table.ts). */
const TABLE_FILES = ["README.md", "docs/seed-coverage.md"];

export const generate: Command = async (args, ctx) => {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      check: { type: "boolean", default: false },
      specs: { type: "string" },
      out: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    ctx.stdout(GENERATE_HELP);
    return 0;
  }
  const options = {
    specPath: values.specs ? resolve(ctx.cwd, values.specs) : join(ctx.packageRoot, "specs", "doku.yaml"),
    outDir: values.out ? resolve(ctx.cwd, values.out) : join(ctx.packageRoot, "generated"),
    // The package's own tables follow the package's own specs only (an installed package ships no docs/).
    tableFiles: values.specs
      ? []
      : TABLE_FILES.map((f) => join(ctx.packageRoot, f)).filter((f) => existsSync(f)),
  };
  const out = relative(ctx.cwd, options.outDir) || ".";
  if (values.check) {
    const drift = await checkGenerated(options);
    const bad = [
      ...drift.stale.map((f) => `stale: ${join(out, f)}`),
      ...drift.missing.map((f) => `missing: ${join(out, f)}`),
      ...drift.tables.map((f) => `stale: ${relative(ctx.cwd, f)} (operation table)`),
    ];
    if (bad.length === 0) {
      ctx.stdout(`${out} is up to date with ${relative(ctx.cwd, options.specPath)}\n`);
      return 0;
    }
    ctx.stderr(
      `${bad.join("\n")}\n${out} is out of step with the specs: run npm run generate and commit the result\n`,
    );
    return 1;
  }
  const before = await generatedOperations(options.outDir);
  const { written, tables } = await writeGenerated(options);
  ctx.stdout(`wrote ${written.map((f) => join(out, f)).join(", ")}\n`);
  if (tables.length > 0)
    ctx.stdout(`renewed the operation table in ${tables.map((f) => relative(ctx.cwd, f)).join(", ")}\n`);
  ctx.stdout(`${(await generatedChanges(before, options.outDir)).join("\n")}\n`);
  return 0;
};
