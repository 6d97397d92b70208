/**
 * specs/ -> generated/: bundled document, operation table, standalone validators, types, manifest.
 * `generateFiles` is pure (returns contents); `writeGenerated` and `checkGenerated` touch the disk.
 */
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { bundleSpec } from "./bundle.js";
import { buildOperations } from "./operations.js";
import { checkSchemas } from "./schema-check.js";
import { typesModule } from "./types.js";
import { validatorsDeclaration, validatorsModule } from "./validators.js";

export interface GenerateOptions {
  /** Root spec file, e.g. <package>/specs/doku.yaml. */
  specPath: string;
  /** Output directory, e.g. <package>/generated. */
  outDir: string;
}

const NOTICE = "generated from specs/ by `npm run generate` — do not edit";
const TS_HEADER = `// ${NOTICE}\n/* eslint-disable */\n`;

export async function generateFiles(options: GenerateOptions): Promise<Map<string, string>> {
  const document = await bundleSpec(options.specPath);
  const { operations, schemas } = buildOperations(document);
  const files = new Map<string, string>();
  files.set("openapi.json", `${JSON.stringify({ "x-generated": NOTICE, ...document }, null, 2)}\n`);
  files.set(
    "operations.ts",
    `${TS_HEADER}import type { Operation } from "../src/model/operation.js";\n\n` +
      `export const operations: readonly Operation[] = ${JSON.stringify(operations, null, 2)};\n`,
  );
  checkSchemas(schemas, options.specPath);
  files.set("validators.js", validatorsModule(schemas, TS_HEADER));
  files.set("validators.d.ts", validatorsDeclaration(TS_HEADER));
  files.set("types.ts", await typesModule(document, TS_HEADER));
  files.set("manifest.json", await manifest(options, files));
  return files;
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

export async function writeGenerated(options: GenerateOptions): Promise<string[]> {
  const files = await generateFiles(options);
  await mkdir(options.outDir, { recursive: true });
  for (const [name, content] of files) await writeFile(join(options.outDir, name), content);
  return [...files.keys()];
}

export interface DriftReport {
  stale: string[];
  missing: string[];
}

/** Compares generated/ with what the specs produce now; nothing is written. */
export async function checkGenerated(options: GenerateOptions): Promise<DriftReport> {
  const files = await generateFiles(options);
  const report: DriftReport = { stale: [], missing: [] };
  for (const [name, content] of files) {
    const onDisk = await readFile(join(options.outDir, name), "utf8").catch(() => undefined);
    if (onDisk === undefined) report.missing.push(name);
    else if (onDisk !== content) report.stale.push(name);
  }
  return report;
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
