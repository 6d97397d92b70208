/**
 * The package as a user receives it: a copy of the checkout is built and packed (prepack), the tarball is
 * installed offline into a scratch project, imported from plain .mjs, its bin runs a suite against the
 * embedded mock, and a consumer file type-checks under strict flags with zero errors.
 * The copy keeps the checkout's dist/ untouched while other test files spawn bin/doku-conformance.js.
 */
import { type SpawnSyncReturns, spawnSync } from "node:child_process";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bareImports, runtimeImportProblems } from "./imports.js";
import { CONSUMER_TS, SMOKE_MJS, STRICT_TSCONFIG } from "./scratch.js";

const ROOT = join(import.meta.dirname, "..", "..");
/** What `npm pack` needs from the checkout (the `files` whitelist plus the build's inputs). */
const INPUTS = [
  "package.json",
  "tsconfig.json",
  "tsconfig.build.json",
  "README.md",
  "CHANGELOG.md",
  "LICENSE",
  "bin",
  "conformance",
  "generated",
  "scripts/build.ts",
  "specs",
  "src",
];
const MINUTES = 60_000;

interface Manifest {
  version: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}

let work = "";
let pkgDir = "";
let project = "";
let manifest: Manifest;

function sh(command: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
}

function ok(result: SpawnSyncReturns<string>, what: string): string {
  if (result.status !== 0)
    throw new Error(`${what} exited ${result.status}\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "doku-pack-"));
  pkgDir = join(work, "package");
  project = join(work, "scratch");
  for (const input of INPUTS) await cp(join(ROOT, input), join(pkgDir, input), { recursive: true });
  await symlink(join(ROOT, "node_modules"), join(pkgDir, "node_modules"), "dir");
  manifest = JSON.parse(await readFile(join(pkgDir, "package.json"), "utf8")) as Manifest;
  ok(sh("npm", ["pack", "--pack-destination", work], pkgDir), "npm pack (prepack builds dist/)");
  await mkdir(project);
  await seedScratchProject();
  const tarball = (await readdir(work)).find((f) => f.endsWith(".tgz"));
  if (tarball === undefined) throw new Error(`npm pack wrote no tarball into ${work}`);
  ok(
    sh("npm", ["install", "--offline", "--no-audit", "--no-fund", join(work, tarball)], project),
    "npm install --offline <tarball>",
  );
}, 6 * MINUTES);

afterAll(async () => {
  if (work !== "") await rm(work, { recursive: true, force: true });
});

/**
 * npm 11 resolves a new dependency from full packuments, while `npm ci` caches only abbreviated ones; so
 * the scratch project starts with a lockfile holding the runtime dependency tree (the checkout's non-dev
 * entries, same pinned versions), as a consumer's lockfile would, and the install resolves nothing online.
 */
async function seedScratchProject(): Promise<void> {
  const lock = JSON.parse(await readFile(join(ROOT, "package-lock.json"), "utf8")) as {
    packages: Record<string, { dev?: boolean }>;
  };
  const packages: Record<string, unknown> = { "": { name: "scratch" } };
  for (const [key, entry] of Object.entries(lock.packages))
    if (key !== "" && entry.dev !== true) packages[key] = entry;
  const pkg = { name: "scratch", private: true, type: "module" };
  await writeFile(join(project, "package.json"), JSON.stringify(pkg, null, 2));
  await writeFile(
    join(project, "package-lock.json"),
    JSON.stringify({ name: "scratch", lockfileVersion: 3, requires: true, packages }, null, 2),
  );
}

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
