/** x-doku-rules: each kind passes and fails; malformed rules are SpecErrors naming the rule id. */
import { describe, expect, it } from "vitest";
import { type DokuRule, SpecError } from "../../src/model/index.js";
import { validateRequest, validateResponse } from "../../src/validation/index.js";
import { inline } from "./fixtures.js";

const rule = (kind: string, params: Record<string, unknown>, direction = "request"): DokuRule =>
  ({
    id: `x-doku-test-${kind}`,
    kind,
    in: direction,
    description: "d",
    source: "rule-source.txt",
    ...params,
  }) as DokuRule;

interface Row {
  rule: DokuRule;
  pass: unknown;
  fail: unknown;
  want: { pointer: string; expected: unknown; actual: unknown; message: string };
  status?: { pass: number; fail: number };
}

const table: [string, Row][] = [
  [
    "concat",
    {
      rule: rule("concat", { target: "/virtualAccountNo", parts: ["/partnerServiceId", "/customerNo"] }),
      pass: { partnerServiceId: "   12345", customerNo: "678", virtualAccountNo: "   12345678" },
      fail: { partnerServiceId: "   12345", customerNo: "678", virtualAccountNo: "00012345678" },
      want: {
        pointer: "/virtualAccountNo",
        expected: "   12345678",
        actual: "00012345678",
        message:
          'virtualAccountNo is "00012345678"; DOKU expects partnerServiceId + customerNo = "   12345678"',
      },
    },
  ],
  [
    "lte (amount strings, exact decimals)",
    {
      rule: rule("lte", { left: "/paidAmount/value", right: "/totalAmount/value" }),
      pass: { paidAmount: { value: "9999999999999999.99" }, totalAmount: { value: "9999999999999999.99" } },
      fail: { paidAmount: { value: "9999999999999999.99" }, totalAmount: { value: "9999999999999999.98" } },
      want: {
        pointer: "/paidAmount/value",
        expected: "9999999999999999.98",
        actual: "9999999999999999.99",
        message:
          'paidAmount.value is "9999999999999999.99"; DOKU requires it to be at most totalAmount.value ("9999999999999999.98")',
      },
    },
  ],
  [
    "required-if equals",
    {
      rule: rule("required-if", { field: "/minAmount", when: { pointer: "/trxType", equals: "O" } }),
      pass: { trxType: "O", minAmount: 1 },
      fail: { trxType: "O" },
      want: {
        pointer: "/minAmount",
        expected: "present",
        actual: "absent",
        message: 'minAmount is missing; DOKU requires it when trxType is "O"',
      },
    },
  ],
  [
    "required-if in / present",
    {
      rule: rule("required-if", { field: "/a", when: { pointer: "/b", in: ["X", "Y"], present: true } }),
      pass: { b: "Z" },
      fail: { b: "Y" },
      want: {
        pointer: "/a",
        expected: "present",
        actual: "absent",
        message: 'a is missing; DOKU requires it when b is one of "X", "Y" and is present',
      },
    },
  ],
  [
    "required-if absent",
    {
      rule: rule("required-if", { field: "/a", when: { pointer: "/b", absent: true } }),
      pass: { b: 1 },
      fail: {},
      want: {
        pointer: "/a",
        expected: "present",
        actual: "absent",
        message: "a is missing; DOKU requires it when b is absent",
      },
    },
  ],
  [
    "minimum-if exclusiveMinimum (integer amount, FIX_BILL)",
    {
      rule: rule("minimum-if", {
        field: "/order/amount",
        exclusiveMinimum: 0,
        when: { pointer: "/virtual_account_info/billing_type", equals: "FIX_BILL" },
      }),
      pass: { order: { amount: 1 }, virtual_account_info: { billing_type: "FIX_BILL" } },
      fail: { order: { amount: 0 }, virtual_account_info: { billing_type: "FIX_BILL" } },
      want: {
        pointer: "/order/amount",
        expected: "> 0",
        actual: 0,
        message:
          'order.amount is 0; DOKU requires it to be more than 0 when virtual_account_info.billing_type is "FIX_BILL"',
      },
    },
  ],
  [
    "minimum-if exclusiveMinimum (SNAP amount string, exact decimals)",
    {
      rule: rule("minimum-if", {
        field: "/totalAmount/value",
        exclusiveMinimum: 0,
        when: { pointer: "/trxType", in: ["C"] },
      }),
      pass: { trxType: "C", totalAmount: { value: "0.01", currency: "IDR" } },
      fail: { trxType: "C", totalAmount: { value: "0.00", currency: "IDR" } },
      want: {
        pointer: "/totalAmount/value",
        expected: "> 0",
        actual: "0.00",
        message: 'totalAmount.value is "0.00"; DOKU requires it to be more than 0 when trxType is one of "C"',
      },
    },
  ],
  [
    "minimum-if minimum (inclusive, condition absent)",
    {
      rule: rule("minimum-if", {
        field: "/amount",
        minimum: 10000,
        when: { pointer: "/type", absent: true },
      }),
      pass: { amount: "10000" },
      fail: { amount: "9999.99" },
      want: {
        pointer: "/amount",
        expected: ">= 10000",
        actual: "9999.99",
        message: 'amount is "9999.99"; DOKU requires it to be at least 10000 when type is absent',
      },
    },
  ],
  [
    "max-digits-by (leading padding stripped)",
    {
      rule: rule("max-digits-by", {
        field: "/partnerServiceId",
        by: "/bank",
        limits: { BNI: 5, BTN: 8 },
        strip: " ",
      }),
      pass: { bank: "BNI", partnerServiceId: "   12345" },
      fail: { bank: "BNI", partnerServiceId: "  123456" },
      want: {
        pointer: "/partnerServiceId",
        expected: 5,
        actual: 6,
        message:
          'partnerServiceId has 6 digits after removing leading " " padding; DOKU allows at most 5 when bank is "BNI"',
      },
    },
  ],
  [
    "enum-by",
    {
      rule: rule("enum-by", { field: "/channel", by: "/bank", allowed: { BNI: ["VIRTUAL_ACCOUNT_BNI"] } }),
      pass: { bank: "BNI", channel: "VIRTUAL_ACCOUNT_BNI" },
      fail: { bank: "BNI", channel: "VIRTUAL_ACCOUNT_BTN" },
      want: {
        pointer: "/channel",
        expected: ["VIRTUAL_ACCOUNT_BNI"],
        actual: "VIRTUAL_ACCOUNT_BTN",
        message:
          'channel is "VIRTUAL_ACCOUNT_BTN"; when bank is "BNI" DOKU allows one of "VIRTUAL_ACCOUNT_BNI"',
      },
    },
  ],
  [
    "status-by",
    {
      rule: rule(
        "status-by",
        { field: "/responseCode", statuses: { "4012700": 401, "2002700": 200 } },
        "response",
      ),
      pass: { responseCode: "4012700" },
      fail: { responseCode: "4012700" },
      status: { pass: 401, fail: 200 },
      want: {
        pointer: "/responseCode",
        expected: 401,
        actual: 200,
        message: 'responseCode is "4012700", which DOKU documents with HTTP 401; the status was 200',
      },
    },
  ],
];

