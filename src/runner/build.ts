/**
 * Builds the run's plan: for each selected operation and phase (in order) the planner's cases, drawn as they
 * are pulled, with unique keys freshened and prerequisites attached, all derived from the run seed and the
 * (operation, phase, index), so `--seed N` gives the same plan and `--seed N --operation X` the same cases
 * for X. Unselected pairs are never drawn: unique keys are partitioned per (operation, phase) writer
 * (unique.ts), so no pair's keys depend on another's.
 */
import fc from "fast-check";
import { deriveSeed } from "../engine/seed.js";
import type { Case, Phase } from "../model/case.js";
import type { Operation, SpecBundle } from "../model/operation.js";
import { PHASE_COUNTS } from "./phases/counts.js";
import { PLANNERS } from "./phases/index.js";
import type { CaseSource, PlannedCase } from "./planned.js";
import type { UniqueKeys } from "./unique.js";

/** Draws tried for a prerequisite whose unique keys collide. */
const MAX_DRAWS = 20;

export interface PlanInput {
  /** The (operation, phase) pairs whose cases are drawn and sent; the others are skipped. Default all. */
  selected?: (operation: Operation, phase: Phase) => boolean;
  bundle: SpecBundle;
  operations: readonly Operation[];
  phases: readonly Phase[];
  seed: number;
  cases: number;
  negativeCases: number;
  source: CaseSource;
  unique: UniqueKeys;
}

export interface Plan {
  /**
   * The selected cases, drawn and readied one at a time as they are pulled (one pass): memory holds the
   * cases in flight, not the plan. Every pass of a seed gives the same cases.
   */
  cases: Iterable<PlannedCase>;
  /** How many cases `cases` yields (counted without drawing). */
  total: number;
  /** The plan's unique-key registry (a plan drawn on another thread hands its state over: plan-thread.ts). */
  unique: UniqueKeys;
  /** Readies a case generated later (shrinking): unique keys and a fresh prerequisite. */
  prepare(planned: PlannedCase, kase: Case, attempt: number): { case: Case; prerequisite?: Case };
}

/** Draws the prerequisite of a case: a valid case of the operation that sets it up (`x-doku-setup`), freshened. */
type Prerequisite = (operation: Operation, phase: Phase, index: number, attempt: number) => Case | undefined;

export function buildPlan(input: PlanInput): Plan {
  const prerequisite = prerequisites(input);
  const selected = input.selected ?? (() => true);
  const pairs = input.operations.flatMap((operation) =>
    input.phases.filter((phase) => selected(operation, phase)).map((phase) => ({ operation, phase })),
  );
  // Arbitraries are built (and a bad spec refused, exit 2) before anything is sent; drawing is lazy.
  for (const { operation, phase } of pairs) {
    input.source.valid(operation);
    if (phase === "negative") input.source.negative(operation);
  }
  let total = 0;
  for (const { operation, phase } of pairs) total += PHASE_COUNTS[phase]({ ...input, operation });
  function* cases(): Generator<PlannedCase> {
    const shared = new Map<string, Case | undefined>();
    for (const { operation, phase } of pairs) {
      const seed = deriveSeed(input.seed, operation.id, phase);
      for (const planned of PLANNERS[phase]({ ...input, operation, seed }))
        yield readied(input, planned, prerequisite, shared);
    }
  }
  return {
    cases: { [Symbol.iterator]: cases },
    total,
    unique: input.unique,
    prepare(planned, kase, attempt) {
      const pre = prerequisite(planned.operation, planned.phase, planned.index, attempt);
      const own = { operation: planned.operation.id, phase: planned.phase };
      return {
        case: input.unique.freshen(planned.operation, kase, own, knownValid(input, planned)),
        ...(pre ? { prerequisite: pre } : {}),
      };
    },
  };
}

/** A planner's case with fresh unique keys and its prerequisite (shared by the negatives of a phase). */
function readied(
  input: PlanInput,
  planned: PlannedCase,
  prerequisite: Prerequisite,
  shared: Map<string, Case | undefined>,
): PlannedCase {
  const { operation, phase } = planned;
  const own = { operation: operation.id, phase };
  // The spec's examples carry DOKU's fixed sample identifiers: their unique keys move to a variant of the
  // same shape chosen by the run seed, so a second run (another seed) against a stateful target is not refused.
  const kase =
    phase === "examples"
      ? input.unique.renew(
          operation,
          planned.case,
          deriveSeed(input.seed, operation.id, phase, "keys", String(planned.index)),
          own,
        )
      : input.unique.freshen(operation, planned.case, own, knownValid(input, planned));
  const ready: PlannedCase = { ...planned, case: kase };
  if (planned.first) {
    const pre = prerequisite(operation, phase, planned.index, 0);
    ready.first = {
      case: input.unique.freshen(operation, planned.first.case, own),
      ...(pre ? { prerequisite: pre } : {}),
    };
  } else if (planned.case.expect.kind === "reject") {
    const key = `${operation.id}|${phase}|negatives`;
    if (!shared.has(key)) shared.set(key, prerequisite(operation, phase, -1, 0));
    const pre = shared.get(key);
    if (pre) Object.assign(ready, { prerequisite: pre, sharedPrerequisite: key });
  } else if (!planned.mutator) {
    const pre = prerequisite(operation, phase, planned.index, 0);
    if (pre) ready.prerequisite = pre;
  }
  return ready;
}

/** Whether a planned case (and each shrink of it) is its source's valid case, valid by construction. */
function knownValid(input: PlanInput, planned: PlannedCase): boolean {
  return input.source.validByConstruction === true && planned.origin?.from === "valid";
}

/** The plan's prerequisite source: one arbitrary per creating operation, seeded per case and attempt. */
function prerequisites(input: PlanInput): Prerequisite {
  const creators = new Map<string, fc.Arbitrary<Case>>();
  return (operation, phase, index, attempt) => {
    const rule = operation.setup;
    const creator = rule && input.bundle.operations.find((op) => op.id === rule.creates);
    if (!rule || !creator) return undefined;
    let arbitrary = creators.get(creator.id);
    if (!arbitrary) {
      arbitrary = input.source.valid(creator);
      creators.set(creator.id, arbitrary);
    }
    // A prerequisite is infrastructure: when its unique keys cannot be made unique, draw another one.
    let last: Case | undefined;
    for (let draw = 0; draw < MAX_DRAWS; draw++) {
      const parts = ["setup", String(index), String(attempt), ...(draw > 0 ? [String(draw)] : [])];
      const [kase] = fc.sample(arbitrary, {
        seed: deriveSeed(input.seed, operation.id, phase, ...parts),
        numRuns: 1,
      });
      if (!kase) return undefined;
      last = { ...kase, phase, label: `setup: ${creator.id} for ${operation.id}` };
      const fresh = input.unique.tryFreshen(creator, last, {
        writer: { operation: operation.id, phase, setup: true },
        valid: input.source.validByConstruction === true,
      });
      if (fresh) return fresh;
    }
    return last;
  };
}
