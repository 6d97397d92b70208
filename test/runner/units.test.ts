/** Small runner parts: limiter, seeds, plan selection, unique keys, setup binding, rerun and curl lines. */
import { describe, expect, it } from "vitest";
import { operations } from "../../generated/operations.js";
import { requestTarget } from "../../src/checks/response.js";
import { createLimiter } from "../../src/engine/limiter.js";
import { curlLine, rerunLine, shellQuote } from "../../src/engine/replay.js";
import { deriveSeed } from "../../src/engine/seed.js";
import type { Case } from "../../src/model/case.js";
import type { Operation } from "../../src/model/operation.js";
import { parseShard } from "../../src/runner/options.js";
import { selectOperations } from "../../src/runner/plan.js";
import { bindCase, fillPath } from "../../src/runner/setup.js";
import { rotate, UniqueKeys } from "../../src/runner/unique.js";
import { compileValidators } from "../../src/validation/ajv.js";
import { bodyCase, bundle, vaOp } from "./spec.js";

describe("limiter", () => {
  it("never runs more than `concurrency` tasks at once and runs them all", async () => {
    const limiter = createLimiter({ concurrency: 3 });
    let active = 0;
    let peak = 0;
    const done = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        limiter.run(async () => {
          active++;
          peak = Math.max(peak, active);
          await new Promise((r) => setImmediate(r));
          active--;
          return i;
        }),
      ),
    );
    expect(done).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(peak).toBe(3);
  });

  it("spaces starts 1000/rate ms apart (fake clock)", async () => {
    let now = 0;
    const waits: number[] = [];
    const limiter = createLimiter({
      concurrency: 10,
      ratePerSecond: 4,
      now: () => now,
      sleep: async (ms) => {
        waits.push(ms);
        now += ms;
      },
    });
    await Promise.all(Array.from({ length: 4 }, () => limiter.run(async () => undefined)));
    expect(waits).toEqual([250, 250, 250]);
  });
});

describe("seeds and plan selection", () => {
  it("derives stable, distinct per-(operation, phase) seeds", () => {
    expect(deriveSeed(42, "snapCreateVa", "property")).toBe(deriveSeed(42, "snapCreateVa", "property"));
    expect(deriveSeed(42, "snapCreateVa", "property")).not.toBe(deriveSeed(42, "snapCreateVa", "negative"));
    expect(deriveSeed(42, "a")).toBeGreaterThanOrEqual(0);
    expect(deriveSeed(42, "a")).toBeLessThan(2 ** 31);
  });

  it("shards round-robin over the spec order", () => {
    expect(parseShard("2/3")).toEqual({ index: 2, count: 3 });
    expect(() => parseShard("0/3")).toThrow(/between 1 and n/);
    expect(() => parseShard("x")).toThrow(/expected <i>\/<n>/);
    expect(selectOperations(bundle, undefined, { index: 1, count: 2 }).map((o) => o.id)).toEqual([
      "snapGetTokenB2b",
      "dokuVaCreatePaymentCode",
    ]);
    expect(selectOperations(bundle, undefined, { index: 2, count: 2 }).map((o) => o.id)).toEqual([
      "snapCreateVa",
    ]);
    expect(
      selectOperations(bundle, ["dokuVaCreatePaymentCode", "snapCreateVa"], undefined).map((o) => o.id),
    ).toEqual(["snapCreateVa", "dokuVaCreatePaymentCode"]);
  });
});

