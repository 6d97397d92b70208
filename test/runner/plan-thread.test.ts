/**
 * The plan drawn on a second thread (src/runner/plan-thread.ts, wire.ts): whatever the thread's start-up
 * delay, the run sees exactly the in-thread plan, case for case; the thread's unique-key state equals the
 * in-thread plan's; at most WINDOW batches wait; a thread that fails before the run took its cases is
 * ignored, after it the failure is the stream's. The "thread" here is servePlan on this thread behind a
 * posting fake (fake-plan-thread.ts); the real worker runs through the bin (test/cli/run-worker.test.ts).
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { loadSpecBundle } from "../../conformance/bundle.js";
import type { SpecBundle } from "../../src/model/operation.js";
import { defaultCaseSource } from "../../src/runner/case-source.js";
import {
  BATCH,
  type PlanParams,
  type PlanThreadStarter,
  ThreadedCases,
  WINDOW,
} from "../../src/runner/plan-thread.js";
import type { PlannedCase } from "../../src/runner/planned.js";
import { planFor } from "../../src/runner/steps/plan.js";
import { toWire, wireReader } from "../../src/runner/wire.js";
import { fakeThread } from "./fake-plan-thread.js";

let bundle: SpecBundle;
beforeAll(async () => {
  bundle = await loadSpecBundle();
});

/** Operations covering every planned-case shape: prerequisites, reused ids (`first`), mutators, negatives. */
const OPERATIONS = ["snapCreateVa", "snapUpdateVa", "dokuVaCreatePaymentCode", "orderStatus", "danaRefund"];

const params = (seed: number, cases: number): PlanParams => ({
  seed,
  operations: OPERATIONS,
  phases: ["examples", "boundary", "property", "negative", "signature"],
  cases,
  negativeCases: 3,
});

/** What a planned case is, functions by name: the same on both sides of the wire. */
function seen(planned: PlannedCase) {
  const { origin, mutator, operation, ...rest } = planned;
  return {
    ...rest,
    operation: operation.id,
    mutator: mutator?.name,
    origin: origin && { from: origin.from, seed: origin.seed, offset: origin.offset },
  };
}

/** Pulls a stream to its end as the run does (a macrotask per case, like a send). */
async function drain(cases: AsyncIterator<PlannedCase>): Promise<PlannedCase[]> {
  const out: PlannedCase[] = [];
  for (let next = await cases.next(); !next.done; next = await cases.next()) {
    out.push(next.value);
    await new Promise((resolve) => setImmediate(resolve));
  }
  return out;
}

function threaded(p: PlanParams, start: PlanThreadStarter) {
  const local = planFor(bundle, p, defaultCaseSource);
  const operations = bundle.operations.filter((op) => p.operations.includes(op.id));
  return {
    local,
    cases: ThreadedCases.start(
      local.cases[Symbol.iterator](),
      wireReader(operations, defaultCaseSource),
      start,
      p,
      { total: local.total, bundle },
    ) as ThreadedCases,
  };
}

describe("wire", () => {
  it("a posted planned case reads back as itself: operation, mutator and origin by name", () => {
    const p = params(5, 6);
    const operations = bundle.operations.filter((op) => p.operations.includes(op.id));
    const read = wireReader(operations, defaultCaseSource);
    const shapes = new Set<string>();
    for (const planned of planFor(bundle, p, defaultCaseSource).cases) {
      const back = read(structuredClone(toWire(planned)));
      expect(seen(back)).toEqual(seen(planned));
      expect(back.operation).toBe(planned.operation);
      expect(back.mutator).toBe(planned.mutator);
      expect(back.origin?.arbitrary !== undefined).toBe(planned.origin !== undefined);
      for (const key of ["prerequisite", "sharedPrerequisite", "mutator", "first", "origin"] as const)
        if (planned[key] !== undefined) shapes.add(key);
    }
    // The operations above exercise every optional part of a planned case.
    expect([...shapes].sort()).toEqual(["first", "mutator", "origin", "prerequisite", "sharedPrerequisite"]);
  });

  it("a shrunk case regenerates from the read-back origin exactly as from the original", () => {
    const p = params(9, 4);
    const operations = bundle.operations.filter((op) => p.operations.includes(op.id));
    const read = wireReader(operations, defaultCaseSource);
    for (const planned of planFor(bundle, p, defaultCaseSource).cases) {
      if (!planned.origin) continue;
      const back = read(toWire(planned));
      const sample = (o: NonNullable<PlannedCase["origin"]>) =>
        fc.sample(o.arbitrary, { seed: o.seed, numRuns: 2 });
      expect(sample(back.origin as NonNullable<PlannedCase["origin"]>)).toEqual(sample(planned.origin));
    }
  });
});

