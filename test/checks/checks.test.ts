import { describe, expect, it } from "vitest";
import type { CheckContext } from "../../src/checks/check.js";
import { CHECK_NAMES, CHECKS } from "../../src/checks/registry.js";
import type { Exchange } from "../../src/model/case.js";
import { signNonSnapResponse } from "../../src/signatures/nonsnap-response.js";
import { ctxFor, exchangeOf, nonSnapOp, snapOp, validators } from "./fixtures.js";

const ok200 = { status: 200, json: { responseCode: "2002700", responseMessage: "Successful" } };
const reject = (pointer: string, rule: string) => ({
  kind: "reject" as const,
  pointer,
  rule,
  reason: `breaks ${rule}`,
});
const auth = (mutator: string) => ({ kind: "reject-auth" as const, mutator, reason: mutator });

type Want = { rule: string; pointer?: string; severity?: "error" | "warning" };
const table: [string, string, { ctx?: CheckContext; exchange: Exchange; want: Want[] }][] = [
  ["response-received", "ok", { exchange: exchangeOf(snapOp, ok200), want: [] }],
  [
    "response-received",
    "reset",
    {
      exchange: exchangeOf(snapOp, undefined, { error: "ECONNRESET: socket hang up" }),
      want: [{ rule: "response-received" }],
    },
  ],
  ["no-5xx", "200", { exchange: exchangeOf(snapOp, ok200), want: [] }],
  [
    "no-5xx",
    "502",
    { exchange: exchangeOf(snapOp, { status: 502, body: "bad gateway" }), want: [{ rule: "server-error" }] },
  ],
  ["status-code-documented", "200", { exchange: exchangeOf(snapOp, ok200), want: [] }],
  [
    "status-code-documented",
    "418",
    { exchange: exchangeOf(snapOp, { status: 418, json: {} }), want: [{ rule: "status-code" }] },
  ],
  [
    "status-code-documented",
    "non-SNAP default covers 404",
    { ctx: ctxFor(nonSnapOp), exchange: exchangeOf(nonSnapOp, { status: 404, json: {} }), want: [] },
  ],
  ["content-type", "json", { exchange: exchangeOf(snapOp, ok200), want: [] }],
  [
    "content-type",
    "text/html",
    {
      exchange: exchangeOf(snapOp, { ...ok200, headers: { "content-type": "text/html" } }),
      want: [{ rule: "content-type", pointer: "/headers/Content-Type" }],
    },
  ],
  [
    "content-type",
    "charset parameter allowed",
    {
      exchange: exchangeOf(snapOp, {
        ...ok200,
        headers: { "Content-Type": "application/json; charset=utf-8" },
      }),
      want: [],
    },
  ],
  [
    "content-type",
    "not JSON",
    { exchange: exchangeOf(snapOp, { status: 200, body: "<html>" }), want: [{ rule: "json" }] },
  ],
  ["response-body-valid", "valid", { exchange: exchangeOf(snapOp, ok200), want: [] }],
  [
    "response-body-valid",
    "too long",
    {
      exchange: exchangeOf(snapOp, {
        status: 200,
        json: {
          responseCode: "2002700",
          responseMessage: "ok",
          virtualAccountData: { virtualAccountName: "x".repeat(11) },
        },
      }),
      want: [{ rule: "maxLength", pointer: "/virtualAccountData/virtualAccountName" }],
    },
  ],
  [
    "response-body-valid",
    "missing responseCode",
    {
      exchange: exchangeOf(snapOp, { status: 200, json: { responseMessage: "ok" } }),
      want: [{ rule: "required", pointer: "/responseCode" }],
    },
  ],
  [
    "response-headers-valid",
    "missing Signature",
    {
      ctx: ctxFor(nonSnapOp),
      exchange: exchangeOf(nonSnapOp, { status: 200, json: {}, headers: { "Client-Id": "c" } }),
      want: [{ rule: "required", pointer: "/headers/Signature" }],
    },
  ],
  ["response-code", "agrees", { exchange: exchangeOf(snapOp, ok200), want: [] }],
  [
    "response-code",
    "200 with an error code",
    {
      exchange: exchangeOf(snapOp, { status: 200, json: { responseCode: "4002701", responseMessage: "x" } }),
      want: [{ rule: "response-code" }],
    },
  ],
  [
    "response-code",
    "wrong service code",
    {
      exchange: exchangeOf(snapOp, { status: 200, json: { responseCode: "2002600", responseMessage: "x" } }),
      want: [{ rule: "response-code" }],
    },
  ],
  [
    "response-code",
    "undocumented case code",
    {
      exchange: exchangeOf(snapOp, { status: 400, json: { responseCode: "4002799", responseMessage: "x" } }),
      want: [{ rule: "x-doku-case-codes" }],
    },
  ],
  [
    "response-code",
    "missing",
    {
      exchange: exchangeOf(snapOp, { status: 400, json: { responseMessage: "x" } }),
      want: [{ rule: "response-code" }],
    },
  ],
  [
    "response-code",
    "number, not string",
    {
      exchange: exchangeOf(snapOp, { status: 200, json: { responseCode: 2002700 } }),
      want: [{ rule: "response-code" }],
    },
  ],
  ["positive-accepted", "accepted", { exchange: exchangeOf(snapOp, ok200), want: [] }],
  [
    "positive-accepted",
    "rejected",
    {
      exchange: exchangeOf(snapOp, {
        status: 400,
        json: { responseCode: "4002701", responseMessage: "Invalid Field Format {trxId}" },
      }),
      want: [{ rule: "status-code" }],
    },
  ],
  [
    "negative-rejected",
    "400 naming the field",
    {
      exchange: exchangeOf(
        snapOp,
        {
          status: 400,
          json: { responseCode: "4002701", responseMessage: "Invalid Field Format {totalAmount.currency}" },
        },
        { expect: reject("/totalAmount/currency", "enum") },
      ),
      want: [],
    },
  ],
  [
    "negative-rejected",
    "accepted",
    {
      exchange: exchangeOf(snapOp, ok200, { expect: reject("/trxId", "maxLength") }),
      want: [{ rule: "maxLength", pointer: "/trxId" }],
    },
  ],
  [
    "negative-rejected",
    "accepted, conflict field: warning",
    {
      exchange: exchangeOf(snapOp, ok200, { expect: reject("/virtualAccountTrxType", "enum") }),
      want: [{ rule: "enum", severity: "warning" }],
    },
  ],
  [
    "negative-rejected",
    "field not named",
    {
      exchange: exchangeOf(
        snapOp,
        { status: 400, json: { responseCode: "4002701", responseMessage: "Invalid Field Format" } },
        { expect: reject("/trxId", "maxLength") },
      ),
      want: [{ rule: "response-message" }],
    },
  ],
  [
    "negative-rejected",
    "missing field needs 02",
    {
      exchange: exchangeOf(
        snapOp,
        { status: 400, json: { responseCode: "4002701", responseMessage: "Invalid Field Format {trxId}" } },
        { expect: reject("/trxId", "required") },
      ),
      want: [{ rule: "response-code" }],
    },
  ],
  [
    "negative-rejected",
    "404 instead of 400",
    {
      exchange: exchangeOf(
        snapOp,
        { status: 404, json: { responseCode: "4042718", responseMessage: "x" } },
        { expect: reject("/trxId", "maxLength") },
      ),
      want: [{ rule: "status-code" }],
    },
  ],
  [
    "negative-rejected",
    "non-SNAP any 4xx",
    {
      ctx: ctxFor(nonSnapOp),
      exchange: exchangeOf(nonSnapOp, { status: 400, json: {} }, { expect: reject("/order/amount", "type") }),
      want: [],
    },
  ],
  [
    "signature-rejected",
    "401 with SNAP code",
    {
      exchange: exchangeOf(
        snapOp,
        {
          status: 401,
          json: { responseCode: "4012700", responseMessage: "Unauthorized. Signature Not Match" },
        },
        { expect: auth("tampered-body") },
      ),
      want: [],
    },
  ],
  [
    "signature-rejected",
    "accepted a bad signature",
    {
      exchange: exchangeOf(snapOp, ok200, { expect: auth("tampered-body") }),
      want: [{ rule: "signature", pointer: "/headers/X-SIGNATURE" }],
    },
  ],
  [
    "signature-rejected",
    "401 with a 400 code",
    {
      exchange: exchangeOf(
        snapOp,
        { status: 401, json: { responseCode: "4002700" } },
        { expect: auth("wrong-secret") },
      ),
      want: [{ rule: "response-code" }],
    },
  ],
  [
    "signature-rejected",
    "reused external id wants 409",
    {
      exchange: exchangeOf(
        snapOp,
        { status: 409, json: { responseCode: "4092700", responseMessage: "Conflict" } },
        { expect: auth("reused-external-id") },
      ),
      want: [],
    },
  ],
  [
    "signature-rejected",
    "reused external id accepted",
    {
      exchange: exchangeOf(snapOp, ok200, { expect: auth("reused-external-id") }),
      want: [{ rule: "signature", pointer: "/headers/X-EXTERNAL-ID" }],
    },
  ],
  [
    "signature-rejected",
    "non-SNAP without documented 401: any 4xx",
    {
      ctx: ctxFor(nonSnapOp),
      exchange: exchangeOf(nonSnapOp, { status: 400, json: {} }, { expect: auth("wrong-secret") }),
      want: [],
    },
  ],
  ["response-time", "fast", { exchange: exchangeOf(snapOp, ok200, { durationMs: 10 }), want: [] }],
  [
    "response-time",
    "slow",
    { exchange: exchangeOf(snapOp, ok200, { durationMs: 6000 }), want: [{ rule: "response-time" }] },
  ],
];

