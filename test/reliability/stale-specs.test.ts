/** `run` from a checkout whose specs/ changed after `generate` warns once that generated/ is stale. */
import { appendFileSync, cpSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { staleSpecsWarning } from "../../src/cli/stale-specs.js";
import { root } from "./bin.js";
import { cli } from "./cli-context.js";

/** A package root with a copy of specs/ and generated/manifest.json. */
function checkout(): string {
  const dir = mkdtempSync(join(tmpdir(), "doku-stale-"));
  cpSync(join(root, "specs"), join(dir, "specs"), { recursive: true });
  mkdirSync(join(dir, "generated"));
  cpSync(join(root, "generated", "manifest.json"), join(dir, "generated", "manifest.json"));
  return dir;
}

describe("stale generated/", () => {
  it("no warning when specs/ matches the manifest, or without specs/ (an installed package)", async () => {
    expect(await staleSpecsWarning(checkout())).toBeUndefined();
    expect(await staleSpecsWarning(mkdtempSync(join(tmpdir(), "doku-installed-")))).toBeUndefined();
  });

  it("run after an edit to specs/ warns once on stderr, naming the file", async () => {
    const dir = checkout();
    appendFileSync(join(dir, "specs", "components", "snap.yaml"), "\n# edited\n");
    const r = await cli(["run", "--operation", "snapCreateVa", "--phase", "examples"], {
      cwd: dir,
      packageRoot: dir,
    });
    expect(r.code).toBe(0);
    expect(r.stderr.trim().split("\n")).toEqual([
      "doku-conformance: warning: specs/ changed since generated/ was built (specs/components/snap.yaml); this run uses the old generated/: run npm run generate",
    ]);
  });
});
