/** `validate` through runCli with a fake CliContext and an inline bundle (no generated/ needed). */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { CliContext } from "../../src/cli/context.js";
import { runCli } from "../../src/cli/main.js";
import type { SpecBundle } from "../../src/model/index.js";
import { inline } from "../validation/fixtures.js";

const body = {
  type: "object",
  required: ["customer"],
  properties: {
    customer: {
      type: "object",
      properties: {
        name: { type: "string", maxLength: 64 },
        type: {
          type: "string",
          enum: ["C"],
          "x-doku-conflict": {
            id: "type-numeric",
            summary: 'a sample sends "1"',
            sources: [],
            follows: "table",
            why: "w",
            alternative: { enum: ["1"] },
          },
        },
      },
    },
  },
};

const payment = inline({
  id: "dokuVaCreatePaymentCode",
  source: "001_44e08f0c3a01f949.txt",
  body,
  responses: [
    { status: "400", body: { type: "object" } },
    { status: "201", body: { type: "object", required: ["order"] } },
    { status: "200", body: { type: "object" } },
  ],
});
const inquiry = inline({
  id: "dokuVaInquiry",
  responses: [{ status: "200", body: { type: "object", required: ["order"] } }],
});
const bundle: SpecBundle = {
  operations: [payment.operation, { ...inquiry.operation, kind: "webhook" }],
  validators: { ...payment.validators, ...inquiry.validators },
  document: {},
};

const dir = mkdtempSync(join(tmpdir(), "validate-cli-"));
const file = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return name;
};
const good = file("good.json", JSON.stringify({ customer: { name: "Budi" } }));
const long = file("long.json", JSON.stringify({ customer: { name: "a".repeat(65) } }));
const conflict = file("conflict.json", JSON.stringify({ customer: { type: "1" } }));
const bad = file("bad.json", '{\n  "customer": {\n    "name": "x",\n  }\n}');

async function cli(args: string[], stdin = "") {
  let stdout = "";
  let stderr = "";
  const ctx: CliContext = {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    readStdin: async () => stdin,
    env: {},
    cwd: dir,
    isTTY: false,
    loadBundle: async () => bundle,
    packageRoot: dir,
    signal: new AbortController().signal,
  };
  const code = await runCli(["validate", ...args], ctx);
  return { code, stdout, stderr };
}

const op = ["--operation", "dokuVaCreatePaymentCode"];

describe("validate command", () => {
  it("a valid request: exit 0, last line valid", async () => {
    const r = await cli([...op, "--request", good]);
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(r.stdout.trimEnd().split("\n").at(-1)).toBe("valid");
  });

  it("text lists pointer, rule, expected, actual, message, source, severity and a count", async () => {
    const r = await cli([...op, "--request", long]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      [
        "dokuVaCreatePaymentCode request: long.json",
        "error    /customer/name  maxLength  expected 64, actual 65",
        "         customer.name is 65 characters; DOKU allows at most 64",
        "         source: 001_44e08f0c3a01f949.txt",
        "1 error, 0 warnings",
        "",
      ].join("\n"),
    );
  });

  it("json is exactly {valid, violations} with the CONTRACT violation shape", async () => {
    const r = await cli([...op, "--request", long, "--format", "json"]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual({
      valid: false,
      violations: [
        {
          operationId: "dokuVaCreatePaymentCode",
          direction: "request",
          check: "schema",
          pointer: "/customer/name",
          rule: "maxLength",
          expected: 64,
          actual: 65,
          message: "customer.name is 65 characters; DOKU allows at most 64",
          source: "001_44e08f0c3a01f949.txt",
          severity: "error",
        },
      ],
    });
  });

  it("conflict warnings leave the body valid; --strict makes them errors", async () => {
    const lenient = await cli([...op, "--request", conflict, "--format", "json"]);
    expect(lenient.code).toBe(0);
    expect(JSON.parse(lenient.stdout)).toMatchObject({
      valid: true,
      violations: [{ severity: "warning", conflict: { id: "type-numeric" } }],
    });
    const text = await cli([...op, "--request", conflict]);
    expect(text.stdout).toContain("conflict type-numeric: a sample sends");
    expect(text.stdout.trimEnd().split("\n").at(-1)).toBe("valid (1 warning)");
    const strict = await cli([...op, "--request", conflict, "--strict", "--format", "json"]);
    expect(strict.code).toBe(1);
    expect(JSON.parse(strict.stdout)).toMatchObject({ valid: false, violations: [{ severity: "error" }] });
  });

  it("reads - from stdin", async () => {
    expect((await cli([...op, "--request", "-"], JSON.stringify({ customer: {} }))).code).toBe(0);
  });

  it("--status defaults to the first documented 2xx (201 here)", async () => {
    const r = await cli([...op, "--response", good]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("dokuVaCreatePaymentCode response 201: good.json");
    expect(r.stdout).toContain("/order  required");
    expect((await cli([...op, "--response", good, "--status", "200"])).code).toBe(0);
  });

  it("an undocumented --status is a status-code violation", async () => {
    const r = await cli([...op, "--response", good, "--status", "502", "--format", "json"]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).violations).toMatchObject([
      { rule: "status-code", actual: 502, expected: ["400", "201", "200"] },
    ]);
  });

  it("webhooks: --response validates the merchant's answer", async () => {
    const r = await cli(["--operation", "dokuVaInquiry", "--response", good]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("dokuVaInquiry response 200 (the merchant's answer): good.json");
  });

  it.each([
    [
      "unknown operation",
      ["--operation", "dokuVaCreatePaymentcode", "--request", good],
      /unknown operation "dokuVaCreatePaymentcode"; did you mean dokuVaCreatePaymentCode\?/,
    ],
    [
      "unreadable file",
      [...op, "--request", "missing.json"],
      /cannot read --request file "missing.json" \(ENOENT\)/,
    ],
    [
      "malformed JSON",
      [...op, "--request", bad],
      /bad\.json: malformed JSON at line 4, column 3: unexpected "}", expected a string/,
    ],
    [
      "both --request and --response",
      [...op, "--request", good, "--response", good],
      /either --request or --response, not both/,
    ],
    ["neither", op, /pass --request <file\|-> or --response <file\|->/],
    [
      "--status without --response",
      [...op, "--request", good, "--status", "200"],
      /--status applies to --response only/,
    ],
    ["bad --status", [...op, "--response", good, "--status", "2xx"], /--status must be an HTTP status code/],
    ["bad --format", [...op, "--request", good, "--format", "xml"], /--format must be text or json/],
    ["no --operation", ["--request", good], /validate needs --operation <id>/],
    ["unknown flag", [...op, "--request", good, "--bogus"], /bogus/],
  ])("%s: exit 2 with one line on stderr", async (_name, args, message) => {
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
  });

  it("empty stdin is malformed JSON", async () => {
    const r = await cli([...op, "--request", "-"], "");
    expect(r).toMatchObject({ code: 2 });
    expect(r.stderr).toMatch(/<stdin>: malformed JSON at line 1, column 1: empty input/);
  });
});
