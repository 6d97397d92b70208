/** Impossible or unsupported schemas and rules are rejected when the arbitrary is built, naming the pointer. */
import { describe, expect, it } from "vitest";
import { caseArbitrary, compileSchemaRef, requestBodyArbitrary } from "../../src/arbitraries/index.js";
import { SpecError } from "../../src/model/errors.js";
import type { DokuRule, Operation } from "../../src/model/operation.js";
import type { JsonSchema } from "../../src/model/schema.js";

const compile = (schema: JsonSchema) => () =>
  compileSchemaRef({ key: "t.request.body", schema }, { context: "body", extras: false, depth: 2 });

const cases: [string, JsonSchema, RegExp, string][] = [
  [
    "minLength > maxLength",
    { type: "string", minLength: 5, maxLength: 2 },
    /minLength 5 > maxLength 2/,
    "t.request.body#",
  ],
  [
    "pattern incompatible with lengths",
    { type: "object", properties: { d: { type: "string", pattern: "^[0-9]{14}$", maxLength: 10 } } },
    /cannot produce a string of length 0\.\.10/,
    "t.request.body#/properties/d",
  ],
  ["unsupported regex", { type: "string", pattern: "^(?=x)x$" }, /lookaround/, "t.request.body#/pattern"],
  [
    "unresolvable $ref",
    { type: "object", properties: { a: { $ref: "#/$defs/Nope" } } },
    /\$ref #\/\$defs\/Nope cannot be resolved/,
    "#/properties/a",
  ],
  ["external $ref", { $ref: "other.yaml#/x" }, /cannot be resolved/, "t.request.body#"],
  [
    "enum value violating its schema",
    { type: "string", maxLength: 2, enum: ["ok", "toolong"] },
    /"toolong" violates its own schema \(maxLength\)/,
    "#/enum/1",
  ],
  [
    "const violating its schema",
    { type: "integer", minimum: 1, const: 0 },
    /const value 0 violates/,
    "#/const",
  ],
  [
    "unsupported keyword",
    { type: "object", patternProperties: { "^x": {} } },
    /keyword "patternProperties" is not supported/,
    "#/patternProperties",
  ],
  ["general not", { type: "string", not: { maxLength: 2 } }, /"not" is supported only as not: \{\}/, "#/not"],
  [
    "unsupported format",
    { type: "string", format: "hostname" },
    /format "hostname" is not supported/,
    "t.request.body#",
  ],
  [
    "format too long for maxLength",
    { type: "string", format: "uuid", maxLength: 10 },
    /format "uuid" cannot produce/,
    "t.request.body#",
  ],
  [
    "integer bounds",
    { type: "integer", minimum: 3, maximum: 3.5, multipleOf: 2 },
    /no integer satisfies/,
    "t.request.body#",
  ],
  [
    "minItems > maxItems",
    { type: "array", minItems: 3, maxItems: 1 },
    /minItems 3 > maxItems 1/,
    "t.request.body#",
  ],
  [
    "required recursion beyond the depth budget",
    {
      $ref: "#/$defs/N",
      $defs: { N: { type: "object", required: ["n"], properties: { n: { $ref: "#/$defs/N" } } } },
    },
    /depth budget 2/,
    "#/$defs/N",
  ],
  [
    "allOf with additionalProperties: false and foreign properties",
    {
      allOf: [
        { type: "object", additionalProperties: false, properties: { a: { type: "string" } } },
        { type: "object", properties: { b: { type: "string" } } },
      ],
    },
    /additionalProperties: false, so ajv rejects properties of other branches \(b\)/,
    "t.request.body#",
  ],
  [
    "required but additionalProperties false",
    { type: "object", additionalProperties: false, required: ["x"] },
    /"x" is required but not in properties/,
    "t.request.body#",
  ],
];

describe("SpecError at build time", () => {
  it.each(cases)("%s", (_name, schema, message, pointer) => {
    expect(compile(schema)).toThrow(SpecError);
    expect(compile(schema)).toThrow(message);
    try {
      compile(schema)();
    } catch (e) {
      expect((e as SpecError).pointer).toContain(pointer);
    }
  });
});

