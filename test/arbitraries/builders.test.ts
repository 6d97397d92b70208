/**
 * Laws for each keyword family on tiny inline schemas (table-driven): every valid value and every shrink
 * passes ajv; boundary values pass ajv; every negative fails ajv with exactly its labelled keyword at its
 * labelled pointer; the generator's own checker agrees with ajv; same seed, same values.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  arbitraryOf,
  checkShape,
  compileSchemaRef,
  requestBodyArbitrary,
  requestBodyCases,
} from "../../src/arbitraries/index.js";
import type { JsonSchema } from "../../src/model/schema.js";
import { compileValidators } from "../../src/validation/ajv.js";
import { errorsOf, valuesAndShrinks } from "./helpers.js";

const ISO_OFFSET = "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}[+-][0-9]{2}:[0-9]{2}$";
const X_TIMESTAMP =
  "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{3})?(Z|[+-][0-9]{2}:[0-9]{2})$";
const AMOUNT = "^(0|[1-9][0-9]{0,15})\\.[0-9]{2}$";

const obj = (
  properties: Record<string, JsonSchema>,
  required: string[] = Object.keys(properties),
  extra: JsonSchema = {},
) => ({
  type: "object",
  additionalProperties: false,
  properties,
  required,
  ...extra,
});

const table: [string, JsonSchema][] = [
  ["string lengths", obj({ s: { type: "string", minLength: 3, maxLength: 7 } })],
  [
    "pattern within tighter lengths",
    obj({ s: { type: "string", pattern: "^[0-9]{1,36}$", minLength: 5, maxLength: 20 } }),
  ],
  [
    "space-padded partnerServiceId",
    obj({ s: { type: "string", minLength: 8, maxLength: 8, pattern: "^ {0,7}[0-9]{1,8}$" } }),
  ],
  ["unanchored pattern", obj({ s: { type: "string", pattern: "[A-Z]{2}", maxLength: 6 } })],
  [
    "alternation and groups",
    obj({ s: { type: "string", pattern: "^(VA|QR)-(?:[a-f0-9]{4}|x+)$", maxLength: 9 } }),
  ],
  ["negated class", obj({ s: { type: "string", pattern: '^[^"\\\\]{2,12}$' } })],
  ["email format", obj({ s: { type: "string", format: "email", maxLength: 40 } })],
  ["uri format", obj({ s: { type: "string", format: "uri", maxLength: 60 } })],
  ["date-time format", obj({ s: { type: "string", format: "date-time" } })],
  ["date format", obj({ s: { type: "string", format: "date" } })],
  ["uuid format", obj({ s: { type: "string", format: "uuid" } })],
  ["ipv4 format", obj({ s: { type: "string", format: "ipv4" } })],
  ["ISO-8601 offset", obj({ s: { type: "string", pattern: ISO_OFFSET } })],
  ["X-TIMESTAMP forms", obj({ s: { type: "string", pattern: X_TIMESTAMP } })],
  ["yyyyMMddHHmmss", obj({ s: { type: "string", pattern: "^[0-9]{14}$", description: "yyyyMMddHHmmss" } })],
  ["SNAP amount", obj({ s: { type: "string", minLength: 4, maxLength: 19, pattern: AMOUNT } })],
  ["integer amount", obj({ n: { type: "integer", minimum: 0, maximum: 999999999999 } })],
  [
    "integer multipleOf, exclusive",
    obj({ n: { type: "integer", multipleOf: 5, exclusiveMinimum: 0, maximum: 100 } }),
  ],
  ["number", obj({ n: { type: "number", minimum: 0.5, maximum: 10 } })],
  ["boolean and null", obj({ b: { type: "boolean" }, z: { type: "null" } })],
  ["nullable string", obj({ s: { type: ["string", "null"], maxLength: 3 } })],
  ["enum", obj({ e: { type: "string", enum: ["C", "O", "V"], minLength: 1, maxLength: 1 } })],
  ["const", obj({ c: { const: "IDR" } })],
  [
    "optional fields",
    obj({ a: { type: "string", maxLength: 4 }, b: { type: "integer", minimum: 1, maximum: 9 } }, ["a"]),
  ],
  ["open object", { type: "object", properties: { a: { type: "string", maxLength: 2 } }, required: ["a"] }],
  [
    "additionalProperties schema",
    { type: "object", additionalProperties: { type: "integer" }, properties: { a: { type: "string" } } },
  ],
  [
    "array",
    obj({ xs: { type: "array", items: { type: "string", maxLength: 3 }, minItems: 1, maxItems: 3 } }),
  ],
  [
    "unique enum items",
    obj({ xs: { type: "array", items: { enum: ["a", "b", "c"] }, uniqueItems: true, maxItems: 3 } }),
  ],
  [
    "allOf",
    {
      allOf: [
        { type: "object", required: ["a"], properties: { a: { type: "string", maxLength: 9 } } },
        {
          type: "object",
          required: ["b"],
          properties: { a: { type: "string", minLength: 2 }, b: { type: "integer", maximum: 3 } },
        },
      ],
    },
  ],
  [
    "oneOf",
    obj({
      v: {
        oneOf: [
          { type: "string", maxLength: 3 },
          { type: "integer", minimum: 0 },
        ],
      },
    }),
  ],
  [
    "anyOf",
    obj({
      v: {
        anyOf: [
          { type: "string", minLength: 2 },
          { type: "string", maxLength: 5 },
        ],
      },
    }),
  ],
  [
    "recursive $ref",
    {
      $ref: "#/$defs/Node",
      $defs: {
        Node: obj(
          {
            name: { type: "string", maxLength: 5 },
            children: { type: "array", items: { $ref: "#/$defs/Node" } },
          },
          ["name"],
        ),
      },
    },
  ],
  ["not: {} property", obj({ a: { type: "string" }, gone: { not: {} } }, ["a"])],
  [
    "conflict alternative",
    obj({
      v: {
        type: "string",
        pattern: AMOUNT,
        "x-doku-conflict": {
          id: "c",
          summary: "s",
          sources: [],
          follows: "f",
          why: "w",
          alternative: { type: "string", pattern: "^[0-9]+$" },
        },
      },
    }),
  ],
];

const ref = (name: string, schema: JsonSchema) => ({ key: `inline.${name.replace(/\W+/g, "-")}`, schema });

describe.each(table)("%s", (name, schema) => {
  const validate = compileValidators({ s: schema }).s!;
  const r = ref(name, schema);
  const shape = compileSchemaRef(r, { context: "body", extras: true, depth: 3 });

  it("every valid value and every shrink passes ajv, and the generator's checker agrees", () => {
    const { values, shrinks } = valuesAndShrinks(arbitraryOf(shape), { samples: 60 });
    for (const v of [...values, ...shrinks]) {
      expect(errorsOf(validate, v), JSON.stringify(v)).toEqual([]);
      expect(checkShape(shape, v)).toEqual([]);
    }
  });

  it("boundary values are valid", () => {
    for (const b of requestBodyCases(r, [], "boundary")) {
      expect(b.expect).toEqual({ kind: "accept" });
      expect(errorsOf(validate, b.value), b.label).toEqual([]);
    }
  });

  it("each negative fails exactly its labelled keyword at its labelled pointer", () => {
    const negatives = requestBodyCases(r, [], "negative");
    expect(negatives.length).toBeGreaterThan(0);
    for (const n of negatives) {
      if (n.expect.kind !== "reject") throw new Error("negative without reject");
      expect(errorsOf(validate, n.value), n.label).toEqual([
        { keyword: n.expect.rule, pointer: n.expect.pointer },
      ]);
      expect(checkShape(shape, n.value)).toEqual([{ keyword: n.expect.rule, pointer: n.expect.pointer }]);
    }
  });

  it("negative shrinks keep their label true", () => {
    const { values, shrinks } = valuesAndShrinks(requestBodyArbitrary(r, [], "negative"), {
      samples: 40,
      perLevel: 4,
      depth: 2,
    });
    for (const n of [...values, ...shrinks]) {
      if (n.expect.kind !== "reject") throw new Error("negative without reject");
      expect(errorsOf(validate, n.value), n.label).toEqual([
        { keyword: n.expect.rule, pointer: n.expect.pointer },
      ]);
    }
  });

  it("same seed, same values", () => {
    const arb = requestBodyArbitrary(r, [], "valid");
    expect(fc.sample(arb, { seed: 5, numRuns: 30 })).toEqual(fc.sample(arb, { seed: 5, numRuns: 30 }));
  });
});

describe("strings", () => {
  const schema = obj({ s: { type: "string", maxLength: 40 } });
  const shape = compileSchemaRef(ref("text", schema), { context: "body", extras: false, depth: 2 });
  const texts = fc.sample(arbitraryOf(shape), { seed: 3, numRuns: 2000 }).map((v) => (v as { s: string }).s);

  it("are mostly printable ASCII, with some non-ASCII, never control characters", () => {
    const ascii = texts.filter((t) => /^[\x20-\x7e]*$/.test(t));
    expect(ascii.length / texts.length).toBeGreaterThan(0.7);
    expect(texts.some((t) => [...t].some((ch) => ch.codePointAt(0)! > 0x7f))).toBe(true);
    expect(texts.some((t) => /\p{Extended_Pictographic}/u.test(t))).toBe(true);
    expect(texts.filter((t) => /\p{Cc}/u.test(t))).toEqual([]);
  });

  it("count code points, as ajv does (an emoji is one character)", () => {
    const exact = compileSchemaRef(
      ref("exact", obj({ s: { type: "string", minLength: 10, maxLength: 10 } })),
      {
        context: "body",
        extras: false,
        depth: 2,
      },
    );
    const values = fc
      .sample(arbitraryOf(exact), { seed: 4, numRuns: 3000 })
      .map((v) => (v as { s: string }).s);
    expect(values.some((v) => v.length > 10)).toBe(true);
    for (const v of values) expect([...v].length).toBe(10);
  });

  it("in headers are printable ASCII without surrounding spaces", () => {
    const headerSchema = {
      type: "object",
      required: ["A", "B"],
      properties: {
        A: { type: "string", maxLength: 30 },
        B: { type: "string", pattern: "^[^,]+$", maxLength: 30 },
      },
    };
    const headers = compileSchemaRef(ref("headers", headerSchema), {
      context: "header",
      extras: false,
      depth: 2,
    });
    for (const h of fc.sample(arbitraryOf(headers), { seed: 6, numRuns: 1000 }) as Record<string, string>[]) {
      for (const v of Object.values(h)) {
        expect(v).toMatch(/^[\x20-\x7e]*$/);
        expect(v).toBe(v.trim());
      }
    }
  });
});