describe("checks", () => {
  it.each(table)("%s: %s", (name, _label, { ctx, exchange, want }) => {
    const check = CHECKS[name];
    expect(check).toBeDefined();
    const found = check!(ctx ?? ctxFor(snapOp), exchange);
    expect(found.map((v) => v.check)).toEqual(want.map(() => name));
    for (const [i, w] of want.entries()) {
      expect(found[i]).toMatchObject({
        rule: w.rule,
        severity: w.severity ?? "error",
        operationId: exchange.case.operationId,
      });
      if (w.pointer !== undefined) expect(found[i]?.pointer).toBe(w.pointer);
      expect(found[i]?.message).not.toBe("");
    }
  });

  it("lists every check once, all guarded checks skip exchanges without a response", () => {
    expect(new Set(CHECK_NAMES).size).toBe(CHECK_NAMES.length);
    const noResponse = exchangeOf(snapOp, undefined, { error: "ETIMEDOUT" });
    const guarded = CHECK_NAMES.filter((n) => n !== "response-received");
    expect(guarded.length).toBeGreaterThan(0);
    for (const name of guarded) {
      expect(CHECKS[name]!(ctxFor(snapOp), noResponse)).toEqual([]);
    }
  });
});

describe("response-signature", () => {
  const secretKey = "SK-test";
  const requestHeaders = { "Request-Id": "req-1", "Client-Id": "MCH-1" };
  const signed = (body: string) =>
    signNonSnapResponse({ clientId: "MCH-1", requestId: "req-1", target: nonSnapOp.path, body, secretKey });
  const ctx = ctxFor(nonSnapOp, { credentials: { clientId: "MCH-1", secretKey } });

  it("passes a correctly signed response and flags a body changed after signing", () => {
    const body = '{"order":{"invoice_number":"INV-1"}}';
    const good = exchangeOf(
      nonSnapOp,
      {
        status: 200,
        body,
        json: JSON.parse(body),
        headers: { "Content-Type": "application/json", ...signed(body) },
      },
      { requestHeaders },
    );
    expect(CHECKS["response-signature"]!(ctx, good)).toEqual([]);
    const tampered = exchangeOf(
      nonSnapOp,
      { status: 200, body: body.replace("1", "2"), headers: signed(body) },
      { requestHeaders },
    );
    const found = CHECKS["response-signature"]!(ctx, tampered);
    expect(found).toMatchObject([
      {
        check: "response-signature",
        rule: "signature",
        pointer: "/headers/Signature",
        actual: "signature-mismatch",
      },
    ]);
  });

  it("does not apply without the secret key or where the spec documents no Signature header", () => {
    const exchange = exchangeOf(nonSnapOp, { status: 500, body: "{}" }, { requestHeaders });
    expect(CHECKS["response-signature"]!(ctx, exchange)).toEqual([]);
    expect(
      CHECKS["response-signature"]!(ctxFor(nonSnapOp), exchangeOf(nonSnapOp, { status: 200, body: "{}" })),
    ).toEqual([]);
  });
});

