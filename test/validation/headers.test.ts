/** Headers, both directions: names match case-insensitively; pointers read /headers/<schema spelling>. */
import { describe, expect, it } from "vitest";
import type { JsonSchema } from "../../src/model/schema.js";
import { validateRequest, validateResponse } from "../../src/validation/index.js";
import { inline } from "./fixtures.js";

const headers: JsonSchema = {
  type: "object",
  required: ["X-TIMESTAMP", "Authorization"],
  properties: {
    "X-TIMESTAMP": { type: "string", pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}T", "x-doku-source": "ts.txt" },
    Authorization: { type: "string", pattern: "^Bearer [A-Za-z0-9._-]+$" },
    "Client-Id": { type: "string", maxLength: 5 },
  },
};

const op = inline({ headers, responses: [{ status: "200", headers }] });
const good = { "x-timestamp": "2024-03-19T14:39:01+07:00", authorization: "Bearer abc.def" };

describe("header validation", () => {
  it("matches names case-insensitively", () => {
    expect(validateRequest(op, { headers: good })).toEqual([]);
    expect(
      validateRequest(op, {
        headers: { "X-Timestamp": good["x-timestamp"], AUTHORIZATION: good.authorization },
      }),
    ).toEqual([]);
  });

  it("reports a missing header with the schema's spelling", () => {
    expect(validateRequest(op, { headers: { authorization: good.authorization } })).toEqual([
      {
        operationId: "testOp",
        direction: "request",
        check: "headers",
        pointer: "/headers/X-TIMESTAMP",
        rule: "required",
        expected: "X-TIMESTAMP",
        actual: "absent",
        message: "header X-TIMESTAMP is missing; DOKU requires it",
        source: "ts.txt",
        severity: "error",
      },
    ]);
  });

  it('validates values; repeated values are joined with ", "', () => {
    expect(validateRequest(op, { headers: { ...good, "client-id": ["abc", "def"] } })).toMatchObject([
      {
        pointer: "/headers/Client-Id",
        rule: "maxLength",
        expected: 5,
        actual: 8,
        message: "header Client-Id is 8 characters; DOKU allows at most 5",
      },
    ]);
  });

  it("validates response headers too", () => {
    expect(
      validateResponse(op, {
        status: 200,
        headers: { "x-timestamp": "yesterday", authorization: good.authorization },
      }),
    ).toMatchObject([
      { direction: "response", check: "headers", pointer: "/headers/X-TIMESTAMP", rule: "pattern" },
    ]);
  });

  it("never shows a credential header's value", () => {
    const [v] = validateRequest(op, { headers: { ...good, Authorization: "Basic c2VjcmV0" } });
    expect(v).toMatchObject({ pointer: "/headers/Authorization", rule: "pattern", actual: "<redacted>" });
    expect(JSON.stringify(v)).not.toContain("c2VjcmV0");
  });

  it("skips headers when none are given", () => {
    expect(validateRequest(op, {})).toEqual([]);
  });
});
