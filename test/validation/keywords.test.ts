import { describe, expect, it } from "vitest";
import type { JsonSchema } from "../../src/model/schema.js";
import { validateRequest } from "../../src/validation/index.js";
import { inline } from "./fixtures.js";

interface Row {
  schema: JsonSchema;
  body: unknown;
  want: { pointer: string; rule: string; expected: unknown; actual: unknown; message: string };
}

const customer = (name: JsonSchema): JsonSchema => ({
  type: "object",
  properties: { customer: { type: "object", properties: { name } } },
});

const table: [string, Row][] = [
  [
    "maxLength -> limit and observed length",
    {
      schema: customer({ type: "string", maxLength: 64 }),
      body: { customer: { name: "a".repeat(65) } },
      want: {
        pointer: "/customer/name",
        rule: "maxLength",
        expected: 64,
        actual: 65,
        message: "customer.name is 65 characters; DOKU allows at most 64",
      },
    },
  ],
  [
    "minLength on an empty string",
    {
      schema: customer({ type: "string", minLength: 1 }),
      body: { customer: { name: "" } },
      want: {
        pointer: "/customer/name",
        rule: "minLength",
        expected: 1,
        actual: 0,
        message: "customer.name is empty; DOKU requires at least 1",
      },
    },
  ],
  [
    "minLength above 1",
    {
      schema: customer({ type: "string", minLength: 3 }),
      body: { customer: { name: "ab" } },
      want: {
        pointer: "/customer/name",
        rule: "minLength",
        expected: 3,
        actual: 2,
        message: "customer.name is 2 characters; DOKU requires at least 3",
      },
    },
  ],
  [
    "pattern -> the pattern and the value",
    {
      schema: { type: "object", properties: { amount: { type: "string", pattern: "^[0-9]+\\.[0-9]{2}$" } } },
      body: { amount: "10" },
      want: {
        pointer: "/amount",
        rule: "pattern",
        expected: "^[0-9]+\\.[0-9]{2}$",
        actual: "10",
        message: 'amount is "10", which does not match the pattern ^[0-9]+\\.[0-9]{2}$',
      },
    },
  ],
  [
    "format -> the format name",
    {
      schema: { type: "object", properties: { email: { type: "string", format: "email" } } },
      body: { email: "not-an-email" },
      want: {
        pointer: "/email",
        rule: "format",
        expected: "email",
        actual: "not-an-email",
        message: 'email is "not-an-email", which is not a valid email',
      },
    },
  ],
  [
    "enum -> the allowed list",
    {
      schema: { type: "object", properties: { trxType: { type: "string", enum: ["C", "O", "V"] } } },
      body: { trxType: "1" },
      want: {
        pointer: "/trxType",
        rule: "enum",
        expected: ["C", "O", "V"],
        actual: "1",
        message: 'trxType is "1"; DOKU allows one of "C", "O", "V"',
      },
    },
  ],
  [
    "const -> the constant",
    {
      schema: { type: "object", properties: { currency: { const: "IDR" } } },
      body: { currency: "USD" },
      want: {
        pointer: "/currency",
        rule: "const",
        expected: "IDR",
        actual: "USD",
        message: 'currency is "USD"; DOKU expects "IDR"',
      },
    },
  ],
  [
    "type -> expected type and the type seen",
    {
      schema: { type: "object", properties: { amount: { type: "integer" } } },
      body: { amount: "100" },
      want: {
        pointer: "/amount",
        rule: "type",
        expected: "integer",
        actual: "string",
        message: "amount is a string; DOKU expects an integer",
      },
    },
  ],
  [
    "type of a missing body",
    {
      schema: { type: "object" },
      body: undefined,
      want: {
        pointer: "",
        rule: "type",
        expected: "object",
        actual: "absent",
        message: "the body is absent; DOKU expects an object",
      },
    },
  ],
  [
    "required -> pointer of the missing property",
    {
      schema: { type: "object", properties: { order: { type: "object", required: ["invoice_number"] } } },
      body: { order: {} },
      want: {
        pointer: "/order/invoice_number",
        rule: "required",
        expected: "invoice_number",
        actual: "absent",
        message: "order.invoice_number is missing; DOKU requires it",
      },
    },
  ],
  [
    "additionalProperties -> pointer of the extra property, allowed names expected",
    {
      schema: { type: "object", additionalProperties: false, properties: { a: {}, b: {} } },
      body: { a: 1, c: 2 },
      want: {
        pointer: "/c",
        rule: "additionalProperties",
        expected: ["a", "b"],
        actual: "c",
        message: "c is not a field DOKU documents here; fields allowed here: a, b",
      },
    },
  ],
  [
    "maximum",
    {
      schema: { type: "object", properties: { amount: { type: "integer", maximum: 999999999999 } } },
      body: { amount: 1000000000000 },
      want: {
        pointer: "/amount",
        rule: "maximum",
        expected: 999999999999,
        actual: 1000000000000,
        message: "amount is 1000000000000; DOKU allows at most 999999999999",
      },
    },
  ],
  [
    "minimum",
    {
      schema: { type: "object", properties: { amount: { type: "integer", minimum: 0 } } },
      body: { amount: -1 },
      want: {
        pointer: "/amount",
        rule: "minimum",
        expected: 0,
        actual: -1,
        message: "amount is -1; DOKU allows at least 0",
      },
    },
  ],
  [
    "maxItems, array index in the dotted path",
    {
      schema: {
        type: "object",
        properties: {
          items: {
            type: "array",
            items: { type: "object", properties: { tags: { type: "array", maxItems: 1 } } },
          },
        },
      },
      body: { items: [{ tags: [1, 2] }] },
      want: {
        pointer: "/items/0/tags",
        rule: "maxItems",
        expected: 1,
        actual: 2,
        message: "items[0].tags has 2 items; DOKU allows at most 1",
      },
    },
  ],
  [
    "escaped pointer tokens",
    {
      schema: { type: "object", properties: { "a/b": { type: "string", maxLength: 1 } } },
      body: { "a/b": "xy" },
      want: {
        pointer: "/a~1b",
        rule: "maxLength",
        expected: 1,
        actual: 2,
        message: '["a/b"] is 2 characters; DOKU allows at most 1',
      },
    },
  ],
];

