/**
 * Laws of unique-key freshening (src/runner/unique.ts) for random keys, shares and totals: a rotation adds
 * its salt to the key read as a number, the residue is that number modulo the total (a BigInt oracle checks
 * both), every key a writer gets is in its share and unused, two writers never get the same key, a writer's
 * keys depend only on its own cases, and the search costs a few candidates per key, not about total / share.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Case } from "../../src/model/case.js";
import type { Operation } from "../../src/model/operation.js";
import {
  type KeyPartitions,
  type KeyWriter,
  residueOf,
  rotate,
  UniqueKeys,
} from "../../src/runner/unique.js";
import { bodyCase, vaOp } from "./spec.js";

/** The key's digits and letters as one number (digits radix 10, letters radix 26), and its capacity. */
function numberOf(key: string): { value: bigint; capacity: bigint } {
  let value = 0n;
  let capacity = 1n;
  for (const c of key) {
    const radix = /[0-9]/.test(c) ? 10n : /[a-zA-Z]/.test(c) ? 26n : 1n;
    if (radix === 1n) continue;
    const digit = /[0-9]/.test(c) ? BigInt(Number(c)) : BigInt(c.toLowerCase().charCodeAt(0) - 97);
    value = value * radix + digit;
    capacity *= radix;
  }
  return { value, capacity };
}

const classOf = (c: string) => (/[0-9]/.test(c) ? "9" : /[a-z]/.test(c) ? "a" : /[A-Z]/.test(c) ? "A" : c);
const shapeOf = (value: string) => [...value].map(classOf).join("");

/** Key characters: digits, both cases of letters, and characters rotation leaves alone. */
const keyChar = fc.constantFrom(..."0123456789azAZmQ- _.".split(""));
const longKey = fc.string({ unit: keyChar, minLength: 0, maxLength: 60, size: "max" });

describe("rotate and residueOf", () => {
  it("rotate adds the salt to the value read as a number, carrying, keeping shape", () => {
    fc.assert(
      fc.property(longKey, fc.nat({ max: 2 ** 40 }), (value, salt) => {
        const out = rotate(value, salt);
        expect(shapeOf(out)).toBe(shapeOf(value));
        const { value: n, capacity } = numberOf(value);
        expect(numberOf(out).value).toBe((n + BigInt(salt)) % capacity);
      }),
    );
  });

  it("residueOf is the key's number modulo total, exactly, for keys of any length", () => {
    fc.assert(
      fc.property(longKey, fc.integer({ min: 1, max: 2 ** 31 }), (key, total) => {
        expect(residueOf(key, total)).toBe(Number(numberOf(key).value % BigInt(total)));
      }),
    );
  });
});

/** One key group of two fields (the second carries into the first), as a VA number is keyed. */
const op: Operation = {
  ...vaOp,
  rules: [],
  uniqueKeys: [{ space: "k", pointers: ["/a", "/b"] }],
  request: { examples: [], body: { key: "body", schema: {} } },
};
const kase = (body: { a: string; b: string }): Case => bodyCase(op.id, body);
const keyOf = (body: unknown) => {
  const { a, b } = body as { a: string; b: string };
  return `${a.trim()}|${b.trim()}`;
};

/** Writers w0..wn of space "k" with the given weights, as keyPartitions lays them out. */
function partitionsOf(weights: readonly number[]): { partitions: KeyPartitions; writers: KeyWriter[] } {
  const writers = weights.map((_w, i): KeyWriter => ({ operation: `w${i}`, phase: "property" }));
  const shares = new Map<string, { start: number; end: number }>();
  let total = 0;
  weights.forEach((w, i) => {
    shares.set(`w${i}\u0000property\u0000own`, { start: total, end: total + w });
    total += w;
  });
  return { partitions: new Map([["k", { shares, total }]]), writers };
}

/**
 * Whether a validator refuses a key: about one key in 8, by a hash unrelated to the residue (a gate keyed to
 * the residue, say "never ends in 7" when total is a multiple of 10, can refuse a whole share).
 */
function refused(key: string): boolean {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return (h >>> 0) % 8 === 0;
}

/** A validator refusing some keys (refused), counting its calls. */
function gate() {
  const counter = { calls: 0 };
  const validate = (body: unknown) => {
    counter.calls++;
    return !refused(keyOf(body));
  };
  return { validators: { body: validate }, counter };
}

