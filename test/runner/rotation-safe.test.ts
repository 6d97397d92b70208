/**
 * Laws of rotation safety (src/runner/rotation-safe.ts): a pattern judged safe accepts a string exactly when it
 * accepts any rotation of it; for every unique-key group of the specs judged safe, a rotated body validates
 * exactly when the body does; and freshening with the shortcut gives the very cases it gives without it, with
 * fewer validations (none for a body known valid).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadSpecBundle } from "../../conformance/bundle.js";
import { caseArbitrary } from "../../src/arbitraries/index.js";
import type { Case } from "../../src/model/case.js";
import type { Operation, UniqueKeyGroup } from "../../src/model/operation.js";
import { parsePointer, valueAt } from "../../src/model/pointer.js";
import { buildPlan } from "../../src/runner/build.js";
import { defaultCaseSource } from "../../src/runner/case-source.js";
import { replaceAt } from "../../src/runner/replace-at.js";
import { patternRotationSafe, rotationSafe } from "../../src/runner/rotation-safe.js";
import { keyPartitions, rotate, UniqueKeys } from "../../src/runner/unique.js";

const bundle = await loadSpecBundle();
const keyed = bundle.operations.filter((op) => op.kind === "path" && (op.uniqueKeys?.length ?? 0) > 0);

/** The body with every field of `group` rotated by `salt` and the request concat rules re-applied. */
function rotatedBody(operation: Operation, group: UniqueKeyGroup, body: unknown, salt: number): unknown {
  let out = body;
  for (const pointer of group.pointers) {
    const value = valueAt(out, pointer);
    if (typeof value === "string") out = replaceAt(out, parsePointer(pointer), rotate(value, salt));
  }
  for (const rule of operation.rules) {
    if (rule.kind !== "concat" || rule.in !== "request") continue;
    const parts = (rule.parts as string[]).map((p) => valueAt(out, p));
    if (parts.every((p) => typeof p === "string") && typeof valueAt(out, rule.target as string) === "string")
      out = replaceAt(out, parsePointer(rule.target as string), parts.join(""));
  }
  return out;
}

describe("patternRotationSafe", () => {
  it.each([
    ["^[0-9]{1,20}$", true],
    ["^ {0,7}[0-9]{1,8}$", true],
    ["^[A-Za-z0-9._-]*$", true],
    ["^([a-z]+|[0-9]{3})$", true],
    ["^INV[0-9]+$", false],
    ["^[0-5]+$", false],
    ["^[a-f0-9]{32}$", false],
    ["^[A-Z]{3}0$", false],
    ["^(?=x).*$", false],
  ])("%s: %s", (pattern, safe) => {
    expect(patternRotationSafe(pattern)).toBe(safe);
  });

  it("a safe pattern accepts a string exactly when it accepts its rotations (law)", () => {
    const safe = ["^[0-9]{1,20}$", "^ {0,7}[0-9]{1,8}$", "^[A-Za-z0-9._-]*$", "^([a-z]{2}|[0-9]{4})-[A-Z]+$"];
    const unit = fc.constantFrom(..."0123456789abyzABYZ-._ ".split(""));
    fc.assert(
      fc.property(
        fc.constantFrom(...safe),
        fc.string({ unit, maxLength: 24 }),
        fc.nat(),
        (pattern, value, salt) => {
          const re = new RegExp(pattern, "u");
          expect(re.test(rotate(value, salt))).toBe(re.test(value));
        },
      ),
    );
  });
});

