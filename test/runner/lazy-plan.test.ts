/**
 * The streaming plan (issue #12): cases are drawn lazily, case i of a phase is a function of (seed, i) and
 * equals case i of the eager draw (fc.sample) and of the full run; only the selected (operation, phase)
 * pairs are drawn, and their unique keys are those of the full run (per-writer key partitions); the plan
 * holds the cases in flight, not the cases planned.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadSpecBundle } from "../../conformance/bundle.js";
import type { Case } from "../../src/model/case.js";
import type { Operation, SpecBundle } from "../../src/model/operation.js";
import { valueAt } from "../../src/model/pointer.js";
import { buildPlan } from "../../src/runner/build.js";
import { defaultCaseSource } from "../../src/runner/case-source.js";
import { PHASES } from "../../src/runner/options.js";
import type { CaseSource, PlannedCase } from "../../src/runner/planned.js";
import { lazySample } from "../../src/runner/sample.js";
import { keyPartitions, UniqueKeys } from "../../src/runner/unique.js";
import { runAgainst } from "./helpers.js";
import { bundle, caseSource, codeOp, vaOp } from "./spec.js";

const small = fc.record({ a: fc.string({ maxLength: 8 }), n: fc.array(fc.integer(), { maxLength: 4 }) });
const seeds = fc.oneof(fc.integer(), fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.double({ noNaN: true }));

describe("lazySample", () => {
  it("equals the eager draw (fc.sample) for any seed and count", () => {
    fc.assert(
      fc.property(seeds, fc.nat({ max: 60 }), (seed, count) => {
        expect([...lazySample(small, seed, count)]).toEqual(fc.sample(small, { seed, numRuns: count }));
      }),
      { numRuns: 60 },
    );
  });

  it("is prefix-stable and deterministic: the first k of n values are the k values, every time", () => {
    fc.assert(
      fc.property(fc.integer(), fc.nat({ max: 40 }), fc.nat({ max: 40 }), (seed, k, extra) => {
        const long = [...lazySample(small, seed, k + extra)];
        expect(long.slice(0, k)).toEqual([...lazySample(small, seed, k)]);
        expect([...lazySample(small, seed, k + extra)]).toEqual(long);
      }),
      { numRuns: 40 },
    );
  });

  it("draws one value per pull (nothing ahead)", () => {
    let drawn = 0;
    const counted = small.map((v) => {
      drawn++;
      return v;
    });
    const it = lazySample(counted, 7, 100_000)[Symbol.iterator]();
    for (let i = 0; i < 5; i++) it.next();
    expect(drawn).toBe(5);
  });
});

/** A plan over the inline spec; `selected` limits the drawn pairs. */
function inlinePlan(seed: number, cases: number, selected?: (op: Operation, phase: string) => boolean) {
  return buildPlan({
    bundle,
    operations: bundle.operations,
    phases: PHASES,
    seed,
    cases,
    negativeCases: 4,
    source: caseSource,
    unique: new UniqueKeys(bundle.validators, keyPartitions(bundle.operations)),
    ...(selected ? { selected } : {}),
  });
}

const bodiesOf = (cases: Iterable<PlannedCase>, op: string, phase: string) =>
  [...cases].filter((c) => c.operation.id === op && c.phase === phase).map((c) => c.case.body);

describe("the lazy plan", () => {
  it("property: case i of the plan is case i of the eager draw (before unique keys), whatever --cases", () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 30 }), (seed, cases) => {
        const plan = inlinePlan(seed, cases, (op, phase) => op.id === codeOp.id && phase === "property");
        const planned = [...plan.cases];
        const first = planned[0];
        if (!first?.origin) throw new Error("a property case has its origin");
        const eager = fc.sample(first.origin.arbitrary, { seed: first.origin.seed, numRuns: cases });
        // codeOp's cases are freshened only on a collision: compare the parts unique keys never touch.
        expect(planned.map((c) => (c.case.body as { order: { amount: number } }).order.amount)).toEqual(
          eager.map((c) => (c.body as { order: { amount: number } }).order.amount),
        );
        expect(planned.map((c) => c.index)).toEqual(eager.map((_c, i) => i));
      }),
      { numRuns: 25 },
    );
  });

  it("is prefix-stable: the first k cases with --cases k + n are the cases with --cases k", () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 20 }), fc.nat({ max: 20 }), (seed, k, n) => {
        const only = (op: Operation, phase: string) => op.id === vaOp.id && phase === "property";
        const short = bodiesOf(inlinePlan(seed, k, only).cases, vaOp.id, "property");
        const long = bodiesOf(inlinePlan(seed, k + n, only).cases, vaOp.id, "property");
        expect(long.slice(0, k)).toEqual(short);
      }),
      { numRuns: 25 },
    );
  });

  it("any selected pair gets exactly the full plan's cases for that pair, unique keys included", () => {
    const pairs = bundle.operations.flatMap((op) => PHASES.map((phase) => [op, phase] as const));
    fc.assert(
      fc.property(fc.integer(), fc.constantFrom(...pairs), (seed, [op, phase]) => {
        const full = bodiesOf(inlinePlan(seed, 12).cases, op.id, phase);
        const only = inlinePlan(seed, 12, (o, p) => o.id === op.id && p === phase);
        const some = bodiesOf(only.cases, op.id, phase);
        expect(some).toEqual(full);
        expect(some.length).toBe(only.total);
      }),
      { numRuns: 30 },
    );
  });
});

