/** validateRequest / validateResponse: status selection, path parameters, misuse errors, lookup. */
import { describe, expect, it } from "vitest";
import { SpecError, UsageError } from "../../src/model/index.js";
import {
  closeMatches,
  operationValidation,
  selectResponse,
  validateRequest,
  validateResponse,
} from "../../src/validation/index.js";
import { inline } from "./fixtures.js";

const op = inline({
  path: {
    type: "object",
    required: ["invoiceNumber"],
    properties: { invoiceNumber: { type: "string", maxLength: 4 } },
  },
  responses: [
    { status: "200", body: { type: "object", required: ["ok"] } },
    { status: "4XX", body: { type: "object", required: ["error"] } },
    { status: "default", body: { type: "object", required: ["anything"] } },
  ],
});

describe("response status selection", () => {
  it.each([
    [200, "200"],
    [404, "4XX"],
    [503, "default"],
  ])("HTTP %i -> response %s", (status, chosen) => {
    expect(selectResponse(op.operation, status)?.status).toBe(chosen);
  });

  it("validates against the chosen response", () => {
    expect(validateResponse(op, { status: 200, body: { ok: 1 } })).toEqual([]);
    expect(validateResponse(op, { status: 404, body: { ok: 1 } })).toMatchObject([
      { pointer: "/error", rule: "required" },
    ]);
  });

  it("an undocumented status is a status-code violation", () => {
    const strictOp = inline({ responses: [{ status: "200" }, { status: "401" }] });
    expect(validateResponse(strictOp, { status: 500, body: {} })).toEqual([
      {
        operationId: "testOp",
        direction: "response",
        check: "status-code",
        pointer: "",
        rule: "status-code",
        expected: ["200", "401"],
        actual: 500,
        message: "HTTP 500 is not a documented status of testOp (documented: 200, 401)",
        source: "op-source.txt",
        severity: "error",
      },
    ]);
  });
});

describe("request parts", () => {
  it("validates path parameters under /path", () => {
    expect(validateRequest(op, { path: { invoiceNumber: "INV-12345" } })).toMatchObject([
      {
        check: "path",
        pointer: "/path/invoiceNumber",
        rule: "maxLength",
        message: "path parameter invoiceNumber is 9 characters; DOKU allows at most 4",
      },
    ]);
  });
});

describe("misuse", () => {
  it("a schema without a compiled validator is a SpecError", () => {
    const broken = { ...op, validators: {} };
    expect(() => validateResponse(broken, { status: 200, body: {} })).toThrow(SpecError);
  });

  it("an unknown operation id is a UsageError with close matches", () => {
    const bundle = {
      operations: [op.operation, { ...op.operation, id: "snapCreateVa" }],
      validators: op.validators,
      document: {},
    };
    expect(() => operationValidation(bundle, "snapCreateVA")).toThrow(UsageError);
    expect(() => operationValidation(bundle, "snapCreateVA")).toThrow(/did you mean snapCreateVa\?/);
    expect(operationValidation(bundle, "testOp").operation.id).toBe("testOp");
  });

  it("close matches: substrings and small edit distances", () => {
    const ids = ["snapCreateVa", "snapUpdateVa", "snapDeleteVa", "danaPayment", "orderStatus"];
    expect(closeMatches("createva", ids)).toEqual(["snapCreateVa"]);
    expect(closeMatches("snapUpdatVa", ids)[0]).toBe("snapUpdateVa");
    expect(closeMatches("zzzzzzzzzzzzzzzz", ids)).toEqual([]);
  });
});