describe("unique keys", () => {
  const op: Operation = {
    ...vaOp,
    id: "snapCreateVa",
    rules: [
      {
        id: "x-doku-va-number-concat",
        kind: "concat",
        in: "request",
        target: "/virtualAccountNo",
        parts: ["/partnerServiceId", "/customerNo"],
        description: "",
        source: "",
      },
    ],
    request: {
      examples: [],
      body: {
        key: "va.body",
        schema: {
          type: "object",
          properties: {
            partnerServiceId: { type: "string", pattern: "^ {0,7}[0-9]{1,8}$" },
            customerNo: { type: "string", pattern: "^[0-9]{1,20}$" },
            virtualAccountNo: { type: "string" },
            trxId: { type: "string", minLength: 1, maxLength: 64 },
          },
        },
      },
    },
  };
  const validators = compileValidators({ "va.body": op.request.body!.schema });
  const kase = (body: Record<string, string>): Case => bodyCase(op.id, body);

  it("rotates digits to digits and letters to letters, carrying, keeping length and other characters", () => {
    expect(rotate("a9-Z", 1)).toBe("b0-A");
    expect(rotate("a9-Z", 26)).toBe("b0-Z");
    expect(rotate("09", 1)).toBe("10");
    expect(rotate("09", 11)).toBe("20");
    expect(rotate("  12", 3)).toBe("  15");
    expect(rotate("zz", 1)).toBe("aa");
  });

  it("keeps every valid case's keys unique within a run, re-applies concat rules, stays valid", () => {
    const unique = new UniqueKeys(validators);
    const keys = new Set<string>();
    const trx = new Set<string>();
    for (let i = 0; i < 300; i++) {
      const fresh = unique.freshen(
        op,
        kase({ partnerServiceId: "1", customerNo: "0", virtualAccountNo: "10", trxId: "7" }),
      );
      const body = fresh.body as Record<string, string>;
      expect(validators["va.body"]!(body)).toBe(true);
      expect(body.virtualAccountNo).toBe(`${body.partnerServiceId}${body.customerNo}`);
      keys.add(`${String(body.partnerServiceId).trim()}|${body.customerNo}`);
      trx.add(body.trxId as string);
    }
    expect(keys.size).toBe(300);
    expect(trx.size).toBe(300);
  });

  it("leaves negatives alone and the first use of a key unchanged", () => {
    const unique = new UniqueKeys(validators);
    const first = kase({ partnerServiceId: "1", customerNo: "0", virtualAccountNo: "10", trxId: "a" });
    expect(unique.freshen(op, first)).toBe(first);
    const negative: Case = {
      ...first,
      expect: { kind: "reject", pointer: "/trxId", rule: "minLength", reason: "" },
    };
    expect(unique.freshen(op, negative)).toBe(negative);
  });
});

