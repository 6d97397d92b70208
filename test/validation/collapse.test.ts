/** oneOf / anyOf / if produce one finding a merchant can act on, not every branch's failures. */
import { describe, expect, it } from "vitest";
import type { JsonSchema } from "../../src/model/schema.js";
import { validateRequest } from "../../src/validation/index.js";
import { inline } from "./fixtures.js";

const urlParam: JsonSchema = {
  oneOf: [
    { type: "object", required: ["url"], properties: { url: { type: "string", maxLength: 5 } } },
    { type: "array", items: { type: "object" } },
  ],
};

const body: JsonSchema = {
  type: "object",
  properties: {
    urlParam,
    refs: { anyOf: [{ $ref: "#/$defs/Code" }, { type: "integer" }] },
    kind: {
      type: "object",
      if: { properties: { type: { const: "OPEN" } }, required: ["type"] },
      // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then keyword
      then: { required: ["min"] },
    },
    either: { oneOf: [{ type: "string" }, { type: "string", maxLength: 3 }] },
  },
  $defs: { Code: { type: "string", pattern: "^[A-Z]{3}$" } },
};

const op = inline({ body });
const found = (b: unknown) => validateRequest(op, { body: b }).map((v) => `${v.pointer} ${v.rule}`);

describe("composite keywords collapse", () => {
  it("oneOf: the branch the value meant (same type) reports its own error", () => {
    expect(found({ urlParam: { url: "https://x" } })).toEqual(["/urlParam/url maxLength"]);
  });

  it("oneOf: no plausible branch -> one oneOf finding", () => {
    expect(found({ urlParam: "x" })).toEqual(["/urlParam oneOf"]);
  });

  it("oneOf: more than one branch matches -> one oneOf finding", () => {
    const [v] = validateRequest(op, { body: { either: "ab" } });
    expect(v).toMatchObject({ pointer: "/either", rule: "oneOf", actual: [0, 1] });
  });

  it("anyOf through a $ref branch: the string branch's pattern", () => {
    expect(found({ refs: "abc" })).toEqual(["/refs pattern"]);
  });

  it("anyOf with no plausible branch", () => {
    expect(found({ refs: true })).toEqual(["/refs anyOf"]);
  });

  it("if/then: the then failure, without the if echo", () => {
    expect(found({ kind: { type: "OPEN" } })).toEqual(["/kind/min required"]);
  });
});
