/**
 * Runs the command line's CommonJS bundle (dist/cli/cli.cjs) from a V8 code cache, as Node 22's
 * `module.enableCompileCache()` does (this package supports Node 20, which has none): the first run of a
 * command compiles the bundle as usual and, when it is done, writes the bytecode V8 compiled on the way; the
 * next runs of that command skip parsing and compiling it (docs/benchmarks.md, "Seventh pass"). V8 checks a
 * cache against its own version, its flags and the source's length only, and compiles from source when it
 * does not fit (the file is then rewritten); a source edited to the same length would run the old bytecode,
 * so the cache's file name carries a hash of the source's content.
 *
 * Where: `DOKU_CONFORMANCE_CODE_CACHE` (a directory, or `off`), else `$XDG_CACHE_HOME/doku-conformance` or
 * `~/.cache/doku-conformance`. A cache is executable code, so a directory another user could write to is never
 * read or written (POSIX: it must be ours, a real directory, and not group- or world-writable). Any failure to
 * read or write a cache is silent: the command runs from source.
 */
import { createHash } from "node:crypto";
import { lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { homedir } from "node:os";
import { basename, dirname, join } from "node:path";
import vm from "node:vm";

/** What happened to the cache: read and used, read and refused by V8, none found, or caching is off. */
export type CacheStatus = "used" | "rejected" | "absent" | "off";

export interface CachedModule<T> {
  exports: T;
  status: CacheStatus;
  /** The cache file (undefined when caching is off). */
  file: string | undefined;
  /** Writes the cache when it was absent or refused; call when the command is done. Never throws. */
  save(): void;
}

/** The cache directory the environment asks for; undefined for `off`. */
export function codeCacheDir(env: NodeJS.ProcessEnv): string | undefined {
  const set = env.DOKU_CONFORMANCE_CODE_CACHE;
  if (set === "off") return undefined;
  if (set !== undefined && set !== "") return set;
  const base =
    env.XDG_CACHE_HOME !== undefined && env.XDG_CACHE_HOME !== ""
      ? env.XDG_CACHE_HOME
      : join(homedir(), ".cache");
  return join(base, "doku-conformance");
}

/**
 * Loads a CommonJS file as Node's loader would (same wrapper, its own `require`), compiled from the cache
 * in `dir` when there is a fitting one. `label` names the cache beside the source's hash (the CLI passes the
 * command: each command caches what it compiled). Node's version is in the hash, so two Node versions
 * sharing a directory keep two files instead of refusing each other's.
 */
export function requireCached<T>(file: string, dir: string | undefined, label: string): CachedModule<T> {
  const source = readFileSync(file, "utf8");
  const name = basename(file).replace(/\W/g, "_");
  const key = createHash("sha256").update(process.version).update(process.arch).update(source).digest("hex");
  const safe = dir !== undefined && ownDirectory(dir);
  // This label's caches, of any source: the current one ends in this source's hash.
  const prefix = `${name}-${label.replace(/[^a-z0-9-]/gi, "_")}-`;
  const cacheFile = dir === undefined ? undefined : join(dir, `${prefix}${key.slice(0, 24)}.bin`);
  let cachedData: Buffer | undefined;
  if (safe && cacheFile !== undefined) {
    try {
      cachedData = readFileSync(cacheFile);
    } catch {
      cachedData = undefined;
    }
  }
  const wrapper = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new vm.Script(wrapper, { filename: file, ...(cachedData ? { cachedData } : {}) });
  const status: CacheStatus =
    dir === undefined
      ? "off"
      : cachedData === undefined
        ? "absent"
        : script.cachedDataRejected
          ? "rejected"
          : "used";
  const module = { exports: {} as T };
  (script.runInThisContext() as (...args: unknown[]) => void).call(
    module.exports,
    module.exports,
    createRequire(file),
    module,
    file,
    dirname(file),
  );
  let saved = false;
  return {
    exports: module.exports,
    status,
    file: cacheFile,
    save() {
      if (saved || cacheFile === undefined || dir === undefined || status === "used") return;
      saved = true;
      try {
        mkdirSync(dir, { recursive: true, mode: 0o700 });
        if (!ownDirectory(dir)) return;
        const temporary = `${cacheFile}.${process.pid}.tmp`;
        writeFileSync(temporary, script.createCachedData(), { mode: 0o600 });
        renameSync(temporary, cacheFile);
        // Caches of this label for other sources (an earlier build) are of no further use.
        for (const entry of readdirSync(dir))
          if (entry.startsWith(prefix) && join(dir, entry) !== cacheFile && entry.endsWith(".bin"))
            rmSync(join(dir, entry), { force: true });
      } catch {
        // A cache is an optimisation: a read-only or full disk leaves the command as it was.
      }
    },
  };
}

/** A real directory of this user that no other user can write to (always true where uids do not exist). */
function ownDirectory(dir: string): boolean {
  try {
    const stat = lstatSync(dir);
    if (!stat.isDirectory()) return false;
    if (typeof process.getuid !== "function") return true;
    return stat.uid === process.getuid() && (stat.mode & 0o022) === 0;
  } catch {
    return false;
  }
}
