/**
 * The bare module specifiers compiled files load, and the rule they obey: at run time dist/ needs only
 * runtime dependencies (and Node built-ins); a devDependency may be loaded only on demand, by
 * `import("…")` inside dist/src/generator/ (the build-time tools `generate` asks for by name).
 */

import { readdir, readFile } from "node:fs/promises";
import { builtinModules } from "node:module";
import { join, relative } from "node:path";

/** Static (`import`/`export … from`, `require`) and dynamic (`import("…")`) bare specifiers of one file. */
export interface BareImports {
  static: string[];
  dynamic: string[];
}

const STATIC = [
  /^\s*(?:import|export)\s[^;]*?\sfrom\s*["']([^"'./][^"']*)["']/gm,
  /^\s*import\s*["']([^"'./][^"']*)["']/gm,
  /\brequire(?:\.resolve)?\(\s*["']([^"'./][^"']*)["']\s*\)/g,
];
const DYNAMIC = /\bimport\(\s*["']([^"'./][^"']*)["']\s*\)/g;
const ON_DEMAND_DIR = join("src", "generator");

/** Package name of a specifier: "@scope/name/deep" -> "@scope/name", "name/deep" -> "name". */
export function packageName(specifier: string): string {
  const parts = specifier.split("/");
  return (specifier.startsWith("@") ? parts.slice(0, 2) : parts.slice(0, 1)).join("/");
}

export async function bareImports(file: string): Promise<BareImports> {
  const text = await readFile(file, "utf8");
  const all = (pattern: RegExp) => [...text.matchAll(pattern)].map((m) => m[1] ?? "");
  return { static: STATIC.flatMap(all), dynamic: all(DYNAMIC) };
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
    const where = relative(dist, file);
    const { static: eager, dynamic } = await bareImports(file);
    for (const name of new Set(eager.map(packageName)))
      if (!isRuntime(name)) problems.push(`${where} imports ${name}, not a runtime dependency`);
    for (const name of new Set(dynamic.map(packageName))) {
      const onDemand = where.startsWith(ON_DEMAND_DIR) && name in manifest.devDependencies;
      if (!isRuntime(name) && !onDemand) problems.push(`${where} loads ${name}, not a runtime dependency`);
    }
  }
  return problems;
}

async function jsFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith(".js")).map((e) => join(e.parentPath, e.name));
}
