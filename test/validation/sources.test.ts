/** `source`: the deepest `x-doku-source` on the way to the failing keyword, else the operation's. */
import { describe, expect, it } from "vitest";
import type { JsonSchema } from "../../src/model/schema.js";
import { validateRequest } from "../../src/validation/index.js";
import { inline } from "./fixtures.js";

const schema: JsonSchema = {
  type: "object",
  "x-doku-source": "root.txt",
  properties: {
    plain: { type: "string", maxLength: 1 },
    customer: {
      type: "object",
      "x-doku-source": "customer.txt",
      required: ["email"],
      properties: {
        name: { type: "string", maxLength: 2 },
        email: { type: "string", "x-doku-source": "email.txt" },
        phone: { type: "string", maxLength: 2, "x-doku-source": "phone.txt" },
      },
    },
    amount: { $ref: "#/$defs/Amount", "x-doku-source": "amount-use.txt" },
    items: { type: "array", items: { $ref: "#/$defs/Amount" } },
  },
  $defs: {
    Amount: {
      type: "object",
      properties: {
        value: { type: "string", pattern: "^[0-9]+$" },
        currency: { type: "string", enum: ["IDR"], "x-doku-source": "currency.txt" },
      },
    },
  },
};

const table: [string, unknown, string, string][] = [
  ["nearest ancestor: the root", { plain: "ab" }, "/plain", "root.txt"],
  ["nearest ancestor: customer", { customer: { email: "x", name: "abc" } }, "/customer/name", "customer.txt"],
  ["the field's own source", { customer: { email: "x", phone: "123" } }, "/customer/phone", "phone.txt"],
  ["a missing property's own source", { customer: {} }, "/customer/email", "email.txt"],
  ["through $ref: the referencing property", { amount: { value: "x" } }, "/amount/value", "amount-use.txt"],
  ["inside $defs: the def's field", { amount: { currency: "USD" } }, "/amount/currency", "currency.txt"],
  ["array items through $ref", { items: [{ value: "1" }, { value: "y" }] }, "/items/1/value", "root.txt"],
];

describe("violation source", () => {
  it.each(table)("%s", (_name, body, pointer, source) => {
    const violations = validateRequest(inline({ body: schema }), { body });
    expect(violations.map((v) => [v.pointer, v.source])).toEqual([[pointer, source]]);
  });

  it("falls back to the operation's source", () => {
    const op = inline({
      body: { type: "object", properties: { a: { type: "integer" } } },
      source: "https://developers.doku.com/x",
    });
    expect(validateRequest(op, { body: { a: "1" } })[0]?.source).toBe("https://developers.doku.com/x");
  });
});