describe("ajv keyword -> violation", () => {
  it.each(table)("%s", (_name, { schema, body, want }) => {
    const violations = validateRequest(inline({ body: schema }), { body });
    expect(violations).toEqual([
      {
        operationId: "testOp",
        direction: "request",
        check: "schema",
        source: "op-source.txt",
        severity: "error",
        ...want,
      },
    ]);
  });

  it("truncates long observed values", () => {
    const schema = { type: "object", properties: { note: { type: "string", pattern: "^[0-9]*$" } } };
    const [v] = validateRequest(inline({ body: schema }), { body: { note: "x".repeat(500) } });
    expect(typeof v?.actual).toBe("string");
    expect([...String(v?.actual)]).toHaveLength(80);
    expect(v?.actual).toMatch(/…$/);
    expect(v?.message.length).toBeLessThan(200);
  });

  it("reports a valid body as no violations", () => {
    expect(
      validateRequest(inline({ body: customer({ type: "string", maxLength: 3 }) }), {
        body: { customer: { name: "abc" } },
      }),
    ).toEqual([]);
  });

  it("never repeats the same (pointer, rule)", () => {
    const schema = {
      type: "object",
      properties: {
        name: {
          allOf: [
            { type: "string", maxLength: 3 },
            { type: "string", maxLength: 2 },
          ],
        },
      },
    };
    const violations = validateRequest(inline({ body: schema }), { body: { name: "abcd" } });
    expect(violations.map((v) => `${v.pointer} ${v.rule}`)).toEqual(["/name maxLength"]);
  });
});
