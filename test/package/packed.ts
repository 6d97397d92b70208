/**
 * The package as a user receives it, for the tests in test/package: a copy of the checkout is built and
 * packed (prepack), and the tarball installed offline into a scratch project. The copy keeps the
 * checkout's dist/ untouched while other test files spawn bin/doku-conformance.js.
 */
import { type SpawnSyncReturns, spawnSync } from "node:child_process";
import { cp, mkdir, mkdtemp, readdir, readFile, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** The checkout this test tree belongs to. */
export const ROOT = join(import.meta.dirname, "..", "..");

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

export interface Manifest {
  version: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}

export interface Packed {
  /** Temporary directory holding everything below (remove it afterwards). */
  work: string;
  /** The copy of the checkout that was packed. */
  pkgDir: string;
  /** The scratch project with only the tarball (and its runtime dependencies) installed. */
  project: string;
  manifest: Manifest;
}

export function sh(command: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
}

export function ok(result: SpawnSyncReturns<string>, what: string): string {
  if (result.status !== 0)
    throw new Error(`${what} exited ${result.status}\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/** Packs a copy of the checkout and installs the tarball offline into a fresh scratch project. */
export async function packAndInstall(prefix: string): Promise<Packed> {
  const work = await mkdtemp(join(tmpdir(), prefix));
  const pkgDir = join(work, "package");
  const project = join(work, "scratch");
  for (const input of INPUTS) await cp(join(ROOT, input), join(pkgDir, input), { recursive: true });
  await symlink(join(ROOT, "node_modules"), join(pkgDir, "node_modules"), "dir");
  const manifest = JSON.parse(await readFile(join(pkgDir, "package.json"), "utf8")) as Manifest;
  ok(sh("npm", ["pack", "--pack-destination", work], pkgDir), "npm pack (prepack builds dist/)");
  await mkdir(project);
  await seedScratchProject(project);
  const tarball = (await readdir(work)).find((f) => f.endsWith(".tgz"));
  if (tarball === undefined) throw new Error(`npm pack wrote no tarball into ${work}`);
  ok(
    sh("npm", ["install", "--offline", "--no-audit", "--no-fund", join(work, tarball)], project),
    "npm install --offline <tarball>",
  );
  return { work, pkgDir, project, manifest };
}

/**
 * npm 11 resolves a new dependency from full packuments, while `npm ci` caches only abbreviated ones; so
 * the scratch project starts with a lockfile holding the runtime dependency tree (the checkout's non-dev
 * entries, same pinned versions), as a consumer's lockfile would, and the install resolves nothing online.
 */
async function seedScratchProject(project: string): Promise<void> {
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