describe("plan memory: the cases in flight, not the cases planned", () => {
  /** The inline case source with a counter of drawn valid cases. */
  function counting(): { source: CaseSource; drawn: () => number } {
    let drawn = 0;
    const memo = new Map<string, fc.Arbitrary<Case>>();
    const source: CaseSource = {
      ...caseSource,
      valid(op) {
        let arbitrary = memo.get(op.id);
        if (!arbitrary) {
          arbitrary = caseSource.valid(op).map((kase) => {
            drawn++;
            return kase;
          });
          memo.set(op.id, arbitrary);
        }
        return arbitrary;
      },
    };
    return { source, drawn: () => drawn };
  }

  it("--cases 100000: announcing the plan draws nothing; pulling k cases draws k", () => {
    const { source, drawn } = counting();
    const plan = buildPlan({
      bundle,
      operations: [vaOp],
      phases: ["property"],
      seed: 3,
      cases: 100_000,
      negativeCases: 0,
      source,
      unique: new UniqueKeys(bundle.validators, keyPartitions(bundle.operations)),
    });
    expect(plan.total).toBe(100_000);
    expect(drawn()).toBe(0);
    const it = plan.cases[Symbol.iterator]();
    for (let i = 0; i < 16; i++) expect(it.next().done).toBe(false);
    expect(drawn()).toBe(16);
  });

  it("a run holds at most `concurrency` drawn-but-unfinished cases", async () => {
    const { source, drawn } = counting();
    let finished = 0;
    let most = 0;
    const concurrency = 3;
    const { summary } = await runAgainst([], {
      caseSource: source,
      operations: [vaOp.id],
      phases: ["property"],
      cases: 60,
      concurrency,
      listeners: [
        {
          onEvent(event) {
            if (event.type !== "case-finished") return;
            finished++;
            // Drawn but not finished: the cases in flight (the one just finished is counted as finished).
            most = Math.max(most, drawn() - finished);
          },
        },
      ],
    });
    expect(summary.summary.cases).toBe(60);
    expect(drawn()).toBe(60);
    expect(most).toBeLessThanOrEqual(concurrency);
  });
});

describe("the real spec: per-writer key partitions", () => {
  let real: SpecBundle | undefined;
  const load = async () => {
    real ??= await loadSpecBundle();
    return real;
  };
  const planOf = (b: SpecBundle, seed: number, selected?: (op: Operation, phase: string) => boolean) => {
    const paths = b.operations.filter((op) => op.kind === "path");
    return buildPlan({
      bundle: b,
      operations: paths,
      phases: PHASES,
      seed,
      cases: 4,
      negativeCases: 2,
      source: defaultCaseSource,
      unique: new UniqueKeys(b.validators, keyPartitions(paths)),
      ...(selected ? { selected } : {}),
    });
  };
  const sent = (c: PlannedCase) => [
    c.case.body,
    c.prerequisite?.body,
    c.first?.case.body,
    c.first?.prerequisite?.body,
  ];

  it("--operation X --phase P draws only X's P cases, and they (with their prerequisites) equal the full run's", async () => {
    const b = await load();
    const full = [...planOf(b, 11).cases];
    for (const id of ["snapCreateVa", "snapCheckVaStatus", "danaRefund", "dokuVaCreateMerchantPaymentCode"]) {
      for (const phase of ["examples", "property", "signature"] as const) {
        const only = [...planOf(b, 11, (op, p) => op.id === id && p === phase).cases];
        expect(only.every((c) => c.operation.id === id && c.phase === phase)).toBe(true);
        expect(only.map(sent)).toEqual(
          full.filter((c) => c.operation.id === id && c.phase === phase).map(sent),
        );
      }
    }
  }, 120_000);

  it("no unique key is used twice in the full plan (cases and prerequisites), whichever writer drew it", async () => {
    const b = await load();
    const byId = new Map(b.operations.map((op) => [op.id, op]));
    const seen = new Map<string, Set<string>>();
    let keys = 0;
    // One prerequisite is shared by the negatives of an (operation, phase): sent once, noted once.
    const noted = new WeakSet<Case>();
    const note = (kase: Case | undefined) => {
      const op = kase && byId.get(kase.operationId);
      if (!kase || !op || kase.expect.kind === "reject" || noted.has(kase)) return;
      noted.add(kase);
      for (const group of op.uniqueKeys ?? []) {
        const values = group.pointers.map((p) => valueAt(kase.body, p));
        if (values.some((v) => typeof v !== "string")) continue;
        const key = values.map((v) => (v as string).trim()).join("|");
        const used = seen.get(group.space) ?? new Set();
        seen.set(group.space, used);
        expect(used.has(key), `${group.space} ${key} (${kase.label})`).toBe(false);
        used.add(key);
        keys++;
      }
    };
    for (const c of planOf(b, 79).cases) {
      // A bound case carries its prerequisite's keys (x-doku-setup): only the creating request writes them.
      if (!c.operation.setup) note(c.case);
      note(c.prerequisite);
      if (c.first) {
        if (!c.operation.setup) note(c.first.case);
        note(c.first.prerequisite);
      }
    }
    expect(keys).toBeGreaterThan(100);
  }, 120_000);
});
