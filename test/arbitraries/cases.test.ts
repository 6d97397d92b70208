/**
 * caseArbitrary on an inline operation with path parameters, headers (some left to the signer) and a
 * body: Case shape per mode, signer headers left out, path substitution, deterministic boundary and
 * negative lists, labels that stay true under shrinking.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  boundaryCases,
  caseArbitrary,
  negativeCases,
  SIGNER_HEADERS,
  skippedBoundaries,
  unsupportedNegatives,
} from "../../src/arbitraries/index.js";
import type { Case } from "../../src/model/case.js";
import type { Operation } from "../../src/model/operation.js";
import { compileValidators } from "../../src/validation/ajv.js";
import { errorsOf, valuesAndShrinks } from "./helpers.js";

const headers = {
  type: "object",
  required: ["X-PARTNER-ID", "X-EXTERNAL-ID", "X-TIMESTAMP", "X-SIGNATURE", "Authorization", "CHANNEL-ID"],
  properties: {
    "X-PARTNER-ID": { type: "string", minLength: 1, maxLength: 36, pattern: "^[A-Za-z0-9-]+$" },
    "X-EXTERNAL-ID": { type: "string", pattern: "^[0-9]{1,36}$" },
    "X-TIMESTAMP": { type: "string" },
    "X-SIGNATURE": { type: "string" },
    Authorization: { type: "string" },
    "CHANNEL-ID": { type: "string", enum: ["H2H"] },
    "X-DEVICE-ID": { type: "string", maxLength: 10 },
  },
};
const path = {
  type: "object",
  required: ["invoice"],
  properties: { invoice: { type: "string", minLength: 1, maxLength: 12, pattern: "^[A-Za-z0-9/_-]+$" } },
};
const body = {
  type: "object",
  additionalProperties: false,
  required: ["name", "amount"],
  properties: {
    name: { type: "string", minLength: 1, maxLength: 20 },
    amount: { type: "integer", minimum: 0, maximum: 999999999999 },
    kind: { type: "string", enum: ["A", "B"] },
  },
};
const op: Operation = {
  id: "inlineOp",
  kind: "path",
  method: "POST",
  path: "/orders/{invoice}/pay",
  auth: "snap-symmetric",
  source: "test",
  deprecated: false,
  summary: "",
  pointer: "#/paths/~1orders~1{invoice}~1pay/post",
  request: {
    body: { key: "inlineOp.request.body", schema: body },
    headers: { key: "inlineOp.request.headers", schema: headers },
    path: { key: "inlineOp.request.path", schema: path },
    examples: [],
  },
  responses: [],
  rules: [],
  conflicts: [],
};
const v = compileValidators({ body, headers, path });
const signer = Object.fromEntries(SIGNER_HEADERS.map((h) => [h, "signed"]));

/** Every schema error of a case as {keyword, pointer} with the Case.expect prefixes. */
function caseErrors(c: Case) {
  return [
    ...errorsOf(v.body!, c.body).map((e) => ({ ...e })),
    ...errorsOf(v.headers!, { ...c.headers, ...signer }).map((e) => ({
      ...e,
      pointer: `/headers${e.pointer}`,
    })),
    ...errorsOf(v.path!, c.pathParams).map((e) => ({ ...e, pointer: `/path${e.pointer}` })),
  ];
}

describe("valid cases", () => {
  const cases = fc.sample(caseArbitrary(op, "valid"), { seed: 42, numRuns: 200 });
  it("are complete Cases: substituted path, method, phase, accept", () => {
    for (const c of cases) {
      expect(c).toMatchObject({
        operationId: "inlineOp",
        method: "POST",
        phase: "property",
        expect: { kind: "accept" },
      });
      expect(c.path).toBe(`/orders/${encodeURIComponent(c.pathParams.invoice!)}/pay`);
      expect(c.label).toBe("property: valid request");
      expect(caseErrors(c)).toEqual([]);
    }
    expect(cases.some((c) => c.pathParams.invoice!.includes("/"))).toBe(true);
  });
  it("leave signature and auth headers to the signer", () => {
    expect(SIGNER_HEADERS).toEqual([
      "X-SIGNATURE",
      "X-TIMESTAMP",
      "Authorization",
      "Signature",
      "Request-Timestamp",
      "Digest",
    ]);
    for (const c of cases) {
      for (const h of Object.keys(c.headers))
        expect(SIGNER_HEADERS.map((s) => s.toLowerCase())).not.toContain(h.toLowerCase());
      expect(Object.keys(c.headers)).toEqual(
        expect.arrayContaining(["X-PARTNER-ID", "X-EXTERNAL-ID", "CHANNEL-ID"]),
      );
    }
    expect(cases.some((c) => "X-DEVICE-ID" in c.headers)).toBe(true);
    expect(cases.some((c) => !("X-DEVICE-ID" in c.headers))).toBe(true);
  });
});

