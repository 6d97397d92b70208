/**
 * `npm run build`: src/ + generated/ + conformance/ -> dist/ (ESM JavaScript and .d.ts, by tsc with
 * tsconfig.build.json), then the generated files tsc does not emit (the validators index and its per-operation
 * CommonJS files, the operation table's JSON, the bundled document) are copied beside their importers.
 * dist/ mirrors the checkout one level down, so dist/package.json carries the version that
 * `new URL("../../package.json", import.meta.url)` reads from dist/src/<folder>/.
 * dist/cli/ is the command line's own copy, bundled by esbuild from the compiled modules, dependencies left as
 * imports (a `run` would otherwise load about 200 modules one by one: docs/benchmarks.md, "Seventh pass"):
 * - cli.cjs: conformance/cli.ts as one CommonJS file, which bin/doku-conformance.js runs from a V8 code cache
 *   (conformance/code-cache.ts). `import.meta.url` becomes the file's own URL. A script compiled from a code
 *   cache cannot resolve `import()`, so the bundle has none: src/engine/import-module.ts, the kit's one
 *   dynamic import, is left out and required from import-module.cjs beside it (written here), and the build
 *   fails if any other `import(` reaches the bundle.
 * - mock-worker.js, plan-worker.js (ES modules, shared chunks): the worker threads' entries.
 * dist/cli/ sits at the depth of dist/conformance/, so paths relative to a module (../generated/, the package
 * root, ./mock-worker.js, ./plan-worker.js) resolve as they do there. Library users import dist/ module by
 * module, as before.
 * `--prepare`: the npm `prepare` hook; skipped under `npm pack`/`npm publish`, whose `prepack` already built.
 */
import { spawnSync } from "node:child_process";
import { copyFile, cp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build as esbuild } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
const dist = join(root, "dist");
/** The worker threads' entries, bundled into dist/cli/ as ES modules (each keeps its name there). */
const WORKER_ENTRIES = ["mock-worker.js", "plan-worker.js"] as const;
/** generated/ files that tsc leaves alone (JavaScript, its declaration, JSON read at run time). */
const ASSETS = ["validators.js", "validators.d.ts", "openapi.json", "operations.json"] as const;

const packing = ["pack", "publish"].includes(process.env["npm_command"] ?? "");
if (process.argv.includes("--prepare") && packing) {
  console.log("build: skipped in prepare (prepack builds dist/ for npm pack and publish)");
} else {
  await build();
}

function resolveTsc(): string {
  try {
    return createRequire(import.meta.url).resolve("typescript/bin/tsc");
  } catch {
    console.error("build: needs typescript, a devDependency that is not installed: run npm ci");
    process.exit(2);
  }
}

async function build(): Promise<void> {
  const started = Date.now();
  await rm(dist, { recursive: true, force: true });
  const tsc = resolveTsc();
  const result = spawnSync(process.execPath, [tsc, "-p", join(root, "tsconfig.build.json")], {
    stdio: "inherit",
  });
  if (result.status !== 0) {
    console.error(`build: tsc -p tsconfig.build.json failed (exit ${result.status ?? result.signal})`);
    process.exit(1);
  }
  await mkdir(join(dist, "generated"), { recursive: true });
  for (const name of ASSETS) await copyFile(join(root, "generated", name), join(dist, "generated", name));
  // Each operation's validators (generated/validators/<operation>.cjs), loaded by validators.js on first use.
  await cp(join(root, "generated", "validators"), join(dist, "generated", "validators"), { recursive: true });
  const pkg = JSON.parse(await readFile(join(root, "package.json"), "utf8")) as { version: string };
  const marker = { private: true, type: "module", version: pkg.version };
  await writeFile(join(dist, "package.json"), `${JSON.stringify(marker, null, 2)}\n`);
  await bundleCli();
  console.log(`build: dist/ written in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** dist/cli/ (see the header): the CommonJS command line and the worker entries. */
async function bundleCli(): Promise<void> {
  const out = join(dist, "cli");
  const common = {
    bundle: true,
    platform: "node",
    target: "node20",
    packages: "external",
    // Each bundled module's code is headed by its path from here ("// dist/src/…"): test/package reads it.
    absWorkingDir: root,
    logLevel: "warning",
  } as const;
  await esbuild({
    ...common,
    entryPoints: WORKER_ENTRIES.map((name) => join(dist, "conformance", name)),
    outdir: out,
    splitting: true,
    format: "esm",
  });
  await esbuild({
    ...common,
    entryPoints: [join(dist, "conformance", "cli.js")],
    outfile: join(out, "cli.cjs"),
    format: "cjs",
    define: { "import.meta.url": "__bundleUrl" },
    banner: { js: 'var __bundleUrl = require("node:url").pathToFileURL(__filename).href;' },
    plugins: [
      {
        name: "import-module",
        setup(build) {
          build.onResolve({ filter: /\/import-module\.js$/ }, () => ({
            path: "./import-module.cjs",
            external: true,
          }));
        },
      },
    ],
  });
  await writeFile(
    join(out, "import-module.cjs"),
    '"use strict";\n// src/engine/import-module.ts for dist/cli/cli.cjs (scripts/build.ts says why).\n' +
      "exports.importModule = (specifier) => import(specifier);\n",
  );
  const text = await readFile(join(out, "cli.cjs"), "utf8");
  const dynamic = /\bimport\(\s*[^)\s]/.exec(text);
  if (dynamic) {
    const line = text.slice(0, dynamic.index).split("\n").length;
    console.error(
      `build: dist/cli/cli.cjs:${line} has an import(), which fails in a code-cached script: use importModule (src/engine/import-module.ts)`,
    );
    process.exit(1);
  }
}
