/**
 * A planned case: what the scheduler runs. Besides the case itself it may carry a prerequisite (a creating
 * request whose result the case is bound to, see setup.ts), a signature mutator, a first request whose ids
 * it reuses, and where it came from (for shrinking).
 */
import type fc from "fast-check";
import type { Case, Phase } from "../model/case.js";
import type { Operation } from "../model/operation.js";
import type { SignedRequest, Signer, SignInput } from "../signatures/types.js";

/** Alters a correctly signed request so a correct target must refuse it. */
export interface RequestMutator {
  name: string;
  apply(input: SignInput, sign: Signer): SignedRequest;
}

export interface PlannedCase {
  operation: Operation;
  phase: Phase;
  /** Index within (operation, phase); stable for a seed. */
  index: number;
  case: Case;
  /** A creating case sent first; the case is bound to what it created (setup.ts). */
  prerequisite?: Case;
  /**
   * Set when the prerequisite is shared (negatives of one operation and phase: they are refused before any
   * state is touched, so one created resource serves them all); sent once per key.
   */
  sharedPrerequisite?: string;
  mutator?: RequestMutator;
  /** Reused ids: this valid case (with its own prerequisite) is sent first; `case` reuses its request ids. */
  first?: { case: Case; prerequisite?: Case };
  /**
   * Property and negative phases: regenerates the case (shrinking); run = index - offset. `from` names the
   * case source's arbitrary it is (a plan drawn on another thread posts the name, not the arbitrary).
   */
  origin?: { from: OriginArbitrary; arbitrary: fc.Arbitrary<Case>; seed: number; offset?: number };
}

/** Which of the case source's arbitraries a regenerable case came from. */
export type OriginArbitrary = "valid" | "negative";

/** Where cases come from (src/arbitraries): deterministic for a seed. */
export interface CaseSource {
  /** Valid cases (shrinkable; every shrink is valid too). */
  valid(operation: Operation): fc.Arbitrary<Case>;
  /**
   * Whether `valid`'s cases and their shrinks pass the operation's validators by construction (the default
   * source: a law, test/arbitraries/bundle.test.ts), so freshening them skips validating the body it starts
   * from (unique.ts). Unset: every body is validated before a rotated key of it is taken.
   */
  readonly validByConstruction?: boolean;
  /** Labelled negative cases, each breaking exactly one rule (shrinks keep the label). */
  negative(operation: Operation): fc.Arbitrary<Case>;
  /** Every negative once (one per breakable rule and field), deterministic; optional. */
  negatives?(operation: Operation): Case[];
  /** Deterministic boundary cases (min, max, just outside: the outside ones are negatives). */
  boundary(operation: Operation): Case[];
}
