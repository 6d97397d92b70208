/** `x-doku-conflict`: warning when the other source's `alternative` accepts the value, or when there is none. */
import { describe, expect, it } from "vitest";
import { hasErrors, SpecError } from "../../src/model/index.js";
import type { JsonSchema } from "../../src/model/schema.js";
import { validateRequest } from "../../src/validation/index.js";
import { inline } from "./fixtures.js";

const trxType: JsonSchema = {
  type: "string",
  enum: ["C", "O", "V"],
  "x-doku-conflict": {
    id: "va-trx-type-numeric",
    summary: 'BNI inquiry sample uses "1"; the field table says C/O/V',
    sources: [
      { source: "002.txt", says: "field table: C, O, V" },
      { source: "002.txt", says: 'DIPC sample: "1"' },
    ],
    follows: "field table",
    why: "the table is normative",
    alternative: { type: "string", enum: ["1"] },
  },
};

const noAlternative: JsonSchema = {
  type: "string",
  pattern: "^[0-9]{14}$",
  "x-doku-conflict": {
    id: "date-format",
    summary: "described ISO8601 but sampled yyyyMMddHHmmss",
    sources: [],
    follows: "sample",
    why: "x",
  },
};

const amount: JsonSchema = {
  type: "object",
  properties: {
    value: { type: "string", pattern: "^(0|[1-9][0-9]{0,15})\\.[0-9]{2}$" },
    currency: { const: "IDR" },
  },
  "x-doku-conflict": {
    id: "amount-without-decimals",
    summary: 'samples send "12500" without decimals',
    sources: [],
    follows: "two decimals",
    why: "x",
    alternative: { type: "object", properties: { value: { type: "string", pattern: "^[0-9]+$" } } },
  },
};

const op = inline({
  body: { type: "object", properties: { trxType, date: noAlternative, amount } },
});

describe("x-doku-conflict", () => {
  it("a value the alternative accepts is a warning naming the other source", () => {
    const violations = validateRequest(op, { body: { trxType: "1" } });
    expect(violations).toMatchObject([
      {
        pointer: "/trxType",
        rule: "enum",
        severity: "warning",
        conflict: {
          id: "va-trx-type-numeric",
          alternative: 'BNI inquiry sample uses "1"; the field table says C/O/V',
        },
      },
    ]);
    expect(violations[0]?.message).toContain("x-doku-conflict va-trx-type-numeric");
    expect(hasErrors(violations)).toBe(false);
  });

  it("a value the alternative rejects stays an error", () => {
    const violations = validateRequest(op, { body: { trxType: "2" } });
    expect(violations).toMatchObject([{ pointer: "/trxType", rule: "enum", severity: "error" }]);
    expect(violations[0]?.conflict).toBeUndefined();
  });

  it("without an alternative any finding on the field is a warning", () => {
    const violations = validateRequest(op, { body: { date: "2024-01-01T00:00:00Z" } });
    expect(violations).toMatchObject([
      { pointer: "/date", rule: "pattern", severity: "warning", conflict: { id: "date-format" } },
    ]);
  });

  it("a conflict on an ancestor covers its fields (alternative checked on the ancestor's value)", () => {
    expect(validateRequest(op, { body: { amount: { value: "12500", currency: "IDR" } } })).toMatchObject([
      {
        pointer: "/amount/value",
        rule: "pattern",
        severity: "warning",
        conflict: { id: "amount-without-decimals" },
      },
    ]);
    expect(validateRequest(op, { body: { amount: { value: "12,500", currency: "IDR" } } })).toMatchObject([
      { pointer: "/amount/value", rule: "pattern", severity: "error" },
    ]);
  });

  it("a missing field is an error even when the field's own conflict has no alternative", () => {
    const required = inline({
      body: { type: "object", required: ["date"], properties: { date: noAlternative } },
    });
    expect(validateRequest(required, { body: {} })).toMatchObject([
      { pointer: "/date", rule: "required", severity: "error" },
    ]);
  });

  it.each([
    [false, "error"],
    [true, "warning"],
  ])("alternative: %s -> %s", (alternative, severity) => {
    const field = {
      type: "string",
      maxLength: 2,
      "x-doku-conflict": { id: "c", summary: "s", sources: [], follows: "f", why: "w", alternative },
    };
    const o = inline({ body: { type: "object", properties: { f: field } } });
    expect(validateRequest(o, { body: { f: "abc" } })).toMatchObject([
      { pointer: "/f", rule: "maxLength", severity },
    ]);
  });

  it("--strict turns conflict warnings into errors", () => {
    const violations = validateRequest(op, { body: { trxType: "1" } }, { strict: true });
    expect(violations).toMatchObject([{ severity: "error", conflict: { id: "va-trx-type-numeric" } }]);
    expect(hasErrors(violations)).toBe(true);
  });

  it("an alternative that does not compile is a SpecError naming the conflict", () => {
    const bad = inline({
      body: {
        type: "object",
        properties: {
          x: {
            type: "string",
            maxLength: 1,
            "x-doku-conflict": {
              id: "broken-alt",
              summary: "s",
              sources: [],
              follows: "f",
              why: "w",
              alternative: { type: "strin" },
            },
          },
        },
      },
    });
    expect(() => validateRequest(bad, { body: { x: "ab" } })).toThrow(SpecError);
    expect(() => validateRequest(bad, { body: { x: "ab" } })).toThrow(/broken-alt/);
  });
});
