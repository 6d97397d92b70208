/**
 * Bounded and honest runs (issue #14): a huge --cases is refused with a message instead of growing memory, a
 * run that plans no case is not a pass (exit 2), and the examples phase does not re-send DOKU's fixed sample
 * identifiers (their unique keys move to a seed-chosen variant of the same shape).
 */
import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/model/errors.js";
import { buildPlan } from "../../src/runner/build.js";
import { MAX_CASES, resolveOptions } from "../../src/runner/options.js";
import { keyPartitions, UniqueKeys } from "../../src/runner/unique.js";
import { runAgainst } from "./helpers.js";
import { bundle, caseSource, vaOp } from "./spec.js";

describe("bounded input", () => {
  it.each([
    ["cases", "--cases"],
    ["negativeCases", "--negative-cases"],
  ] as const)("%s beyond the bound is a usage error naming the flag and the bound", (key, flag) => {
    const run = () => resolveOptions({ bundle, [key]: 1_000_000_000 }, 1);
    expect(run).toThrow(UsageError);
    expect(run).toThrow(`${flag} 1000000000: at most ${MAX_CASES} per operation`);
    expect(resolveOptions({ bundle, [key]: MAX_CASES }, 1)[key]).toBe(MAX_CASES);
  });
});

describe("a run that checks nothing", () => {
  it("--cases 0 with only the property phase is a usage error (exit 2), not conformant", async () => {
    const run = runAgainst([], { cases: 0, phases: ["property"] });
    await expect(run).rejects.toThrow(UsageError);
    await expect(runAgainst([], { cases: 0, phases: ["property"] })).rejects.toThrow(
      /nothing to check: --cases 0 with --phase property plans no case/,
    );
  });

  it("--cases 0 with other phases still runs them", async () => {
    const { summary } = await runAgainst([], { cases: 0, phases: ["examples", "property"] });
    expect(summary.summary.cases).toBeGreaterThan(0);
    expect(summary.exitCode).toBe(0);
  });
});

describe("the lazy plan", () => {
  it("announces the total it yields, and the selected cases equal the full plan's (same seed)", () => {
    const plan = (selected?: (id: string, phase: string) => boolean) =>
      buildPlan({
        bundle,
        operations: bundle.operations,
        phases: ["examples", "boundary", "property", "negative", "signature"],
        seed: 5,
        cases: 7,
        negativeCases: 4,
        source: caseSource,
        unique: new UniqueKeys(bundle.validators, keyPartitions(bundle.operations)),
        ...(selected ? { selected: (op, phase) => selected(op.id, phase) } : {}),
      });
    const full = plan();
    const all = [...full.cases];
    expect(all.length).toBe(full.total);
    const only = plan((id, phase) => id === vaOp.id && phase === "property");
    const some = [...only.cases];
    expect(some.length).toBe(only.total);
    expect(some.map((c) => c.case.body)).toEqual(
      all.filter((c) => c.operation.id === vaOp.id && c.phase === "property").map((c) => c.case.body),
    );
  });
});

describe("examples get fresh unique keys", () => {
  const exampleOf = (seed: number) => {
    const plan = buildPlan({
      bundle,
      operations: [vaOp],
      phases: ["examples"],
      seed,
      cases: 0,
      negativeCases: 0,
      source: caseSource,
      unique: new UniqueKeys(bundle.validators),
    });
    const body = [...plan.cases][0]?.case.body as Record<string, string>;
    return body;
  };
  const shape = (s: string) => s.replace(/[0-9]/g, "9").replace(/[a-z]/g, "a").replace(/[A-Z]/g, "A");

  it("the sample's trxId is not re-sent; it keeps its shape; other seeds give other keys, one seed the same", () => {
    const sample = vaOp.request.examples[0]?.value as Record<string, string>;
    const first = exampleOf(1);
    expect(first.trxId).not.toBe(sample.trxId);
    expect(shape(first.trxId as string)).toBe(shape(sample.trxId as string));
    expect(first.virtualAccountName).toBe(sample.virtualAccountName);
    expect(bundle.validators[vaOp.request.body!.key]!(first)).toBe(true);
    expect(exampleOf(1)).toEqual(first);
    const others = new Set([2, 3, 4, 5].map((seed) => exampleOf(seed).trxId));
    others.add(first.trxId);
    expect(others.size).toBe(5);
  });
});