function run(row: Row, body: unknown, status: number | undefined) {
  const op = inline({ rules: [row.rule], responses: [{ status: "default" }] });
  return row.rule.in === "response"
    ? validateResponse(op, { status: status ?? 200, body })
    : validateRequest(op, { body });
}

describe("x-doku-rules kinds", () => {
  it.each(table)("%s passes", (_name, row) => {
    expect(run(row, row.pass, row.status?.pass)).toEqual([]);
  });

  it.each(table)("%s fails with the rule id, the field and its source", (_name, row) => {
    expect(run(row, row.fail, row.status?.fail)).toEqual([
      {
        operationId: "testOp",
        direction: row.rule.in,
        check: "x-doku-rules",
        rule: row.rule.id,
        source: "rule-source.txt",
        severity: "error",
        ...row.want,
      },
    ]);
  });

  it("rules only apply in their direction", () => {
    const op = inline({
      rules: [rule("required-if", { field: "/a", when: { pointer: "/b", absent: true } }, "response")],
      responses: [{ status: "200" }],
    });
    expect(validateRequest(op, { body: {} })).toEqual([]);
    expect(validateResponse(op, { status: 200, body: {} })).toHaveLength(1);
  });

  it.each([
    ["condition false", { order: { amount: 0 }, virtual_account_info: { billing_type: "NO_BILL" } }],
    ["condition pointer absent", { order: { amount: 0 }, virtual_account_info: {} }],
    [
      "field absent (required-if's business)",
      { order: {}, virtual_account_info: { billing_type: "FIX_BILL" } },
    ],
    [
      "field not a number (the schema's business)",
      { order: { amount: "zero" }, virtual_account_info: { billing_type: "FIX_BILL" } },
    ],
  ])("minimum-if does not apply: %s", (_name, body) => {
    const r = rule("minimum-if", {
      field: "/order/amount",
      exclusiveMinimum: 0,
      when: { pointer: "/virtual_account_info/billing_type", equals: "FIX_BILL" },
    });
    expect(validateRequest(inline({ rules: [r] }), { body })).toEqual([]);
  });

  it("minimum-if compares integers and SNAP strings numerically, not as text", () => {
    const r = rule("minimum-if", {
      field: "/v",
      exclusiveMinimum: 9,
      when: { pointer: "/c", present: true },
    });
    const check = (v: unknown) => validateRequest(inline({ rules: [r] }), { body: { c: 1, v } }).length;
    expect([10, "10", "10.00", "9.01", "100"].map(check)).toEqual([0, 0, 0, 0, 0]);
    expect([9, "9", "9.00", "08.99", "-100"].map(check)).toEqual([1, 1, 1, 1, 1]);
  });

  it("tolerates parameters it does not know (knownExceptions)", () => {
    const r = rule("concat", { target: "/a", parts: ["/b"], knownExceptions: ["bni-sample"] });
    expect(validateRequest(inline({ rules: [r] }), { body: { a: "x", b: "x" } })).toEqual([]);
  });

  it("a finding on a field whose conflict has no alternative is a warning", () => {
    const op = inline({
      body: {
        type: "object",
        properties: {
          a: {
            type: "string",
            "x-doku-conflict": {
              id: "pad",
              summary: "zero vs space padding",
              sources: [],
              follows: "f",
              why: "w",
            },
          },
        },
      },
      rules: [rule("concat", { target: "/a", parts: ["/b", "/c"] })],
    });
    expect(validateRequest(op, { body: { a: "0012", b: "  1", c: "2" } })).toMatchObject([
      { severity: "warning", conflict: { id: "pad" } },
    ]);
  });

  it.each([
    ["unknown kind", rule("sum", { field: "/a" }), /x-doku-rules "x-doku-test-sum" has unknown kind "sum"/],
    ["missing pointer", rule("concat", { parts: ["/a"] }), /"x-doku-test-concat".*"target"/],
    ["bad when", rule("required-if", { field: "/a", when: { pointer: "/b" } }), /x-doku-test-required-if/],
    [
      "bad limits",
      rule("max-digits-by", { field: "/a", by: "/b", limits: { X: "5" } }),
      /x-doku-test-max-digits-by/,
    ],
    [
      "bad statuses",
      rule("status-by", { field: "/a", statuses: { X: "ok" } }, "response"),
      /x-doku-test-status-by/,
    ],
    ["bad direction", rule("lte", { left: "/a", right: "/b" }, "both"), /x-doku-test-lte/],
    [
      "minimum-if without a bound",
      rule("minimum-if", { field: "/a", when: { pointer: "/b", present: true } }),
      /"x-doku-test-minimum-if".*exactly one of "exclusiveMinimum", "minimum"/,
    ],
    [
      "minimum-if with both bounds",
      rule("minimum-if", {
        field: "/a",
        minimum: 1,
        exclusiveMinimum: 0,
        when: { pointer: "/b", present: true },
      }),
      /exactly one of/,
    ],
    [
      "minimum-if with a non-number bound",
      rule("minimum-if", { field: "/a", minimum: "0", when: { pointer: "/b", present: true } }),
      /exactly one of/,
    ],
    [
      "minimum-if with a bad when",
      rule("minimum-if", { field: "/a", minimum: 0, when: { pointer: "b", equals: 1 } }),
      /x-doku-test-minimum-if.*when.pointer/,
    ],
  ])("%s is a SpecError naming the rule", (_name, r, message) => {
    const op = inline({ rules: [r] });
    expect(() => validateRequest(op, { body: {} })).toThrow(SpecError);
    expect(() => validateRequest(op, { body: {} })).toThrow(message);
  });
});
