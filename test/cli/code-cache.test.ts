import { spawnSync } from "node:child_process";
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { codeCacheDir } from "../../conformance/code-cache.js";
import { root } from "../reliability/bin.js";

const work = mkdtempSync(join(tmpdir(), "code-cache-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let files = 0;
/** A CommonJS file that uses what Node's wrapper gives a module. */
function script(body = "module.exports.answer = () => 42;"): string {
  const file = join(work, `script-${++files}.cjs`);
  writeFileSync(
    file,
    `const { basename } = require("node:path");\nexports.name = basename(__filename);\nexports.dir = __dirname;\n${body}\n`,
  );
  return file;
}

const cacheFiles = (dir: string) => readdirSync(dir).filter((f) => f.endsWith(".bin"));

/**
 * Loads `file` through requireCached in a fresh process (V8 keeps compiled scripts per process, so a second
 * load in this one would never read the cache), calls its `answer()`, and saves the cache when `save`.
 */
function load(file: string, dir: string | undefined, label = "run", save = true) {
  const program = `
    import { requireCached } from ${JSON.stringify(join(root, "conformance/code-cache.ts"))};
    const loaded = requireCached(${JSON.stringify(file)}, ${JSON.stringify(dir ?? null)} ?? undefined, ${JSON.stringify(label)});
    const result = { status: loaded.status, file: loaded.file ?? null, answer: loaded.exports.answer(), name: loaded.exports.name, dir: loaded.exports.dir };
    if (${save}) loaded.save();
    process.stdout.write(JSON.stringify(result));`;
  const child = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", program], {
    cwd: root,
    encoding: "utf8",
  });
  if (child.status !== 0) throw new Error(child.stderr);
  return JSON.parse(child.stdout) as {
    status: string;
    file: string | null;
    answer: number;
    name: string;
    dir: string;
  };
}

describe("requireCached", () => {
  it("runs the file as Node's loader would, writes the cache once, and runs from it next time", () => {
    const dir = join(work, "cache-a");
    const file = script();
    const first = load(file, dir);
    expect(first).toMatchObject({ status: "absent", answer: 42, name: file.split("/").pop(), dir: work });
    expect(cacheFiles(dir)).toHaveLength(1);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(first.file as string).mode & 0o777).toBe(0o600);
    expect(load(file, dir)).toMatchObject({ status: "used", answer: 42 });
    // Each label has its own cache.
    expect(load(file, dir, "help").status).toBe("absent");
    expect(cacheFiles(dir)).toHaveLength(2);
  });

  it("compiles from source when V8 refuses the cache, and rewrites it", () => {
    const dir = join(work, "cache-b");
    const file = script();
    const first = load(file, dir);
    writeFileSync(first.file as string, Buffer.alloc(4096, 7));
    expect(load(file, dir)).toMatchObject({ status: "rejected", answer: 42 });
    expect(load(file, dir).status).toBe("used");
  });

  it("keys the cache by the source: an edited file starts afresh and the old cache is removed", () => {
    const dir = join(work, "cache-c");
    const file = script();
    load(file, dir);
    const before = cacheFiles(dir);
    // Same length: V8 itself would take the old cache and run the old code.
    writeFileSync(file, readFileSync(file, "utf8").replace("42", "43"));
    expect(load(file, dir)).toMatchObject({ status: "absent", answer: 43 });
    const after = cacheFiles(dir);
    expect(after).toHaveLength(1);
    expect(after).not.toEqual(before);
  });

  it("with caching off, reads and writes nothing", () => {
    expect(load(script(), undefined)).toMatchObject({ status: "off", file: null, answer: 42 });
  });

  it.skipIf(typeof process.getuid !== "function")(
    "never reads or writes a directory other users can write to",
    () => {
      const dir = join(work, "cache-d");
      const file = script();
      load(file, dir);
      expect(cacheFiles(dir)).toHaveLength(1);
      chmodSync(dir, 0o777);
      expect(load(file, dir, "run", false)).toMatchObject({ status: "absent", answer: 42 });
      rmSync(join(dir, cacheFiles(dir)[0] as string));
      load(file, dir);
      expect(cacheFiles(dir)).toEqual([]);
    },
  );

  it("a save into an unwritable place is silent", () => {
    const blocked = join(work, "not-a-dir");
    writeFileSync(blocked, "");
    expect(load(script(), join(blocked, "cache"))).toMatchObject({ status: "absent", answer: 42 });
  });
});

describe("codeCacheDir", () => {
  it("is DOKU_CONFORMANCE_CODE_CACHE, off, or the XDG cache home", () => {
    expect(codeCacheDir({ DOKU_CONFORMANCE_CODE_CACHE: "/x/y" })).toBe("/x/y");
    expect(codeCacheDir({ DOKU_CONFORMANCE_CODE_CACHE: "off" })).toBeUndefined();
    expect(codeCacheDir({ XDG_CACHE_HOME: "/c" })).toBe("/c/doku-conformance");
    expect(codeCacheDir({})).toBe(join(homedir(), ".cache", "doku-conformance"));
  });
});

describe("the bin", () => {
  it("runs a command from source first and from its cache next, with the same result", () => {
    const dir = join(work, "bin-cache");
    mkdirSync(dir, { mode: 0o700 });
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("DOKU_")));
    const validate = () =>
      spawnSync(
        process.execPath,
        [
          join(root, "bin/doku-conformance.js"),
          "validate",
          "--debug",
          "--operation",
          "snapCreateVa",
          "--request",
          "-",
        ],
        {
          env: { ...env, DOKU_CONFORMANCE_CODE_CACHE: dir },
          input: '{"partnerServiceId":"  888994"}',
          encoding: "utf8",
        },
      );
    const first = validate();
    const second = validate();
    expect(first.stderr).toMatch(/code cache absent/);
    expect(second.stderr).toMatch(/code cache used/);
    expect(second.status).toBe(first.status);
    expect(second.stdout).toBe(first.stdout);
    expect(first.stdout).toMatch(/required/);
    expect(cacheFiles(dir)).toEqual([expect.stringMatching(/^cli_cjs-validate-[0-9a-f]{24}\.bin$/)]);
  });
});
