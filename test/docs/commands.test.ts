/**
 * The `docs diff` and `spec diff` commands: --help, exit codes 0/1/2, one-line errors, and the JSON outputs
 * validated against the schemas docs/docs-diff.md documents (read from the doc itself).
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli, ROOT, removeScratch, scratch } from "./cli.js";
import { edit, seedText, toMarkdown } from "./fixtures.js";

afterAll(removeScratch);

const doc = readFileSync(join(ROOT, "docs", "docs-diff.md"), "utf8");
const schemas = [...doc.matchAll(/```json\n([\s\S]*?)\n```/g)].map((m) => JSON.parse(m[1] as string));
const ajv = new Ajv2020({ allErrors: true, strict: false });
const validateDocs = ajv.compile(schemas.find((s) => s.title === "docs diff report"));
const validateSpec = ajv.compile(schemas.find((s) => s.title === "spec diff report"));

const P001 = "001_44e08f0c3a01f949.txt" as const;
let dir = "";
const page = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

beforeAll(() => {
  mkdirSync(join(ROOT, ".tmp"), { recursive: true });
  dir = scratch("docs-commands");
});

describe("docs diff", () => {
  it("--help prints the usage and exits 0; bare `docs` exits 2", async () => {
    expect(await cli(["docs", "diff", "--help"])).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^Usage: doku-conformance docs diff <page>/),
    });
    expect((await cli(["docs"])).code).toBe(2);
  });

  it("a seed page: exit 0, JSON matching the documented schema", async () => {
    const r = await cli(["docs", "diff", page("001.md", toMarkdown(P001)), "--format", "json"]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(validateDocs(report), JSON.stringify(validateDocs.errors)).toBe(true);
    expect(report.summary.drift).toBe(0);
    expect(report.items.length).toBeGreaterThan(0);
  });

  it("a mutated page: exit 1, the JSON matches the schema, the text names page line and spec line", async () => {
    const path = page("001-mutated.txt", edit(seedText(P001), 73, "Max length: 64", "Max length: 70"));
    const json = await cli(["docs", "diff", path, "--format", "json"]);
    expect(json.code).toBe(1);
    expect(validateDocs(JSON.parse(json.stdout)), JSON.stringify(validateDocs.errors)).toBe(true);
    const text = await cli(["docs", "diff", path]);
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(
      /^DRIFT .*001-mutated\.txt:73 dokuVaCreatePaymentCode customer\.name length \(maxLength\): doc 70, spec 64 -> specs\/[\w/-]+\.yaml:[0-9]+$/m,
    );
  });

  it.each([
    [["docs", "diff"], /docs diff needs at least one page file/],
    [["docs", "diff", "no-such-page.md"], /cannot read no-such-page\.md: ENOENT/],
    [["docs", "diff", "x", "--format", "xml"], /--format must be text or json/],
    [["docs", "frob"], /unknown docs subcommand "frob"/],
  ])("%j: exit 2, one line", async (args, message) => {
    const r = await cli(args as string[]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
  });

  it("a page it cannot map: exit 2 saying why", async () => {
    const r = await cli(["docs", "diff", page("other.txt", "Other page\nnothing\n")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /cannot map .*other\.txt: not a DOKU page the kit knows .*pass --operation <id>/,
    );
  });
});

describe("spec diff", () => {
  it("--help prints the usage and exits 0", async () => {
    expect(await cli(["spec", "diff", "--help"])).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^Usage: doku-conformance spec diff <old> <new>/),
    });
  });

  it("the specs against themselves (a directory and a git ref): exit 0, nothing changed, JSON matches the schema", async () => {
    const r = await cli(["spec", "diff", "HEAD", "specs", "--format", "json"]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(validateSpec(report), JSON.stringify(validateSpec.errors)).toBe(true);
    expect(report.changes).toEqual([]);
  });

  it.each([
    [["spec", "diff", "specs"], /spec diff needs two inputs/],
    [["spec", "diff", "no-such-ref-xyz", "specs"], /no-such-ref-xyz is neither a spec file nor a git ref/],
  ])("%j: exit 2, one line", async (args, message) => {
    const r = await cli(args as string[]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
  });
});
