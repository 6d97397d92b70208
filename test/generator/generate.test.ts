import { mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { checkGenerated, generateFiles, writeGenerated } from "../../src/generator/index.js";
import { SpecError } from "../../src/model/errors.js";
import type { Operation, ValidatorSet } from "../../src/model/operation.js";
import { compileValidators } from "../../src/validation/ajv.js";

const ROOT = `openapi: 3.1.0
info: {title: t, version: "1", license: {name: MIT, identifier: MIT}}
paths:
  /va:
    $ref: ./create.yaml
webhooks:
  inq:
    $ref: ./inq.yaml
`;
const CREATE = `post:
  operationId: createIt
  x-doku-auth: snap-symmetric
  x-doku-source: op.txt
  x-doku-service-code: "27"
  x-doku-rules:
    - {id: x-doku-min-lte-max, kind: lte, in: request, left: /min, right: /max, description: d, source: s}
  parameters:
    - $ref: ./c.yaml#/parameters/Ts
  requestBody:
    content:
      application/json:
        schema:
          type: object
          required: [name, amount]
          properties:
            name: {type: string, maxLength: 4, x-doku-source: field.txt}
            amount: {$ref: ./c.yaml#/schemas/Amount}
        examples:
          one: {summary: first, value: {name: ab, amount: {value: "1.00", currency: IDR}}}
  responses:
    "200":
      description: ok
      x-doku-case-codes: ["00"]
      content:
        application/json:
          schema: {$ref: ./c.yaml#/schemas/Amount}
`;
const INQ = `post:
  operationId: inq
  x-doku-auth: nonsnap-hmac
  x-doku-source: inq.txt
  x-doku-sample-path: /inquiry
  responses:
    "200": {description: ok}
`;
const COMPONENTS = `parameters:
  Ts: {name: X-TIMESTAMP, in: header, required: true, schema: {type: string, pattern: "^[0-9]{4}$"}}
schemas:
  Amount:
    type: object
    required: [value, currency]
    properties:
      value: {type: string, pattern: "^[0-9]+\\\\.[0-9]{2}$"}
      currency: {$ref: "#/schemas/Currency"}
  Currency: {type: string, enum: [IDR]}
`;

// Under the project (gitignored .tmp/) so generated validators resolve ajv like in a real install.
const SCRATCH = fileURLToPath(new URL("../../.tmp/", import.meta.url));

async function fixture(files: Record<string, string> = {}): Promise<string> {
  await mkdir(SCRATCH, { recursive: true });
  const dir = await mkdtemp(join(SCRATCH, "gen-"));
  const all = { "doku.yaml": ROOT, "create.yaml": CREATE, "inq.yaml": INQ, "c.yaml": COMPONENTS, ...files };
  for (const [name, text] of Object.entries(all)) await writeFile(join(dir, name), text);
  return dir;
}

async function load(dir: string): Promise<{ operations: readonly Operation[]; validators: ValidatorSet }> {
  const out = join(dir, "out");
  await mkdir(out, { recursive: true });
  await writeGenerated({ specPath: join(dir, "doku.yaml"), outDir: out });
  const { validators } = (await import(pathToFileURL(join(out, "validators.js")).href)) as {
    validators: ValidatorSet;
  };
  const text = await readFile(join(out, "operations.json"), "utf8");
  return { operations: JSON.parse(text) as Operation[], validators };
}

describe("generate", () => {
  it("builds the operation table for paths and webhooks", async () => {
    const { operations } = await load(await fixture());
    const create = operations.find((o) => o.id === "createIt");
    expect(create).toMatchObject({
      kind: "path",
      method: "POST",
      path: "/va",
      auth: "snap-symmetric",
      serviceCode: "27",
      source: "op.txt",
    });
    expect(create?.request.examples).toEqual([
      { name: "one", summary: "first", value: { name: "ab", amount: { value: "1.00", currency: "IDR" } } },
    ]);
    expect(create?.responses[0]?.caseCodes).toEqual(["00"]);
    expect(create?.rules.map((r) => r.id)).toEqual(["x-doku-min-lte-max"]);
    expect(create?.request.headers?.schema).toMatchObject({ required: ["X-TIMESTAMP"] });
    expect(operations.find((o) => o.id === "inq")).toMatchObject({ kind: "webhook", path: "/inquiry" });
  });

  it("inlines component refs so schema paths resolve from the root", async () => {
    const { operations, validators } = await load(await fixture());
    const body = operations.find((o) => o.id === "createIt")?.request.body;
    expect(JSON.stringify(body?.schema)).not.toContain("$ref");
    const validate = validators["createIt.request.body"];
    expect(validate?.({ name: "abcde", amount: { value: "1", currency: "USD" } })).toBe(false);
    expect(validate?.errors?.map((e) => e.schemaPath)).toEqual([
      "#/properties/name/maxLength",
      "#/properties/amount/properties/value/pattern",
      "#/properties/amount/properties/currency/enum",
    ]);
  });

  it("standalone validators agree with a runtime compile of the same schemas", async () => {
    const { operations, validators } = await load(await fixture());
    const schemas = Object.fromEntries(
      operations
        .flatMap((o) => [o.request.body, o.request.headers, ...o.responses.map((r) => r.body)])
        .flatMap((s) => (s ? [[s.key, s.schema]] : [])),
    );
    const runtime = compileValidators(schemas);
    const inputs = [
      {},
      { name: "ab", amount: { value: "1.00", currency: "IDR" } },
      { name: 7 },
      { value: "x" },
      null,
      "s",
    ];
    for (const key of Object.keys(schemas)) {
      for (const input of inputs) {
        const a = validators[key]?.(input);
        const b = runtime[key]?.(input);
        expect(a, `${key} ${JSON.stringify(input)}`).toBe(b);
        expect(validators[key]?.errors ?? null).toEqual(runtime[key]?.errors ?? null);
      }
    }
  });

  it("reports drift: a changed or missing file is listed, an untouched tree is clean", async () => {
    const dir = await fixture();
    const options = { specPath: join(dir, "doku.yaml"), outDir: join(dir, "out") };
    await writeGenerated(options);
    expect(await checkGenerated(options)).toEqual({ stale: [], missing: [], tables: [] });
    await writeFile(join(dir, "create.yaml"), CREATE.replace("maxLength: 4", "maxLength: 5"));
    const drift = await checkGenerated(options);
    expect(drift.stale).toEqual(
      expect.arrayContaining(["operations.json", "validators/createIt.cjs", "openapi.json", "manifest.json"]),
    );
  });

  it("a validator file no operation produces any more is drift, and generate removes it", async () => {
    const dir = await fixture();
    const options = { specPath: join(dir, "doku.yaml"), outDir: join(dir, "out") };
    await writeGenerated(options);
    await writeFile(join(dir, "out", "validators", "removedOperation.cjs"), "exports.x = 1;\n");
    expect((await checkGenerated(options)).stale).toEqual(["validators/removedOperation.cjs"]);
    await writeGenerated(options);
    expect(await checkGenerated(options)).toEqual({ stale: [], missing: [], tables: [] });
  });

  it("renews the operation table between its markers and reports a table out of step", async () => {
    const dir = await fixture();
    const readme = join(dir, "README.md");
    await writeFile(readme, "# t\n<!-- ops-table:start -->\nold\n<!-- ops-table:end -->\ntail\n");
    const options = { specPath: join(dir, "doku.yaml"), outDir: join(dir, "out"), tableFiles: [readme] };
    expect((await checkGenerated(options)).tables).toEqual([readme]);
    expect((await writeGenerated(options)).tables).toEqual([readme]);
    const text = await readFile(readme, "utf8");
    expect(text).toMatch(/^# t\n<!-- ops-table:start -->\n<!-- generated by/);
    expect(text).toContain("| untagged | `createIt` | POST /va | op.txt | partial: (no x-doku-coverage) |");
    expect(text.endsWith("<!-- ops-table:end -->\ntail\n")).toBe(true);
    expect(await checkGenerated(options)).toEqual({ stale: [], missing: [], tables: [] });
    await writeFile(
      join(dir, "create.yaml"),
      CREATE.replace("x-doku-source: op.txt", "x-doku-source: other.txt"),
    );
    expect((await checkGenerated(options)).tables).toEqual([readme]);
  });

  it("rejects a table file without markers", async () => {
    const dir = await fixture();
    const readme = join(dir, "README.md");
    await writeFile(readme, "# no markers\n");
    const run = checkGenerated({
      specPath: join(dir, "doku.yaml"),
      outDir: join(dir, "out"),
      tableFiles: [readme],
    });
    await expect(run).rejects.toThrow(/no <!-- ops-table:start -->/);
  });

  it.each([
    ["no operationId", CREATE.replace("operationId: createIt", "summary: x"), /no operationId/],
    [
      "no x-doku-source",
      CREATE.replace("x-doku-source: op.txt", "x-doku-sample-path: /x"),
      /no x-doku-source/,
    ],
    ["unknown auth", CREATE.replace("snap-symmetric", "magic"), /x-doku-auth must be one of/],
    ["unknown rule kind", CREATE.replace("kind: lte", "kind: maybe"), /unknown kind "maybe"/],
  ])("rejects a spec with %s", async (_name, create, message) => {
    const dir = await fixture({ "create.yaml": create });
    const run = generateFiles({ specPath: join(dir, "doku.yaml"), outDir: join(dir, "out") });
    await expect(run).rejects.toBeInstanceOf(SpecError);
    await expect(run).rejects.toThrow(message);
  });

  it("rejects a recursive schema", async () => {
    const recursive = `${COMPONENTS}  Node: {type: object, properties: {next: {$ref: "#/schemas/Node"}}}\n`;
    const create = CREATE.replace(
      "$ref: ./c.yaml#/schemas/Amount}\n        examples",
      "$ref: ./c.yaml#/schemas/Node}\n        examples",
    );
    const dir = await fixture({ "c.yaml": recursive, "create.yaml": create });
    await expect(
      generateFiles({ specPath: join(dir, "doku.yaml"), outDir: join(dir, "out") }),
    ).rejects.toThrow(/recursive schema/);
  });
});
