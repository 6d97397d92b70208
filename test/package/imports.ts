/**
 * The bare module specifiers compiled files load, and the rule they obey: at run time dist/ needs only
 * runtime dependencies (and Node built-ins); a devDependency may be loaded only on demand, by
 * `import("…")` or `importModule("…")` (src/engine/import-module.ts) inside dist/src/generator/ (the
 * build-time tools `generate` asks for by name). The command line's bundle (dist/cli/) is read module by
 * module: esbuild heads each bundled module's code with a `// dist/<path>` line, so an import is judged by the
 * module it came from, as in the unbundled tree.
 */

import { readdir, readFile } from "node:fs/promises";
import { builtinModules } from "node:module";
import { join, relative } from "node:path";

/**
 * Static (`import`/`export … from`, `require`) and dynamic (`import("…")`, `importModule("…")`) bare specifiers of
 * one file.
 */
export interface BareImports {
  static: string[];
  dynamic: string[];
}

const STATIC = [
  /^\s*(?:import|export)\s[^;]*?\sfrom\s*["']([^"'./][^"']*)["']/gm,
  /^\s*import\s*["']([^"'./][^"']*)["']/gm,
  /\brequire(?:\.resolve)?\(\s*["']([^"'./][^"']*)["']\s*\)/g,
];
// `importModule)(` is how esbuild calls an imported function in a CommonJS bundle: `(0, m.importModule)(…)`.
const DYNAMIC = /\b(?:import|importModule\)?)\(\s*["']([^"'./][^"']*)["']\s*\)/g;
const ON_DEMAND_DIR = join("src", "generator");

/** Package name of a specifier: "@scope/name/deep" -> "@scope/name", "name/deep" -> "name". */
export function packageName(specifier: string): string {
  const parts = specifier.split("/");
  return (specifier.startsWith("@") ? parts.slice(0, 2) : parts.slice(0, 1)).join("/");
}

export async function bareImports(file: string): Promise<BareImports> {
  return importsOf(await readFile(file, "utf8"));
}

function importsOf(text: string): BareImports {
  const all = (pattern: RegExp) => [...text.matchAll(pattern)].map((m) => m[1] ?? "");
  return { static: STATIC.flatMap(all), dynamic: all(DYNAMIC) };
}

/** A bundled module's heading in an esbuild bundle: its path in the package, "dist/…". */
const BUNDLED_MODULE = /^\/\/ dist\/(\S+\.js)$/m;

/**
 * The bare imports of one file of dist/, by the module they belong to (its path under dist/): the file itself,
 * or each module bundled in it (code before the first module heading is the file's own).
 */
export async function importsByModule(dist: string, file: string): Promise<[string, BareImports][]> {
  const text = await readFile(file, "utf8");
  const parts = text.split(BUNDLED_MODULE);
  const own: [string, BareImports] = [relative(dist, file), importsOf(parts[0] ?? "")];
  const bundled: [string, BareImports][] = [];
  for (let i = 1; i < parts.length; i += 2) bundled.push([parts[i] ?? "", importsOf(parts[i + 1] ?? "")]);
  return [own, ...bundled];
}

/** One line per import of dist/ that the installed package could not satisfy from its dependencies. */
export async function runtimeImportProblems(
  dist: string,
  manifest: { dependencies: Record<string, string>; devDependencies: Record<string, string> },
): Promise<string[]> {
  const isBuiltin = (name: string) => name.startsWith("node:") || builtinModules.includes(name);
  const isRuntime = (name: string) => isBuiltin(name) || name in manifest.dependencies;
  const problems: string[] = [];
  for (const file of await jsFiles(dist)) {
    const path = relative(dist, file);
    for (const [module, { static: eager, dynamic }] of await importsByModule(dist, file)) {
      const where = module === path ? module : `${path} (${module})`;
      for (const name of new Set(eager.map(packageName)))
        if (!isRuntime(name)) problems.push(`${where} imports ${name}, not a runtime dependency`);
      for (const name of new Set(dynamic.map(packageName))) {
        const onDemand = module.startsWith(ON_DEMAND_DIR) && name in manifest.devDependencies;
        if (!isRuntime(name) && !onDemand) problems.push(`${where} loads ${name}, not a runtime dependency`);
      }
    }
  }
  return problems;
}

async function jsFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && (e.name.endsWith(".js") || e.name.endsWith(".cjs")))
    .map((e) => join(e.parentPath, e.name));
}
