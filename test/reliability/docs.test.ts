/**
 * Docs that say what is true: the README's validate examples name files in the repository that validate;
 * every name a doc imports from "doku-conformance" is exported; no doc cites files the repository lacks.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import * as entry from "../../conformance/index.js";
import { root } from "./bin.js";
import { cli } from "./cli-context.js";

const readme = readFileSync(join(root, "README.md"), "utf8");
const docs = readdirSync(join(root, "docs")).map(
  (f) => [f, readFileSync(join(root, "docs", f), "utf8")] as const,
);

describe("docs that do not lie", () => {
  const examples = [...readme.matchAll(/^npx doku-conformance (validate [^#\n]+)/gm)].map((m) =>
    (m[1] as string).trim(),
  );

  it("the README has validate examples", () => {
    expect(examples.length).toBeGreaterThan(0);
  });

  it.each(examples)("README: `%s` names shipped files and passes", async (line) => {
    const argv = line.split(/\s+/);
    for (const [i, arg] of argv.entries())
      if (argv[i - 1] === "--request" || argv[i - 1] === "--response")
        expect(existsSync(join(root, arg))).toBe(true);
    const r = await cli(argv, { cwd: root });
    expect(r).toMatchObject({ code: 0, stderr: "" });
  });

  it.each([...docs, ["README.md", readme] as const])("%s imports only exported names", (_file, text) => {
    for (const m of text.matchAll(/import \{([^}]+)\} from "doku-conformance"/g)) {
      const names = (m[1] as string)
        .split(",")
        .map((n) => n.trim().replace(/^type /, ""))
        .filter(Boolean);
      for (const name of names) expect(Object.keys(entry), name).toContain(name);
    }
  });

  it.each(docs)("%s cites no CONTRACT.md or research/ file (not in the repository)", (_file, text) => {
    expect(text).not.toMatch(/CONTRACT\.md|research\/[a-z-]+\.md/);
  });

  it("internal helper notes are not shipped", () => {
    expect(existsSync(join(root, "docs", "HELPERS.md"))).toBe(false);
  });
});
