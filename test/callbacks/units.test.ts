/** Table-driven tests of the small pieces: byte variants, forged-case selection, attacked headers, ids. */
import { describe, expect, it } from "vitest";
import { loadSpecBundle } from "../../conformance/bundle.js";
import { schemaBodySource } from "../../src/callbacks/bodies.js";
import { BYTE_VARIANTS } from "../../src/callbacks/byte-variants.js";
import { newExternalId } from "../../src/callbacks/ids.js";
import { forgedMutators } from "../../src/callbacks/plan.js";
import type { CallbackCheckContext } from "../../src/checks/callback/context.js";
import { attackedHeader, signatureHeaderOf } from "../../src/checks/callback/headers-at.js";
import { latency } from "../../src/checks/callback/latency.js";
import type { CallbackExchange } from "../../src/model/callback-case.js";
import { minifyJson } from "../../src/signatures/minify.js";
import { validateRequest } from "../../src/validation/validate.js";

const value = {
  partnerServiceId: "  088899",
  customerNo: "12345678901234567890",
  virtualAccountName: "Jokul Doe",
  totalAmount: { value: "12345678.00", currency: "IDR" },
  lines: [{ name: "Kopi / susu", quantity: 2 }],
};
const compact = JSON.stringify(value);
const reserialised = (text: string) => JSON.stringify(JSON.parse(text));

describe("byte variants", () => {
  it.each(BYTE_VARIANTS.map((v) => [v.name, v] as const))(
    "%s is the same JSON value in other bytes",
    (_n, variant) => {
      const text = variant.render(value);
      expect(text).toBeDefined();
      expect(JSON.parse(text as string)).toEqual(value);
      expect(text).not.toBe(compact);
    },
  );

  it.each([
    ["pretty", true, false],
    // JSON.parse keeps insertion order: reordering only catches receivers that sort or canonicalise keys
    ["reordered", false, true],
    ["escaped", true, true],
  ] as const)(
    "%s: breaks a re-serialising non-SNAP receiver: %s; survives SNAP minification: %s",
    (name, nonSnap, snap) => {
      const text = BYTE_VARIANTS.find((v) => v.name === name)?.render(value) as string;
      // non-SNAP signs the exact bytes: a receiver hashing JSON.stringify(JSON.parse(body)) hashes other bytes
      expect(reserialised(text) !== text).toBe(nonSnap);
      // SNAP signs minify(bytes): the variant still differs from the compact twin after minification
      expect(minifyJson(text) !== compact).toBe(snap);
    },
  );

  it("escaped: parse-and-stringify changes the minified bytes (what a SNAP re-serialiser hashes)", () => {
    const text = BYTE_VARIANTS.find((v) => v.name === "escaped")?.render(value) as string;
    expect(text).toContain("\\u004a");
    expect(reserialised(text)).not.toBe(minifyJson(text));
  });

  it("a value with nothing to vary yields no reordered or escaped variant", () => {
    expect(BYTE_VARIANTS.find((v) => v.name === "reordered")?.render({ a: 1 })).toBeUndefined();
    expect(BYTE_VARIANTS.find((v) => v.name === "escaped")?.render({ a: 1, b: "123" })).toBeUndefined();
  });
});

describe("forged cases per scheme", () => {
  it.each([
    [
      "nonsnap-hmac",
      "none",
      ["tampered-body", "stale-timestamp", "missing-client-id-header"],
      ["missing-token"],
    ],
    [
      "snap-hmac",
      "handshake",
      ["wrong-secret", "sha256-instead-of-sha512", "missing-token", "foreign-token"],
      ["wrong-key"],
    ],
    ["snap-hmac", "kit", ["missing-token"], ["foreign-token"]],
    ["snap-rsa", "handshake", ["wrong-key", "missing-token", "foreign-token"], ["wrong-secret"]],
    ["snap-rsa", "none", ["wrong-key", "stale-timestamp"], ["missing-token", "foreign-token"]],
    ["bearer-only", "handshake", ["missing-token", "foreign-token"], ["stale-timestamp", "tampered-body"]],
  ] as const)("%s with token %s", (auth, token, present, absent) => {
    const { names } = forgedMutators(auth, token);
    for (const name of present) expect(names).toContain(name);
    for (const name of absent) expect(names).not.toContain(name);
  });

  it("says why foreign-token is left out with a kit token", () => {
    expect(forgedMutators("snap-hmac", "kit").notes.join(" ")).toMatch(/cannot know which token is genuine/);
  });
});