/** Short colliding keys (a small pool, so writers collide with themselves and with each other). */
const shortField = fc.string({ unit: fc.constantFrom(..."0127aZ".split("")), minLength: 0, maxLength: 3 });
const scenario = fc
  .record({
    weights: fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 12, size: "max" }),
    // The cases a run freshens are valid: the gate refuses none of the drawn keys.
    calls: fc.array(
      fc.record({ writer: fc.nat(), a: shortField, b: shortField }).filter((c) => !refused(`${c.a}|${c.b}`)),
      { maxLength: 150, size: "max" },
    ),
  })
  .map(({ weights, calls }) => ({
    weights,
    calls: calls.map((c) => ({ ...c, writer: c.writer % weights.length })),
  }));

type Scenario = { weights: number[]; calls: { writer: number; a: string; b: string }[] };

/** Runs the calls on a fresh registry: each call's key (undefined when refused), the registry and gate. */
function run({ weights, calls }: Scenario, only?: number) {
  const { partitions, writers } = partitionsOf(weights);
  const { validators, counter } = gate();
  const unique = new UniqueKeys(validators, partitions);
  const keys = calls.map(({ writer, a, b }) => {
    if (only !== undefined && writer !== only) return undefined;
    const out = unique.tryFreshen(op, kase({ a, b }), { writer: writers[writer] as KeyWriter });
    return out && keyOf(out.body);
  });
  return { keys, unique, counter, total: partitions.get("k")?.total ?? 1 };
}

describe("UniqueKeys", () => {
  it("every key a writer gets is in its share, valid and unused; no two writers get the same key", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { keys, total } = run(s);
        const seen = new Set<string>();
        keys.forEach((key, i) => {
          expect(key).toBeDefined();
          const writer = (s.calls[i] as { writer: number }).writer;
          const start = s.weights.slice(0, writer).reduce((n, w) => n + w, 0);
          const residue = residueOf(key as string, total);
          expect(residue).toBeGreaterThanOrEqual(start);
          expect(residue).toBeLessThan(start + (s.weights[writer] as number));
          expect(refused(key as string)).toBe(false);
          expect(seen.has(key as string)).toBe(false);
          seen.add(key as string);
        });
      }),
      { numRuns: 150 },
    );
  });

  it("a writer's keys depend only on its own cases (what --operation X --phase P relies on)", () => {
    fc.assert(
      fc.property(scenario, fc.nat(), (s, pick) => {
        const writer = pick % s.weights.length;
        const full = run(s).keys.filter((_k, i) => s.calls[i]?.writer === writer);
        const alone = run(s, writer).keys.filter((_k, i) => s.calls[i]?.writer === writer);
        expect(alone).toEqual(full);
      }),
      { numRuns: 100 },
    );
  });

  it("costs a few candidates per key, however small the writer's share of the total", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { unique, counter, keys } = run(s);
        // Candidates: rotations and suffixes built; validator calls: candidates in the share and unused.
        // Steering misses only where a rotation wraps or a suffix grows, so a few per key plus a constant
        // (a lone key whose share no rotation reaches, say); sampling for the share instead builds about
        // total / share candidates per key (up to 480 here).
        expect(unique.candidates).toBeLessThanOrEqual(4 * keys.length + 8);
        expect(counter.calls).toBeLessThanOrEqual(unique.candidates);
      }),
      { numRuns: 150 },
    );
  });

  it("renew keeps the shape and lands in the share on an unused key when its salts leave room", () => {
    const field = fc.string({
      unit: fc.constantFrom(..."0123456789abcXYZ-".split("")),
      minLength: 4,
      maxLength: 8,
    });
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 12, size: "max" }),
        fc.array(fc.record({ writer: fc.nat(), a: field, b: field, salt: fc.nat() }), {
          maxLength: 60,
          size: "max",
        }),
        (weights, calls) => {
          const { partitions, writers } = partitionsOf(weights);
          const total = partitions.get("k")?.total ?? 1;
          const unique = new UniqueKeys({ body: () => true }, partitions);
          const seen = new Set<string>();
          for (const { writer, a, b, salt } of calls) {
            const w = writer % weights.length;
            // From the renewal's first salt to the capacity, room for the share (and for skipping used keys).
            const capacity = Number(
              numberOf(`${a}${b}`).capacity < 2n ** 40n ? numberOf(`${a}${b}`).capacity : 2n ** 40n,
            );
            if (capacity - (1 + (salt % Math.max(1, capacity - 1))) < 64 * total) continue;
            const out = unique.renew(op, kase({ a, b }), salt, writers[w]).body as { a: string; b: string };
            expect([shapeOf(out.a), shapeOf(out.b)]).toEqual([shapeOf(a), shapeOf(b)]);
            const key = keyOf(out);
            const start = weights.slice(0, w).reduce((n, x) => n + x, 0);
            const residue = residueOf(key, total);
            expect(residue >= start && residue < start + (weights[w] as number)).toBe(true);
            expect(seen.has(key)).toBe(false);
            seen.add(key);
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
