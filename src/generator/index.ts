/**
 * specs/ -> generated/: bundled document, operation table, standalone validators, types, manifest.
 * `generateFiles` is pure (returns contents); `writeGenerated` and `checkGenerated` touch the disk.
 */
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { bundleSpec } from "./bundle.js";
import { notSpecifiedRows } from "./not-specified.js";
import { buildOperations } from "./operations.js";
import { renderTable, spliceTable } from "./ops-table.js";
import { checkSchemas } from "./schema-check.js";
import { typesModule } from "./types.js";
import { conflictSchemas, validatorsDeclaration, validatorsModules } from "./validators.js";

export interface GenerateOptions {
  /** Root spec file, e.g. <package>/specs/doku.yaml. */
  specPath: string;
  /** Output directory, e.g. <package>/generated. */
  outDir: string;
  /** Markdown files whose operation table (between the ops-table markers) follows the specs, e.g. README.md. */
  tableFiles?: readonly string[];
}

const NOTICE = "generated from specs/ by `npm run generate` — do not edit";
const TS_HEADER = `// ${NOTICE}\n/* eslint-disable */\n`;

export async function generateFiles(options: GenerateOptions): Promise<Map<string, string>> {
  return (await generateAll(options)).files;
}

async function generateAll(options: GenerateOptions) {
  const document = await bundleSpec(options.specPath);
  const { operations, schemas } = buildOperations(document);
  notSpecifiedRows(document);
  const files = new Map<string, string>();
  files.set("openapi.json", `${JSON.stringify({ "x-generated": NOTICE, ...document }, null, 2)}\n`);
  // The table is JSON (JSON.parse reads it several times faster than a module literal compiles); the module
  // gives typed static imports (the receiver) the same table.
  files.set("operations.json", `${JSON.stringify(operations, null, 2)}\n`);
  files.set(
    "operations.ts",
    `${TS_HEADER}import { readFileSync } from "node:fs";\nimport type { Operation } from "../src/model/operation.js";\n\n` +
      "export const operations: readonly Operation[] = JSON.parse(\n" +
      '  readFileSync(new URL("./operations.json", import.meta.url), "utf8"),\n' +
      ") as readonly Operation[];\n",
  );
  const compiled = { ...schemas, ...conflictSchemas(schemas) };
  checkSchemas(compiled, options.specPath);
  for (const [name, content] of validatorsModules(compiled, TS_HEADER)) files.set(name, content);
  files.set("validators.d.ts", validatorsDeclaration(TS_HEADER));
  files.set("types.ts", await typesModule(document, TS_HEADER));
  files.set("manifest.json", await manifest(options, files));
  return { files, tables: await tables(options, document) };
}

/** Each table file whose operation table differs from the specs: path -> its content with the table renewed. */
async function tables(options: GenerateOptions, document: Record<string, unknown>) {
  const table = renderTable(document);
  const changed = new Map<string, string>();
  for (const file of options.tableFiles ?? []) {
    const text = await readFile(file, "utf8");
    const renewed = spliceTable(text, table, file);
    if (renewed !== text) changed.set(file, renewed);
  }
  return changed;
}

async function manifest(options: GenerateOptions, files: Map<string, string>): Promise<string> {
  const specDir = join(options.specPath, "..");
  const specs: Record<string, string> = {};
  for (const file of (await listFiles(specDir)).filter((f) => /\.ya?ml$/.test(f)).sort()) {
    specs[`specs/${relative(specDir, file)}`] = sha256(await readFile(file, "utf8"));
  }
  const outputs: Record<string, string> = {};
  for (const [name, content] of [...files].sort(([a], [b]) => a.localeCompare(b)))
    outputs[name] = sha256(content);
  return `${JSON.stringify({ note: NOTICE, specs, outputs }, null, 2)}\n`;
}

export interface WriteReport {
  /** generated/ file names written. */
  written: string[];
  /** Table files (absolute paths) whose operation table was renewed. */
  tables: string[];
}

export async function writeGenerated(options: GenerateOptions): Promise<WriteReport> {
  const { files, tables } = await generateAll(options);
  await mkdir(join(options.outDir, "validators"), { recursive: true });
  for (const name of await extraFiles(options.outDir, files)) await rm(join(options.outDir, name));
  for (const [name, content] of files) await writeFile(join(options.outDir, name), content);
  for (const [file, content] of tables) await writeFile(file, content);
  return { written: [...files.keys()], tables: [...tables.keys()] };
}

export interface DriftReport {
  stale: string[];
  missing: string[];
  /** Table files (absolute paths) whose operation table is out of step with the specs. */
  tables: string[];
}

/** Compares generated/ with what the specs produce now; nothing is written. */
export async function checkGenerated(options: GenerateOptions): Promise<DriftReport> {
  const { files, tables } = await generateAll(options);
  const report: DriftReport = { stale: [], missing: [], tables: [...tables.keys()] };
  for (const [name, content] of files) {
    const onDisk = await readFile(join(options.outDir, name), "utf8").catch(() => undefined);
    if (onDisk === undefined) report.missing.push(name);
    else if (onDisk !== content) report.stale.push(name);
  }
  report.stale.push(...(await extraFiles(options.outDir, files)));
  return report;
}

/** Files in generated/validators/ that the specs no longer produce (an operation removed or renamed). */
async function extraFiles(outDir: string, files: ReadonlyMap<string, string>): Promise<string[]> {
  const names = await readdir(join(outDir, "validators")).catch(() => [] as string[]);
  return names.map((n) => `validators/${n}`).filter((name) => !files.has(name));
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) =>
      e.isDirectory() ? listFiles(join(dir, e.name)) : Promise.resolve([join(dir, e.name)]),
    ),
  );
  return nested.flat();
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