describe("rotationSafe", () => {
  const op = (schema: Record<string, unknown>, rules: Operation["rules"] = []): Operation =>
    ({
      id: "x",
      request: { body: { key: "x.request.body", schema } },
      rules,
    }) as unknown as Operation;
  const group: UniqueKeyGroup = { space: "s", pointers: ["/a/id"] };
  const at = (field: Record<string, unknown>, root: Record<string, unknown> = {}) => ({
    type: "object",
    ...root,
    properties: { a: { type: "object", properties: { id: field } } },
  });

  it("holds for lengths and a closed pattern reached through properties", () => {
    expect(rotationSafe(op(at({ type: "string", maxLength: 9, pattern: "^[0-9]+$" })), group)).toBe(true);
  });

  it.each([
    ["an enum", at({ type: "string", enum: ["1", "2"] })],
    ["a const", at({ type: "string", const: "1" })],
    ["a format", at({ type: "string", format: "date" })],
    ["an open pattern", at({ type: "string", pattern: "^A[0-9]$" })],
    ["a $ref", at({ $ref: "#/$defs/id" })],
    ["a composition on the way", at({ type: "string" }, { allOf: [{ required: ["a"] }] })],
    ["patternProperties on the way", at({ type: "string" }, { patternProperties: { "^a$": {} } })],
  ])("does not hold with %s", (_what, schema) => {
    expect(rotationSafe(op(schema), group)).toBe(false);
  });

  it("does not hold when a concat target built from the key is not safe", () => {
    const schema = {
      type: "object",
      properties: {
        a: { type: "object", properties: { id: { type: "string" } } },
        full: { type: "string", enum: ["x"] },
      },
    };
    const concat = { kind: "concat", in: "request", parts: ["/a/id"], target: "/full" };
    expect(rotationSafe(op(schema), group)).toBe(true);
    expect(rotationSafe(op(schema, [concat as unknown as Operation["rules"][number]]), group)).toBe(false);
  });

  it("the specs' safe groups: a rotated valid body validates, an invalid one does not (law)", () => {
    const pairs = keyed.flatMap((operation) =>
      (operation.uniqueKeys ?? [])
        .filter((group) => rotationSafe(operation, group))
        .map((group) => ({ operation, group })),
    );
    // snapCreateVa's two groups and the invoice numbers are safe: the law is not vacuous.
    expect(pairs.map((p) => `${p.operation.id}:${p.group.space}`)).toEqual(
      expect.arrayContaining(["snapCreateVa:snap-trx-id", "snapCreateVa:snap-va"]),
    );
    for (const { operation, group } of pairs) {
      const validate = bundle.validators[operation.request.body?.key as string] as (d: unknown) => boolean;
      const bodies = fc
        .sample(caseArbitrary(operation, "valid"), { seed: 5, numRuns: 20 })
        .map((c) => c.body);
      const broken = fc
        .sample(caseArbitrary(operation, "negative"), { seed: 5, numRuns: 20 })
        .map((c) => c.body);
      for (const [i, body] of [...bodies, ...broken].entries()) {
        const salt = 1 + i * 7919;
        expect(
          validate(rotatedBody(operation, group, body, salt)),
          `${operation.id} ${group.space} #${i}`,
        ).toBe(validate(body));
      }
    }
  });
});

describe("freshening with the shortcut", () => {
  it("gives the cases it gives without it, with fewer validations", () => {
    const operation = keyed.find((o) => o.id === "snapCreateVa") as Operation;
    const cases = fc.sample(caseArbitrary(operation, "valid"), { seed: 11, numRuns: 150 }) as Case[];
    // Repeats force collisions, so searches run.
    const drawn = [...cases, ...cases.slice(0, 50)];
    const writer = { operation: operation.id, phase: "property" as const };
    const withShortcut = new UniqueKeys(bundle.validators);
    const without = new UniqueKeys(bundle.validators, undefined, () => false);
    const a = drawn.map((c) => withShortcut.tryFreshen(operation, c, { writer }));
    const b = drawn.map((c) => without.tryFreshen(operation, c, { writer }));
    expect(a).toEqual(b);
    expect(withShortcut.candidates).toBe(without.candidates);
    expect(withShortcut.validated).toBeLessThan(without.validated);
  });

  it("takes a body known valid without validating it, and gives the same cases", () => {
    const operation = keyed.find((o) => o.id === "snapCreateVa") as Operation;
    const cases = fc.sample(caseArbitrary(operation, "valid"), { seed: 12, numRuns: 150 }) as Case[];
    const drawn = [...cases, ...cases.slice(0, 50)];
    const writer = { operation: operation.id, phase: "property" as const };
    const partitions = keyPartitions(bundle.operations);
    const known = new UniqueKeys(bundle.validators, partitions);
    const asked = new UniqueKeys(bundle.validators, partitions);
    const a = drawn.map((c) => known.tryFreshen(operation, c, { writer, valid: true }));
    const b = drawn.map((c) => asked.tryFreshen(operation, c, { writer }));
    expect(a).toEqual(b);
    // Both groups of snapCreateVa are rotation-safe: a known-valid body's rotations need no validation (a
    // suffixed candidate, which may outgrow a length, still gets one).
    expect(known.validated).toBeLessThan(asked.validated);
  });

  it("a plan from the default source (valid by construction) validates fewer bodies than from a source without the promise", () => {
    const operation = keyed.find((o) => o.id === "snapCreateVa") as Operation;
    const planOf = (source: typeof defaultCaseSource) => {
      const unique = new UniqueKeys(bundle.validators, keyPartitions(bundle.operations));
      const plan = buildPlan({
        bundle,
        operations: [operation],
        phases: ["property"],
        seed: 3,
        cases: 300,
        negativeCases: 0,
        source,
        unique,
      });
      return { bodies: [...plan.cases].map((c) => c.case.body), unique };
    };
    expect(defaultCaseSource.validByConstruction).toBe(true);
    const { validByConstruction: _, ...unsure } = defaultCaseSource;
    const fast = planOf(defaultCaseSource);
    const slow = planOf(unsure);
    expect(fast.bodies).toEqual(slow.bodies);
    expect(fast.unique.validated).toBeLessThan(slow.unique.validated);
  });
});