describe("setup binding", () => {
  /** The `x-doku-setup` rules of the DOKU specs, by operation id. */
  const SETUP = Object.fromEntries(operations.flatMap((o) => (o.setup ? [[o.id, o.setup] as const] : [])));
  const created = (body: unknown, json: unknown = {}) => ({
    case: {
      operationId: "c",
      phase: "property" as const,
      method: "POST" as const,
      path: "/",
      pathParams: {},
      headers: {},
      body,
      expect: { kind: "accept" as const },
      label: "",
    },
    request: { method: "POST" as const, url: "http://x/", headers: { "X-EXTERNAL-ID": "123" }, body: "" },
    response: { status: 200, headers: {}, body: "", json },
    durationMs: 1,
  });
  const target = (body: unknown, expect: Case["expect"] = { kind: "accept" }): Case => ({
    operationId: "snapUpdateVa",
    phase: "property",
    method: "PUT",
    path: "/u",
    pathParams: {},
    headers: {},
    body,
    expect,
    label: "",
  });
  const op = { ...vaOp, id: "snapUpdateVa", path: "/u" };

  it("copies the created identifiers into existing fields only", () => {
    const bound = bindCase(
      op,
      SETUP.snapUpdateVa!,
      target({
        partnerServiceId: "9",
        customerNo: "9",
        virtualAccountNo: "99",
        trxId: "t",
        virtualAccountName: "n",
      }),
      created({ partnerServiceId: "1", customerNo: "2", virtualAccountNo: "12", trxId: "T1" }),
    );
    expect(bound.body).toEqual({
      partnerServiceId: "1",
      customerNo: "2",
      virtualAccountNo: "12",
      trxId: "T1",
      virtualAccountName: "n",
    });
    const sparse = bindCase(
      op,
      SETUP.snapUpdateVa!,
      target({ customerNo: "9" }),
      created({ partnerServiceId: "1", customerNo: "2", virtualAccountNo: "12", trxId: "T1" }),
    );
    expect(sparse.body).toEqual({ customerNo: "2" });
  });

  it("never overwrites the field a negative breaks", () => {
    const negative = target(
      { partnerServiceId: "x", customerNo: "9", virtualAccountNo: "99", trxId: "t" },
      { kind: "reject", pointer: "/partnerServiceId", rule: "pattern", reason: "" },
    );
    const bound = bindCase(
      op,
      SETUP.snapUpdateVa!,
      negative,
      created({ partnerServiceId: "1", customerNo: "2", virtualAccountNo: "12", trxId: "T1" }),
    );
    expect((bound.body as Record<string, string>).partnerServiceId).toBe("x");
    expect((bound.body as Record<string, string>).customerNo).toBe("2");
  });

  it("fills path parameters from the created request and from headers", () => {
    const statusOp = {
      ...vaOp,
      id: "orderStatus",
      method: "GET" as const,
      path: "/orders/v1/status/{invoiceNumber}",
    };
    const kase: Case = {
      ...target(undefined),
      operationId: "orderStatus",
      method: "GET",
      path: "/orders/v1/status/old",
      pathParams: { invoiceNumber: "old" },
    };
    delete kase.body;
    const bound = bindCase(
      statusOp,
      SETUP.orderStatus!,
      kase,
      created({ order: { invoice_number: "INV 1/2" } }),
    );
    expect(bound.path).toBe("/orders/v1/status/INV%201%2F2");
    expect(fillPath("/a/{x}/b", { x: "1" })).toBe("/a/1/b");
    const refund = bindCase(
      { ...vaOp, id: "danaRefund" },
      SETUP.danaRefund!,
      target({ originalPartnerReferenceNo: "a", originalExternalId: "b" }),
      created({ partnerReferenceNo: "P1" }),
    );
    expect(refund.body).toEqual({ originalPartnerReferenceNo: "P1", originalExternalId: "123" });
  });
});

describe("reproduction lines", () => {
  it("builds rerun and curl lines", () => {
    expect(
      rerunLine({ seed: 7, operationId: "snapCreateVa", phase: "property", target: "mock", cases: 100 }),
    ).toBe("doku-conformance run --seed 7 --operation snapCreateVa --phase property");
    expect(rerunLine({ seed: 7, operationId: "x", phase: "property", target: "sandbox", cases: 20 })).toBe(
      "doku-conformance run --seed 7 --operation x --phase property --target sandbox --cases 20",
    );
    expect(
      rerunLine({
        seed: 7,
        operationId: "x",
        phase: "negative",
        target: "mock",
        cases: 20,
        negativeCases: 5,
      }),
    ).toBe("doku-conformance run --seed 7 --operation x --phase negative --negative-cases 5");
    expect(curlLine("POST", "http://h/p?a=1", "r/x.headers", "r/x.body")).toBe(
      "curl -sS --path-as-is -X POST 'http://h/p?a=1' -H @r/x.headers --data-binary @r/x.body",
    );
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
  });
});

describe("raw request paths", () => {
  it.each([
    ["http://127.0.0.1:1/orders/v1/status/.", "/orders/v1/status/."],
    ["http://h/a/../b?x=1", "/a/../b?x=1"],
    ["https://h/api/x/%2e", "/api/x/%2e"],
    ["http://h", "/"],
    ["http://h?x=1", "/?x=1"],
  ])("%s is sent as %s (no dot-segment removal)", (url, path) => {
    expect(requestTarget(url)).toBe(path);
  });
});
