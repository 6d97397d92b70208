/**
 * `--output-dir` is checked before anything is sent: a probe file is written there (creating the missing
 * directories) and everything the probe made is removed again. A file in the way, a read-only or virtual file system (/proc) is a usage error (exit 2) in one
 * line, not a run that cannot save its reports.
 */
import { mkdir, rm, rmdir, stat, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { UsageError } from "../model/errors.js";

/** Resolves when `dir` (relative to `cwd`) can hold the reports; UsageError naming the reason otherwise. */
export async function requireWritableDir(cwd: string, dir: string, flag = "--output-dir"): Promise<void> {
  const path = resolve(cwd, dir);
  const probe = join(path, `.doku-conformance-probe-${process.pid}`);
  const created: string[] = [];
  try {
    await makeDirs(path, created);
    await writeFile(probe, "", { flag: "wx" });
  } catch (error) {
    const code = (error as { code?: string }).code ?? (error as Error).message;
    throw new UsageError(
      `${flag} ${dir} cannot hold the reports (${code}): ${REASONS[code] ?? "pass a writable directory"}`,
    );
  } finally {
    await rm(probe, { force: true }).catch(() => {});
    // Leave the tree as it was: the reporters create the directory when they write into it.
    for (const dir of created.reverse()) await rmdir(dir).catch(() => {});
  }
}

/**
 * `mkdir -p` one level at a time: Node's recursive mkdir loops forever under /proc (the parent "exists",
 * the child "has no parent"), so each missing level is made on its own and the first failure is final.
 */
async function makeDirs(path: string, created: string[]): Promise<void> {
  const missing: string[] = [];
  let at = path;
  while ((await stat(at).catch(() => undefined)) === undefined && dirname(at) !== at) {
    missing.unshift(at);
    at = dirname(at);
  }
  for (const dir of missing) {
    await mkdir(dir);
    created.push(dir);
  }
}

const REASONS: Record<string, string> = {
  ENOTDIR: "a file is in the way; pass a directory",
  EEXIST: "a file is in the way; pass a directory",
  EACCES: "it is not writable; pass a writable directory",
  EPERM: "it is not writable; pass a writable directory",
  EROFS: "the file system is read-only; pass a writable directory",
  ENOENT: "it cannot be created there; pass a writable directory",
};
