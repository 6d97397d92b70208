/**
 * The package as a user receives it (packed.ts: a copy of the checkout packed, the tarball installed offline
 * into a scratch project): imported from plain .mjs, its bin runs a suite against the embedded mock, and a
 * consumer file type-checks under strict flags with zero errors.
 */
import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bareImports, importsByModule, runtimeImportProblems } from "./imports.js";
import { type Manifest, ok, packAndInstall, ROOT, sh } from "./packed.js";
import { CONSUMER_TS, SMOKE_MJS, STRICT_TSCONFIG } from "./scratch.js";

const MINUTES = 60_000;

let work = "";
let pkgDir = "";
let project = "";
let manifest: Manifest;

beforeAll(async () => {
  ({ work, pkgDir, project, manifest } = await packAndInstall("doku-pack-"));
}, 6 * MINUTES);

afterAll(async () => {
  if (work !== "") await rm(work, { recursive: true, force: true });
});

describe("the packed package", () => {
  it("ships dist/, bin/, specs/ and the docs; no tests, bench, CI or scripts", () => {
    const out = ok(
      sh("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], pkgDir),
      "npm pack --dry-run",
    );
    const [pack] = JSON.parse(out) as { files: { path: string }[] }[];
    const paths = (pack?.files ?? []).map((f) => f.path);
    for (const required of [
      "bin/doku-conformance.js",
      "dist/cli/cli.cjs",
      "dist/cli/import-module.cjs",
      "dist/conformance/code-cache.js",
      "dist/cli/mock-worker.js",
      "dist/cli/plan-worker.js",
      "dist/conformance/index.js",
      "dist/conformance/index.d.ts",
      "dist/conformance/vitest.js",
      "dist/conformance/vitest.d.ts",
      "dist/generated/types.d.ts",
      "dist/generated/validators.js",
      "dist/generated/openapi.json",
      "specs/doku.yaml",
      "LICENSE",
      "README.md",
      "CHANGELOG.md",
    ])
      expect(paths).toContain(required);
    const top = new Set(paths.map((p) => p.split("/")[0]));
    expect([...top].sort()).toEqual(
      ["CHANGELOG.md", "LICENSE", "README.md", "bin", "dist", "package.json", "specs"].sort(),
    );
    expect(paths.filter((p) => p.endsWith(".ts") && !p.endsWith(".d.ts"))).toEqual([]);
  });

  it("imports only runtime dependencies at run time (build-time tools load on demand in the generator)", async () => {
    const problems = await runtimeImportProblems(join(pkgDir, "dist"), manifest);
    expect(problems).toEqual([]);
    // The scan sees the imports it polices.
    const cli = await bareImports(join(pkgDir, "dist", "src", "generator", "bundle.js"));
    expect(cli.dynamic).toContain("@redocly/openapi-core");
    // ... and reads the command line's bundle module by module: the generator's load is found there, and
    // judged as the generator's.
    const cliDir = join(pkgDir, "dist", "cli");
    const bundled = new Map<string, string[]>();
    for (const name of await readdir(cliDir))
      for (const [module, found] of await importsByModule(join(pkgDir, "dist"), join(cliDir, name)))
        bundled.set(module, [...(bundled.get(module) ?? []), ...found.dynamic]);
    expect(bundled.get("src/generator/bundle.js")).toContain("@redocly/openapi-core");
  });

  it("is importable from a plain .mjs file", async () => {
    await writeFile(join(project, "smoke.mjs"), SMOKE_MJS);
    const out = ok(sh(process.execPath, ["smoke.mjs"], project), "node smoke.mjs");
    const smoke = JSON.parse(out) as {
      operations: number;
      violations: number;
      version: string;
      matcher: boolean;
    };
    expect(smoke.matcher).toBe(false);
    expect(smoke.operations).toBeGreaterThan(0);
    expect(smoke.violations).toBeGreaterThan(0);
    expect(smoke.version).toBe(manifest.version);
  });

  it(
    "runs npx doku-conformance run against the embedded mock (exit 0, report carries the version)",
    async () => {
      const reportDir = join(work, "report");
      const args = ["--no", "doku-conformance", "run", "--cases", "2", "--reporter", "json"];
      const result = sh("npx", [...args, "--output-dir", reportDir], project);
      expect(result.stderr).toBe("");
      expect(result.status).toBe(0);
      const report = JSON.parse(await readFile(join(reportDir, "report.json"), "utf8")) as {
        version: string;
        exitCode: number;
      };
      expect(report).toMatchObject({ version: manifest.version, exitCode: 0 });
    },
    3 * MINUTES,
  );

  it("says in one line what to install when generate lacks its build-time tools (exit 2)", () => {
    const result = sh("npx", ["--no", "doku-conformance", "generate", "--check"], project);
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toContain("npm install --save-dev @redocly/openapi-core");
  });

  it(
    "type-checks a strict consumer (and doku-conformance/types) with zero errors, skipLibCheck off",
    async () => {
      await writeFile(join(project, "consumer.ts"), CONSUMER_TS);
      await writeFile(join(project, "tsconfig.json"), STRICT_TSCONFIG(join(ROOT, "node_modules", "@types")));
      const tsc = join(ROOT, "node_modules", "typescript", "bin", "tsc");
      const result = sh(process.execPath, [tsc, "-p", "."], project);
      expect(result.stdout).toBe("");
      expect(result.status).toBe(0);
    },
    3 * MINUTES,
  );
});
