/** A schema-invalid spec is exit 2 naming the spec file, line and pointer, not an "internal error" (exit 3). */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { root } from "./bin.js";
import { cli } from "./cli-context.js";

/** A copy of specs/ with `from` replaced by `to` once in components/snap.yaml; returns the copy's root. */
function brokenSpecs(from: RegExp, to: string): string {
  const dir = mkdtempSync(join(tmpdir(), "doku-badspec-"));
  cpSync(join(root, "specs"), join(dir, "specs"), { recursive: true });
  const file = join(dir, "specs", "components", "snap.yaml");
  const text = readFileSync(file, "utf8");
  expect(text).toMatch(from);
  writeFileSync(file, text.replace(from, to));
  return dir;
}

describe("generate: a schema-invalid spec", () => {
  it.each([
    [/maxLength: 19\n/, 'maxLength: "abc"\n', /maxLength: "abc" must be integer/],
    [/type: string\n/, "type: strin\n", /type: "strin" must be equal to one of the allowed values/],
  ])(
    "%s -> %s: exit 2 with file, line and pointer",
    async (from, to, words) => {
      const dir = brokenSpecs(from, to);
      const r = await cli(["generate", "--specs", "specs/doku.yaml", "--out", "generated"], { cwd: dir });
      expect(r.code).toBe(2);
      const lines = r.stderr.trim().split("\n");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(words);
      expect(lines[0]).toMatch(
        / in specs\/components\/snap\.yaml:\d+ \(specs\/components\/snap\.yaml#\/[^ ]+\)$/,
      );
      expect(lines[0]).not.toMatch(/internal error/);
    },
    60_000,
  );
});
