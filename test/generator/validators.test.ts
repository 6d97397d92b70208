/**
 * The generated validators module counts string lengths in code points as ajv does, through a faster
 * counter for strings without surrogates (src/generator/validators.ts).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { validatorsModules } from "../../src/generator/validators.js";
import type { CompiledValidator } from "../../src/model/index.js";

const requireHere = createRequire(import.meta.url);
const ajvCount = requireHere("ajv/dist/runtime/ucs2length").default as (s: string) => number;
const dir = mkdtempSync(join(tmpdir(), "validators-module-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const files = validatorsModules(
  {
    "short.body": { type: "string", minLength: 2, maxLength: 3 },
    "nested.body": { type: "object", properties: { name: { type: "string", maxLength: 1 } } },
    "nested.headers": { type: "object", properties: { "X-A": { type: "string", minLength: 1 } } },
  },
  "// test\n",
);
const source = [...files].map(([, content]) => content).join("\n");
mkdirSync(join(dir, "validators"));
// Written outside the repository: ajv is required by its absolute path, as generated/ requires it by name.
const ajvPath = (spec: string) => JSON.stringify(requireHere.resolve(spec));
for (const [name, content] of files) {
  writeFileSync(
    join(dir, name),
    content.replace(/require\("(ajv[^"]*)"\)/g, (_m, spec: string) => `require(${ajvPath(spec)})`),
  );
}
const { validators } = (await import(pathToFileURL(join(dir, "validators.js")).href)) as {
  validators: Record<string, CompiledValidator>;
};

// Code units that make ajv's count differ from .length: surrogate pairs, lone high and low surrogates.
const unit = fc.oneof(
  fc.constantFrom("a", "é", "\u{1F600}", "\uD83D", "\uDE00", "\u0000", "\u212A"),
  fc.string({ unit: "binary", maxLength: 2 }),
);
const text = fc.array(unit, { maxLength: 5 }).map((parts) => parts.join(""));

describe("generated validators module", () => {
  it("one CommonJS file per operation, and an index listing every key", () => {
    expect([...files.keys()].sort()).toEqual([
      "validators.js",
      "validators/nested.cjs",
      "validators/short.cjs",
    ]);
    expect(Object.keys(validators).sort()).toEqual(["nested.body", "nested.headers", "short.body"]);
  });

  it("loads an operation's file on first use only, then keeps the function", () => {
    const loaded = (group: string) => join(dir, "validators", `${group}.cjs`) in requireHere.cache;
    expect([loaded("nested"), loaded("short")]).toEqual([false, false]);
    const first = validators["nested.headers"];
    expect(typeof first).toBe("function");
    expect(first?.({ "X-A": "" })).toBe(false);
    expect([loaded("nested"), loaded("short")]).toEqual([true, false]);
    expect(validators["nested.headers"]).toBe(first);
    expect(Object.getOwnPropertyDescriptor(validators, "nested.headers")?.value).toBe(first);
  });

  it("no longer requires ajv's counter directly, and keeps it for strings with surrogates", () => {
    expect(source).not.toMatch(/const func\d+ = require\("ajv\/dist\/runtime\/ucs2length"\)\.default;/);
    expect(source).toContain("surrogate.test(s) ? exact(s) : s.length");
  });

  it("law: minLength / maxLength decide as ajv's code-point count does", () => {
    fc.assert(
      fc.property(text, (s) => {
        const n = ajvCount(s);
        expect(validators["short.body"]?.(s)).toBe(n >= 2 && n <= 3);
        expect(validators["nested.body"]?.({ name: s })).toBe(n <= 1);
      }),
      { numRuns: 2000 },
    );
  });
});