describe("attacked header of a forgery", () => {
  it.each([
    ["stale-timestamp", "nonsnap-hmac", "/headers/Request-Timestamp"],
    ["future-timestamp", "snap-hmac", "/headers/X-TIMESTAMP"],
    ["foreign-token", "snap-rsa", "/headers/Authorization"],
    ["foreign-client-id", "nonsnap-hmac", "/headers/Client-Id"],
    ["missing-client-id-header", "snap-asymmetric-token", "/headers/X-CLIENT-KEY"],
    ["tampered-body", "nonsnap-hmac", "/headers/Signature"],
    ["wrong-key", "snap-rsa", "/headers/X-SIGNATURE"],
  ] as const)("%s under %s points at %s", (mutator, auth, pointer) => {
    expect(attackedHeader(mutator, auth)).toBe(pointer);
  });

  it("bearer-only has no signature header: refusals point at Authorization", () => {
    expect(signatureHeaderOf("bearer-only")).toBe("Authorization");
  });
});

describe("X-EXTERNAL-ID", () => {
  it("is 20 digits (numeric string, within the spec's 1-36) and differs per call", () => {
    const a = newExternalId();
    const b = newExternalId();
    expect(a).toMatch(/^[0-9]{20}$/);
    expect(a).not.toBe(b);
  });
});

describe("latency check (kit policy)", () => {
  const exchange = (durationMs: number) =>
    ({
      case: { operationId: "dokuVaNotification", label: "x", kind: "property", expect: { kind: "accept" } },
      request: { method: "POST", url: "http://127.0.0.1/x", headers: {}, body: "" },
      response: { status: 200, headers: {}, body: "" },
      durationMs,
    }) as unknown as CallbackExchange;
  const ctx = {
    latencyBudgetMs: 5000,
    operation: { id: "dokuVaNotification", source: "s" },
  } as unknown as CallbackCheckContext;

  it.each([
    [4999, 0],
    [5000, 0],
    [5001, 1],
  ])("%i ms against a 5000 ms budget: %i violation(s)", (ms, count) => {
    const found = latency(ctx, exchange(ms));
    expect(found).toHaveLength(count);
    if (count > 0)
      expect(found[0]).toMatchObject({
        check: "latency",
        rule: "latency",
        expected: 5000,
        actual: ms,
        source: "kit policy",
      });
  });
});

describe("generated callbacks", () => {
  it("are reproducible from the seed and differ between seeds", async () => {
    const bundle = await loadSpecBundle();
    const op = bundle.operations.find((o) => o.id === "snapVaPaymentNotification");
    if (op === undefined) throw new Error("snapVaPaymentNotification missing from generated/");
    const make = (seed: number) =>
      schemaBodySource(op, { cases: 5, seed, extra: 4 }).filter((b) => b.kind === "property");
    expect(make(7)).toEqual(make(7));
    expect(make(7)).toHaveLength(9);
    expect(JSON.stringify(make(7))).not.toBe(JSON.stringify(make(8)));
  });

  it("every generated body validates against the webhook's request schema", async () => {
    const bundle = await loadSpecBundle();
    for (const id of [
      "dokuVaInquiry",
      "dokuVaNotification",
      "snapVaInquiry",
      "snapVaPaymentNotification",
      "danaPaymentNotification",
    ]) {
      const op = bundle.operations.find((o) => o.id === id);
      if (op === undefined) throw new Error(`${id} missing from generated/`);
      const bodies = [...schemaBodySource(op, { cases: 10, seed: 3, extra: 0 })];
      expect(bodies.length, `${id}: generated bodies`).toBeGreaterThan(0);
      for (const body of bodies) {
        const errors = validateRequest(
          { operation: op, validators: bundle.validators },
          { body: body.value },
        ).filter((v) => v.severity === "error");
        expect(errors, `${id} ${body.label}`).toEqual([]);
      }
    }
  });
});