const body = {
  type: "object",
  required: ["psid", "no", "va"],
  properties: {
    psid: { type: "string", minLength: 8, maxLength: 8, pattern: "^[0-9]{8}$" },
    no: { type: "string", minLength: 10, maxLength: 20, pattern: "^[0-9]+$" },
    va: { type: "string", maxLength: 12 },
    kind: { type: "string", enum: ["A", "B"] },
  },
};
const rule = (r: Partial<DokuRule> & Pick<DokuRule, "kind">): DokuRule => ({
  id: "x-doku-test",
  in: "request",
  description: "d",
  source: "s",
  ...r,
});

describe("rules that cannot hold with the schema", () => {
  const ref = { key: "t.request.body", schema: body };
  it.each([
    [
      "concat parts longer than the target",
      rule({ kind: "concat", target: "/va", parts: ["/psid", "/no"] }),
      /join to 18 characters, over \/va maxLength 12/,
    ],
    [
      "enum-by allowing nothing valid",
      rule({ kind: "enum-by", field: "/kind", by: "/psid", allowed: { "12345678": ["C"] } }),
      /no value allowed for \/psid = 12345678 passes the schema of \/kind/,
    ],
    [
      "minimum-if on a field no valid value of which meets the bound",
      rule({
        kind: "minimum-if",
        field: "/kind",
        exclusiveMinimum: 0,
        when: { pointer: "/psid", present: true },
      }),
      /no value passes both the schema of \/kind and the rule's bound/,
    ],
    [
      "minimum-if without a bound",
      rule({ kind: "minimum-if", field: "/no", when: { pointer: "/psid", present: true } }),
      /exactly one of "exclusiveMinimum", "minimum"/,
    ],
    ["unknown kind", rule({ kind: "nope" as DokuRule["kind"] }), /unknown kind "nope"/],
    [
      "malformed parameter",
      rule({ kind: "lte", left: "no-slash", right: "/no" }),
      /parameter "left" must be a JSON pointer/,
    ],
    [
      "pointer outside the body",
      rule({ kind: "lte", left: "/missing", right: "/no" }),
      /left and right must be body fields/,
    ],
  ])("%s", (_name, r, message) => {
    expect(() => requestBodyArbitrary(ref, [r])).toThrow(SpecError);
    expect(() => requestBodyArbitrary(ref, [r])).toThrow(message);
  });

  it("caseArbitrary rejects an operation whose schema is impossible before generating anything", () => {
    const op: Operation = {
      id: "broken",
      kind: "path",
      method: "POST",
      path: "/x",
      auth: "nonsnap-hmac",
      source: "s",
      deprecated: false,
      summary: "",
      pointer: "#/paths/~1x/post",
      request: {
        body: { key: "broken.request.body", schema: { type: "string", minLength: 3, maxLength: 1 } },
        examples: [],
      },
      responses: [],
      rules: [],
      conflicts: [],
    };
    expect(() => caseArbitrary(op, "valid")).toThrow(/minLength 3 > maxLength 1 \(broken.request.body#\)/);
  });

  it("rejects rules no sample can be repaired to meet (the build-time probe: 0 of 50)", () => {
    const schema = {
      type: "object",
      required: ["high", "low"],
      properties: {
        high: { type: "string", pattern: "^[5-9][0-9]$" },
        low: { type: "string", pattern: "^0[0-9]$" },
      },
    };
    // Every high is 50-99 and every low 0-9: neither swapping nor copying can make high <= low.
    const build = () =>
      requestBodyArbitrary({ key: "t.request.body", schema }, [
        rule({ kind: "lte", left: "/high", right: "/low" }),
      ]);
    expect(build).toThrow(SpecError);
    expect(build).toThrow(
      /x-doku-rules x-doku-test cannot all hold on values of this schema \(0 of 50 repaired\)/,
    );
  });
});
