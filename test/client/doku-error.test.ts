/** DokuError: the SNAP responseCode split into HTTP status, service and case; non-SNAP error bodies; kinds. */
import { describe, expect, it } from "vitest";
import { DokuError, parseResponseCode } from "../../src/client/index.js";
import { KitError } from "../../src/model/errors.js";

describe("parseResponseCode", () => {
  it.each([
    ["4012701", { httpStatus: 401, serviceCode: "27", caseCode: "01" }],
    ["2002700", { httpStatus: 200, serviceCode: "27", caseCode: "00" }],
    ["4042718", { httpStatus: 404, serviceCode: "27", caseCode: "18" }],
    ["5002401", { httpStatus: 500, serviceCode: "24", caseCode: "01" }],
  ])("%s", (code, parts) => expect(parseResponseCode(code)).toEqual(parts));

  it.each([[2002700], ["200270"], ["20027000"], ["40127O1"], ["9002700"], [undefined]])(
    "not a responseCode: %j",
    (code) => expect(parseResponseCode(code)).toBeUndefined(),
  );
});

describe("DokuError", () => {
  it("SNAP answer: parsed code, message, the operation named, the body kept", () => {
    const body = { responseCode: "4042718", responseMessage: "Inconsistent Request" };
    const e = new DokuError({ kind: "response", operationId: "snapCreateVa", status: 404, body });
    expect(e).toBeInstanceOf(KitError);
    expect(e).toMatchObject({
      name: "DokuError",
      exitCode: 3,
      httpStatus: 404,
      serviceCode: "27",
      caseCode: "18",
      responseMessage: "Inconsistent Request",
      body,
    });
    expect(e.message).toBe("snapCreateVa: DOKU answered HTTP 404 (4042718 Inconsistent Request)");
  });

  it("a text body (not JSON) is kept as text, nothing parsed", () => {
    const e = new DokuError({
      kind: "response",
      operationId: "orderStatus",
      status: 502,
      body: "Bad Gateway",
    });
    expect(e).toMatchObject({ body: "Bad Gateway", responseCode: undefined, code: undefined });
    expect(e.message).toBe("orderStatus: DOKU answered HTTP 502");
  });

  it("invalid-request exits 2 and lists the error violations only", () => {
    const v = (message: string, severity: "error" | "warning") => ({
      operationId: "x",
      direction: "request" as const,
      check: "schema",
      pointer: "/a",
      rule: "maxLength",
      expected: 1,
      actual: 2,
      message,
      source: "s",
      severity,
    });
    const e = new DokuError({
      kind: "invalid-request",
      operationId: "snapCreateVa",
      violations: [v("a is 2 characters", "error"), v("conflict note", "warning")],
    });
    expect(e.exitCode).toBe(2);
    expect(e.message).toBe("snapCreateVa: request not sent, it violates the spec: a is 2 characters");
    expect(e.violations).toHaveLength(2);
  });
});
