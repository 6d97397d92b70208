/**
 * x-doku-rules in generation, on an inline operation with every rule kind: valid bodies (and their
 * shrinks) satisfy ajv and every rule as the validation layer judges it; each rule has a negative that
 * breaks only that rule; the fast in-generator predicates agree with the validation layer's checkers.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  requestBodyArbitrary,
  requestBodyCases,
  responseBodyArbitrary,
} from "../../src/arbitraries/index.js";
import { fastHolds } from "../../src/arbitraries/rules/holds.js";
import { holdsFor } from "../../src/arbitraries/rules/index.js";
import type { DokuRule, Operation } from "../../src/model/operation.js";
import { compileValidators } from "../../src/validation/ajv.js";
import { ruleViolations } from "../../src/validation/index.js";
import { errorsOf, valuesAndShrinks } from "./helpers.js";

const AMOUNT = { type: "string", minLength: 4, maxLength: 19, pattern: "^(0|[1-9][0-9]{0,15})\\.[0-9]{2}$" };
const schema = {
  type: "object",
  additionalProperties: false,
  required: ["psid", "customerNo", "va", "trxType"],
  properties: {
    psid: { type: "string", minLength: 1, maxLength: 8, pattern: "^ {0,7}[0-9]{1,8}$" },
    customerNo: { type: "string", minLength: 1, maxLength: 20, pattern: "^[0-9]{1,20}$" },
    va: { type: "string", minLength: 1, maxLength: 28, pattern: "^ {0,7}[0-9]{1,28}$" },
    trxType: { type: "string", enum: ["C", "O", "V"] },
    fee: { type: "integer", minimum: 0, maximum: 99 },
    amount: {
      type: "object",
      additionalProperties: false,
      required: ["value", "currency"],
      properties: { value: AMOUNT, currency: { type: "string", enum: ["IDR"] } },
    },
    info: {
      type: "object",
      additionalProperties: false,
      properties: { channel: { type: "string", pattern: "^VA_[A-Z]+$" }, min: AMOUNT, max: AMOUNT },
    },
  },
};

const rule = (id: string, r: Partial<DokuRule> & Pick<DokuRule, "kind">): DokuRule => ({
  id,
  in: "request",
  description: id,
  source: "test",
  ...r,
});
const rules: DokuRule[] = [
  rule("x-doku-concat", { kind: "concat", target: "/va", parts: ["/psid", "/customerNo"] }),
  rule("x-doku-digits", {
    kind: "max-digits-by",
    field: "/va",
    by: "/info/channel",
    limits: { VA_BNI: 12 },
    strip: " ",
  }),
  rule("x-doku-type-by-channel", {
    kind: "enum-by",
    field: "/trxType",
    by: "/info/channel",
    allowed: { VA_BSI: ["C"] },
  }),
  rule("x-doku-amount-required", {
    kind: "required-if",
    field: "/amount",
    when: { pointer: "/trxType", in: ["C", "O"] },
  }),
  rule("x-doku-open-zero", {
    kind: "enum-by",
    field: "/amount/value",
    by: "/trxType",
    allowed: { O: ["0", "0.00"] },
  }),
  rule("x-doku-min-max", { kind: "lte", left: "/info/min", right: "/info/max" }),
  rule("x-doku-closed-positive", {
    kind: "minimum-if",
    field: "/amount/value",
    exclusiveMinimum: 0,
    when: { pointer: "/trxType", equals: "C" },
  }),
  rule("x-doku-fee-floor", {
    kind: "minimum-if",
    field: "/fee",
    minimum: 10,
    when: { pointer: "/info/channel", absent: true },
  }),
];

const op: Operation = {
  id: "inlineVa",
  kind: "path",
  method: "POST",
  path: "/va",
  auth: "snap-symmetric",
  serviceCode: "27",
  source: "test",
  deprecated: false,
  summary: "",
  pointer: "#/paths/~1va/post",
  request: { body: { key: "inlineVa.request.body", schema }, examples: [] },
  responses: [
    {
      status: "200",
      description: "",
      caseCodes: ["00", "01"],
      body: {
        key: "inlineVa.response.200.body",
        schema: {
          type: "object",
          required: ["responseCode", "responseMessage", "status"],
          properties: {
            responseCode: { type: "string", pattern: "^[0-9]{7}$" },
            responseMessage: { type: "string", minLength: 1 },
            status: { type: "string", enum: ["success", "decline", "gone"] },
          },
        },
      },
      examples: [],
    },
  ],
  rules: [
    ...rules,
    rule("x-doku-status", {
      kind: "status-by",
      in: "response",
      field: "/status",
      statuses: { success: 200, decline: 400, gone: 404 },
    }),
  ],
  conflicts: [],
};

const ref = op.request.body!;
const validate = compileValidators({ b: schema }).b!;
const ruleErrors = (body: unknown) => ruleViolations(op, "request", { body }, ref);

describe("valid bodies honour every rule", () => {
  const { values, shrinks } = valuesAndShrinks(
    requestBodyArbitrary(ref, rules).map((g) => g.value),
    { samples: 300 },
  );

  it("every value and every shrink passes ajv and the validation layer's rule checks", () => {
    for (const body of [...values, ...shrinks]) {
      expect(errorsOf(validate, body), JSON.stringify(body)).toEqual([]);
      expect(ruleErrors(body), JSON.stringify(body)).toEqual([]);
    }
  });

  it("minimum-if: the condition holds in some values, whose field then sits on the right side of the bound", () => {
    type B = { trxType: string; fee?: number; amount?: { value: string }; info?: { channel?: string } };
    const closed = (values as B[]).filter((b) => b.trxType === "C" && b.amount !== undefined);
    const floored = (values as B[]).filter((b) => b.info?.channel === undefined && b.fee !== undefined);
    expect(closed.length).toBeGreaterThan(5);
    expect(floored.length).toBeGreaterThan(5);
    for (const b of closed) expect(Number(b.amount!.value)).toBeGreaterThan(0);
    for (const b of floored) expect(b.fee).toBeGreaterThanOrEqual(10);
  });

  it("listed channels are generated, so the per-channel rules are exercised", () => {
    const bni = values.filter((b) => (b as { info?: { channel?: string } }).info?.channel === "VA_BNI");
    const bsi = values.filter((b) => (b as { info?: { channel?: string } }).info?.channel === "VA_BSI");
    expect(bni.length).toBeGreaterThan(5);
    expect(bsi.length).toBeGreaterThan(5);
    for (const b of bsi) expect((b as { trxType: string }).trxType).toBe("C");
    for (const b of bni) expect((b as { va: string }).va.replace(/^ +/, "").length).toBeLessThanOrEqual(12);
    const open = values.filter((b) => (b as { trxType: string }).trxType === "O");
    expect(open.length).toBeGreaterThan(0);
    for (const b of open) expect((b as { amount: { value: string } }).amount.value).toBe("0.00");
  });
});

describe("negatives", () => {
  const negatives = requestBodyCases(ref, rules, "negative");

  it.each(rules.map((r) => [r.id]))("%s has a negative breaking only that rule", (id) => {
    const found = negatives.filter((n) => n.expect.kind === "reject" && n.expect.rule === id);
    expect(found.length).toBe(1);
    for (const n of found) {
      expect(errorsOf(validate, n.value), n.label).toEqual([]);
      const broken = ruleErrors(n.value);
      expect(broken.map((v) => [v.rule, v.pointer, v.severity])).toEqual([
        [id, n.expect.kind === "reject" ? n.expect.pointer : "", "error"],
      ]);
    }
  });

  it("rule negatives from the Arbitrary (and their shrinks) keep their label true", () => {
    const arb = requestBodyArbitrary(ref, rules, "negative").filter(
      (n) => n.expect.kind === "reject" && n.expect.rule.startsWith("x-doku-"),
    );
    const { values, shrinks } = valuesAndShrinks(arb, { samples: 60, perLevel: 4, depth: 2 });
    for (const n of [...values, ...shrinks]) {
      if (n.expect.kind !== "reject") throw new Error("not a negative");
      expect(errorsOf(validate, n.value), n.label).toEqual([]);
      expect(ruleErrors(n.value).map((v) => v.rule)).toEqual([n.expect.rule]);
    }
  });
});

describe("the fast predicates agree with the validation layer's checkers", () => {
  it("on valid, boundary, negative and mutated bodies", () => {
    const bodies = [
      ...fc.sample(
        requestBodyArbitrary(ref, rules).map((g) => g.value),
        { seed: 8, numRuns: 300 },
      ),
      ...requestBodyCases(ref, rules, "boundary").map((g) => g.value),
      ...requestBodyCases(ref, rules, "negative").map((g) => g.value),
      ...fc.sample(
        fc.record({
          psid: fc.constantFrom("123", " 99", 7),
          customerNo: fc.constantFrom("45", "123"),
          va: fc.constantFrom("12345", " 9945", "99123", 5),
          trxType: fc.constantFrom("C", "O", "V", undefined),
          fee: fc.constantFrom(0, 9, 10, 11, "10", "9.99", undefined),
          amount: fc.option(fc.record({ value: fc.constantFrom("0", "0.00", "0.01", "12.00", 0, 1, "x") }), {
            nil: undefined,
          }),
          info: fc.record(
            {
              channel: fc.constantFrom("VA_BNI", "VA_BSI", 3, null),
              min: fc.constantFrom("5.00", "50", 7),
              max: fc.constantFrom("10.00", "6", 1),
            },
            { requiredKeys: [] },
          ),
        }),
        { seed: 9, numRuns: 400 },
      ),
    ];
    for (const r of rules) {
      const fast = fastHolds[r.kind](r);
      const reference = holdsFor(r, op.pointer);
      for (const b of bodies) expect(fast(b), `${r.id} on ${JSON.stringify(b)}`).toBe(reference(b));
    }
  });
});

describe("response bodies", () => {
  const validate200 = compileValidators({ r: op.responses[0]!.body!.schema }).r!;
  it("carry responseCode = status + service code + a documented case code, and honour status-by", () => {
    for (const body of fc.sample(responseBodyArbitrary(op, "200"), { seed: 10, numRuns: 300 })) {
      expect(errorsOf(validate200, body)).toEqual([]);
      expect((body as { responseCode: string }).responseCode).toMatch(/^20027(00|01)$/);
      expect((body as { status: string }).status).toBe("success");
      expect(ruleViolations(op, "response", { body, status: 200 }, op.responses[0]!.body)).toEqual([]);
    }
  });
});