describe("response-body-valid on repeated bodies", () => {
  // A fresh operation object per test: the check remembers the last body per operation and status.
  const counted = () => {
    const operation = { ...snapOp };
    const key = "snapCreateVa.response.200.body";
    const inner = validators[key]!;
    let calls = 0;
    const counting = Object.assign(
      (data: unknown) => {
        calls++;
        const ok = inner(data);
        counting.errors = inner.errors ?? null;
        return ok;
      },
      { errors: inner.errors ?? null },
    ) as unknown as typeof inner;
    const ctx = ctxFor(operation, { validators: { ...validators, [key]: counting } });
    return { operation, ctx, calls: () => calls };
  };
  const tooLong = (name: string) => ({
    status: 200,
    json: {
      responseCode: "2002700",
      responseMessage: "ok",
      virtualAccountData: { virtualAccountName: name },
    },
  });

  it("validates a byte-identical body once and gives the same violations, as new objects", () => {
    const { operation, ctx, calls } = counted();
    const check = CHECKS["response-body-valid"]!;
    const first = check(ctx, exchangeOf(operation, tooLong("x".repeat(11))));
    const again = check(ctx, exchangeOf(operation, tooLong("x".repeat(11))));
    expect(calls()).toBe(1);
    expect(again).toEqual(first);
    expect(first).toMatchObject([{ rule: "maxLength", pointer: "/virtualAccountData/virtualAccountName" }]);
    expect(again[0]).not.toBe(first[0]);
  });

  it("validates again when the body, the strictness or the validators differ", () => {
    const { operation, ctx, calls } = counted();
    const check = CHECKS["response-body-valid"]!;
    expect(check(ctx, exchangeOf(operation, tooLong("x".repeat(11))))).toHaveLength(1);
    expect(check(ctx, exchangeOf(operation, tooLong("x".repeat(10))))).toEqual([]);
    expect(calls()).toBe(2);
    check({ ...ctx, strict: true }, exchangeOf(operation, tooLong("x".repeat(10))));
    expect(calls()).toBe(3);
    expect(check(ctxFor(operation), exchangeOf(operation, tooLong("x".repeat(11))))).toHaveLength(1);
    expect(calls()).toBe(3);
  });
});
