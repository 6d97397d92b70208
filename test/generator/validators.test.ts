/**
 * The generated validators module counts string lengths in code points as ajv does, through a faster
 * counter for strings without surrogates (src/generator/validators.ts).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { validatorsModule } from "../../src/generator/validators.js";
import type { CompiledValidator } from "../../src/model/index.js";

const ajvCount = createRequire(import.meta.url)("ajv/dist/runtime/ucs2length").default as (
  s: string,
) => number;
const dir = mkdtempSync(join(tmpdir(), "validators-module-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const source = validatorsModule(
  {
    short: { type: "string", minLength: 2, maxLength: 3 },
    nested: { type: "object", properties: { name: { type: "string", maxLength: 1 } } },
  },
  "// test\n",
);
const file = join(dir, "validators.mjs");
// Written outside the repository: ajv is required from here, as generated/validators.js requires it.
writeFileSync(
  file,
  source.replace("createRequire(import.meta.url)", `createRequire(${JSON.stringify(import.meta.url)})`),
);
const { validators } = (await import(pathToFileURL(file).href)) as {
  validators: Record<string, CompiledValidator>;
};

// Code units that make ajv's count differ from .length: surrogate pairs, lone high and low surrogates.
const unit = fc.oneof(
  fc.constantFrom("a", "é", "\u{1F600}", "\uD83D", "\uDE00", "\u0000", "\u212A"),
  fc.string({ unit: "binary", maxLength: 2 }),
);
const text = fc.array(unit, { maxLength: 5 }).map((parts) => parts.join(""));

describe("generated validators module", () => {
  it("no longer requires ajv's counter directly, and keeps it for strings with surrogates", () => {
    expect(source).not.toMatch(/const func\d+ = require\("ajv\/dist\/runtime\/ucs2length"\)\.default;/);
    expect(source).toContain("surrogate.test(s) ? exact(s) : s.length");
  });

  it("law: minLength / maxLength decide as ajv's code-point count does", () => {
    fc.assert(
      fc.property(text, (s) => {
        const n = ajvCount(s);
        expect(validators.short?.(s)).toBe(n >= 2 && n <= 3);
        expect(validators.nested?.({ name: s })).toBe(n <= 1);
      }),
      { numRuns: 2000 },
    );
  });
});
