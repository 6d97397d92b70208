/**
 * A corrupted file in generated/ is exit 2 naming the file and saying to run `npm run generate`, not a crash;
 * the bundled document (openapi.json) is read when first needed, so the error comes from where it is needed.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { loadSpecBundleFrom } from "../../conformance/bundle.js";
import { UsageError } from "../../src/model/errors.js";
import { root } from "./bin.js";
import { cli } from "./cli-context.js";

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function corrupted(file: string, text: string): URL {
  // Inside the package, so generated/validators.js still finds ajv's runtime in node_modules.
  mkdirSync(join(root, "node_modules", ".cache"), { recursive: true });
  const dir = mkdtempSync(join(root, "node_modules", ".cache", "doku-gen-"));
  made.push(dir);
  cpSync(join(root, "generated"), dir, { recursive: true });
  writeFileSync(join(dir, file), text);
  return pathToFileURL(`${dir}/`);
}

describe("corrupted generated/", () => {
  it.each([
    ["openapi.json", '{"openapi": "3.1.0", '],
    ["validators.js", "export const validators = {\n"],
    ["operations.json", "42\n"],
    ["validators/snapCreateVa.cjs", "exports.x = {\n"],
  ])("%s: exit 2 naming the file and npm run generate", async (file, text) => {
    const dir = corrupted(file, text);
    const r = await cli(["run", "--phase", "examples"], {
      cwd: tmpdir(),
      loadBundle: () => loadSpecBundleFrom(dir),
    });
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      new RegExp(`generated/${file.replaceAll(".", "\\.")} cannot be loaded .*run npm run generate`),
    );
  });
});

describe("the bundled document is read when first needed", () => {
  it("a corrupt openapi.json loads the bundle; asking for the document is the exit-2 error", async () => {
    const bundle = await loadSpecBundleFrom(corrupted("openapi.json", '{"openapi": '));
    expect(bundle.operations.length).toBeGreaterThan(0);
    expect(() => bundle.document).toThrow(UsageError);
    expect(() => bundle.document).toThrow(/generated\/openapi\.json cannot be loaded .*run npm run generate/);
  });

  it("an intact one is parsed once: the same object each time", async () => {
    const bundle = await loadSpecBundleFrom(pathToFileURL(`${join(root, "generated")}/`));
    const first = bundle.document;
    expect(first.openapi).toMatch(/^3\.1/);
    expect(bundle.document).toBe(first);
  });
});
