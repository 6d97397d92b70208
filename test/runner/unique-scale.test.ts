/**
 * Unique keys at scale (issue #12: the kit's own mock refused valid cases at --cases 10000): thousands of
 * short generated keys crowd the in-place rotation space; freshening must still give every valid case unused,
 * valid keys instead of falling back to the original (already used) ones.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Case } from "../../src/model/case.js";
import type { Operation } from "../../src/model/operation.js";
import { UniqueKeys } from "../../src/runner/unique.js";
import { compileValidators } from "../../src/validation/ajv.js";
import { bodyCase, vaOp } from "./spec.js";

const schema = {
  type: "object",
  properties: {
    partnerServiceId: { type: "string", pattern: "^ {0,7}[0-9]{1,8}$" },
    customerNo: { type: "string", pattern: "^[0-9]{1,20}$" },
    virtualAccountNo: { type: "string" },
    trxId: { type: "string", minLength: 1, maxLength: 64 },
    name: { type: "string", pattern: "^[a-z]{1,12}$" },
  },
};
const op: Operation = {
  ...vaOp,
  uniqueKeys: [
    { space: "trx", pointers: ["/trxId"] },
    { space: "va", pointers: ["/partnerServiceId", "/customerNo"] },
    { space: "name", pointers: ["/name"] },
  ],
  rules: [
    {
      id: "concat",
      kind: "concat",
      in: "request",
      target: "/virtualAccountNo",
      parts: ["/partnerServiceId", "/customerNo"],
      description: "",
      source: "",
    },
  ],
  request: { examples: [], body: { key: "body", schema } },
};
const validators = compileValidators({ body: schema });
const kase = (body: Record<string, string>): Case => bodyCase(op.id, body);

/** Short keys, as fast-check's bias draws them by the thousand. */
const shortBodies = fc
  .record({ psid: fc.integer({ min: 0, max: 99 }), cno: fc.integer({ min: 0, max: 9 }), trx: fc.nat(30) })
  .map(({ psid, cno, trx }) => ({
    partnerServiceId: String(psid).padStart(4, " "),
    customerNo: String(cno),
    virtualAccountNo: `${String(psid).padStart(4, " ")}${cno}`,
    trxId: String(trx),
    name: "ab".slice(0, 1 + (trx % 2)),
  }));

describe("unique keys at scale", () => {
  it("5,000 short colliding keys all come out unused, valid and concat-consistent", () => {
    const unique = new UniqueKeys(validators);
    const seen = { trx: new Set<string>(), va: new Set<string>(), name: new Set<string>() };
    for (const body of fc.sample(shortBodies, { seed: 79, numRuns: 5000 })) {
      const fresh = unique.tryFreshen(op, kase(body));
      expect(fresh).toBeDefined();
      const out = fresh?.body as Record<string, string>;
      expect(validators.body!(out)).toBe(true);
      expect(out.virtualAccountNo).toBe(`${out.partnerServiceId}${out.customerNo}`);
      seen.trx.add(out.trxId as string);
      seen.va.add(`${String(out.partnerServiceId).trim()}|${out.customerNo}`);
      seen.name.add(out.name as string);
    }
    expect([seen.trx.size, seen.va.size, seen.name.size]).toEqual([5000, 5000, 5000]);
  });

  it("renew keeps length and character classes and registers the new keys", () => {
    const unique = new UniqueKeys(validators);
    const body = { partnerServiceId: "  12", customerNo: "345", virtualAccountNo: "  12345", trxId: "A1-b" };
    const renewed = unique.renew(op, kase(body), 987_654).body as Record<string, string>;
    expect(renewed.trxId).not.toBe("A1-b");
    expect(renewed.trxId).toMatch(/^[A-Z][0-9]-[a-z]$/);
    expect(renewed.customerNo).toHaveLength(3);
    expect(unique.freshen(op, kase({ ...body, trxId: renewed.trxId as string })).body).not.toMatchObject({
      trxId: renewed.trxId,
    });
  });
});