describe("boundary cases", () => {
  const list = boundaryCases(op);
  it("are deterministic and all valid", () => {
    expect(boundaryCases(op)).toEqual(list);
    for (const c of list) {
      expect(c.phase).toBe("boundary");
      expect(c.expect).toEqual({ kind: "accept" });
      expect(caseErrors(c), c.label).toEqual([]);
    }
    expect(skippedBoundaries(op)).toEqual([]);
  });
  it("cover lengths at both ends, every enum value, optional fields both ways, amounts at 0 and 12 digits", () => {
    const labels = list.map((c) => c.label);
    expect(labels).toEqual(
      expect.arrayContaining([
        "boundary: /path/invoice at minLength 1",
        "boundary: /path/invoice at maxLength 12",
        "boundary: /headers/X-EXTERNAL-ID at shortest length 1",
        "boundary: /headers/X-EXTERNAL-ID at longest length 36",
        "boundary: /name at maxLength 20",
        'boundary: /kind = "A"',
        'boundary: /kind = "B"',
        "boundary: /kind present",
        "boundary: /kind absent",
        "boundary: /amount at minimum 0",
        "boundary: /amount at maximum 999999999999 (12 digits)",
      ]),
    );
    const at = (label: string) => list.find((c) => c.label === label)!;
    expect(at("boundary: /name at maxLength 20").body).toMatchObject({
      name: expect.stringMatching(/^.{20}$/u),
    });
    expect(at("boundary: /amount at maximum 999999999999 (12 digits)").body).toMatchObject({
      amount: 999999999999,
    });
    expect(at("boundary: /kind absent").body).not.toHaveProperty("kind");
    expect(at("boundary: /path/invoice at maxLength 12").pathParams.invoice).toHaveLength(12);
  });
  it("in Arbitrary form stay valid and keep their label true", () => {
    const { values, shrinks } = valuesAndShrinks(caseArbitrary(op, "boundary"), {
      samples: 80,
      perLevel: 4,
      depth: 2,
    });
    for (const c of [...values, ...shrinks]) {
      expect(caseErrors(c), c.label).toEqual([]);
      if (c.label === "boundary: /kind absent") expect(c.body).not.toHaveProperty("kind");
      if (c.label === "boundary: /name at maxLength 20")
        expect([...(c.body as { name: string }).name]).toHaveLength(20);
    }
  });
});

describe("negative cases", () => {
  const list = negativeCases(op);
  const check = (c: Case) => {
    if (c.expect.kind !== "reject") throw new Error("negative without reject");
    expect(caseErrors(c), c.label).toEqual([{ keyword: c.expect.rule, pointer: c.expect.pointer }]);
  };
  it("each breaks exactly the labelled rule, in path parameters, headers or body", () => {
    for (const c of list) check(c);
    const pointers = list.map((c) =>
      c.expect.kind === "reject" ? `${c.expect.pointer} ${c.expect.rule}` : "",
    );
    expect(pointers).toEqual(
      expect.arrayContaining([
        "/path/invoice maxLength",
        "/path/invoice pattern",
        "/headers/X-PARTNER-ID required",
        "/headers/X-PARTNER-ID maxLength",
        "/headers/CHANNEL-ID enum",
        "/name maxLength",
        "/name minLength",
        "/amount maximum",
        "/amount type",
        "/kind enum",
        "/unexpectedField additionalProperties",
        "/name required",
      ]),
    );
    expect(
      pointers.filter((p) => p.startsWith("/headers/X-SIGNATURE") || p.startsWith("/headers/Authorization")),
    ).toEqual([]);
    expect(pointers.filter((p) => p.endsWith(" type") && p.startsWith("/headers"))).toEqual([]);
  });
  it("in Arbitrary form, and every shrink, keep their label true", () => {
    const { values, shrinks } = valuesAndShrinks(caseArbitrary(op, "negative"), {
      samples: 80,
      perLevel: 4,
      depth: 2,
    });
    for (const c of [...values, ...shrinks]) {
      expect(c.phase).toBe("negative");
      check(c);
    }
  });
  it("lists what it cannot build, with reasons", () => {
    const unsupported = unsupportedNegatives(op);
    expect(unsupported).toContainEqual({
      pointer: "/headers/CHANNEL-ID",
      rule: "type",
      reason: "a value of another type also fails enum/const (two errors)",
    });
    for (const u of unsupported) expect(u.reason.length).toBeGreaterThan(10);
  });
  it("same seed, same cases", () => {
    const arb = caseArbitrary(op, "negative");
    expect(fc.sample(arb, { seed: 3, numRuns: 25 })).toEqual(fc.sample(arb, { seed: 3, numRuns: 25 }));
  });
});