describe("ThreadedCases", () => {
  it("yields the in-thread plan case for case, whatever the thread's start-up delay", async () => {
    const p = params(71, 120);
    const expected = [...planFor(bundle, p, defaultCaseSource).cases].map(seen);
    for (const delay of [0, 40, 400, 100_000]) {
      const { cases } = threaded(p, fakeThread(bundle, { delay }));
      const got = (await drain(cases)).map(seen);
      await cases.settle(false);
      expect(got).toEqual(expected);
      if (delay === 0) expect(cases.drawn.thread).toBeGreaterThan(expected.length / 2);
      if (delay === 400) expect(cases.drawn.inThread).toBeGreaterThan(0);
      if (delay === 400) expect(cases.drawn.thread).toBeGreaterThan(0);
      if (delay === 100_000) expect(cases.drawn).toEqual({ inThread: expected.length, thread: 0 });
    }
  });

  it("hands over the thread's unique-key state: the in-thread plan's after the same cases", async () => {
    const p = params(79, 300);
    const alone = planFor(bundle, p, defaultCaseSource);
    for (const _ of alone.cases);
    const { cases } = threaded(p, fakeThread(bundle));
    await drain(cases);
    expect(cases.drawn.thread).toBeGreaterThan(0);
    const state = await cases.settle(true);
    expect(state).toEqual(alone.unique.snapshot());
    // A run that drew everything itself keeps its own state: nothing to hand over.
    const { cases: own, local } = threaded(p, fakeThread(bundle, { delay: 100_000 }));
    await drain(own);
    expect(await own.settle(true)).toBeUndefined();
    expect(local.unique.snapshot()).toEqual(alone.unique.snapshot());
  });

  it("never has more than WINDOW batches waiting, however slowly the run pulls", async () => {
    const waiting: number[] = [];
    const p = params(3, 20 * BATCH);
    const { cases } = threaded(p, fakeThread(bundle, { waiting }));
    // Three macrotasks per case: the thread posts far faster than this run takes.
    for (let next = await cases.next(); !next.done; next = await cases.next())
      for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
    await cases.settle(false);
    expect(waiting.length).toBeGreaterThan(WINDOW * 2);
    expect(Math.max(...waiting)).toBe(WINDOW);
  });

  it("a thread failing before the run took its cases is ignored: the run draws everything itself", async () => {
    const p = params(11, 80);
    const expected = [...planFor(bundle, p, defaultCaseSource).cases].map(seen);
    const { cases } = threaded(p, fakeThread(bundle, { failAt: 0 }));
    expect((await drain(cases)).map(seen)).toEqual(expected);
    expect(cases.drawn.thread).toBe(0);
    expect(await cases.settle(true)).toBeUndefined();
  });

  it("a starter that declines leaves the run drawing in-thread; it is told the plan's size", async () => {
    const p = params(17, 50);
    const local = planFor(bundle, p, defaultCaseSource);
    const told: number[] = [];
    const declined = ThreadedCases.start(
      local.cases[Symbol.iterator](),
      wireReader(bundle.operations, defaultCaseSource),
      (_params, _listener, plan) => {
        told.push(plan.total);
        return undefined;
      },
      p,
      { total: local.total, bundle },
    );
    expect(declined).toBeUndefined();
    expect(told).toEqual([local.total]);
  });

  it("a thread failing after the run took its cases fails the stream with its message", async () => {
    const { cases } = threaded(params(13, 30 * BATCH), fakeThread(bundle, { failAt: 3 }));
    await expect(drain(cases)).rejects.toThrow("thread broke");
    expect(cases.drawn.thread).toBeGreaterThan(0);
    expect(await cases.settle(true)).toBeUndefined();
  });
});
