/**
 * A planned case as it crosses threads (plan-thread.ts): the operation by id, the signature mutator by name
 * and the shrinking origin by which arbitrary it came from, since functions and arbitraries cannot be posted.
 * Cases are plain data (structured clone keeps `undefined`, -0 and every JSON value as drawn).
 */
import type fc from "fast-check";
import type { Case, Phase } from "../model/case.js";
import type { Operation } from "../model/operation.js";
import { findMutator } from "../signatures/mutators.js";
import type { CaseSource, OriginArbitrary, PlannedCase } from "./planned.js";

export interface WirePlanned {
  operationId: string;
  phase: Phase;
  index: number;
  case: Case;
  prerequisite?: Case;
  sharedPrerequisite?: string;
  mutator?: string;
  first?: { case: Case; prerequisite?: Case };
  /** Which arbitrary of the case source drew the case (shrinking regenerates it), its seed and offset. */
  origin?: { from: OriginArbitrary; seed: number; offset?: number };
}

/** The planned case as posted. A mutator the receiving side could not find by name is a kit bug. */
export function toWire(planned: PlannedCase): WirePlanned {
  const {
    operation,
    phase,
    index,
    case: kase,
    prerequisite,
    sharedPrerequisite,
    mutator,
    first,
    origin,
  } = planned;
  const wire: WirePlanned = { operationId: operation.id, phase, index, case: kase };
  if (prerequisite) wire.prerequisite = prerequisite;
  if (sharedPrerequisite !== undefined) wire.sharedPrerequisite = sharedPrerequisite;
  if (mutator) {
    if (findMutator(mutator.name) !== mutator) throw new Error(`mutator ${mutator.name} cannot be posted`);
    wire.mutator = mutator.name;
  }
  if (first) wire.first = first;
  if (origin) {
    const { from, seed, offset } = origin;
    wire.origin = { from, seed, ...(offset !== undefined ? { offset } : {}) };
  }
  return wire;
}

/**
 * Reads posted cases back over the receiving side's operations and case source; each origin's arbitrary is
 * built once per operation, when the first case that needs it arrives.
 */
export function wireReader(
  operations: readonly Operation[],
  source: CaseSource,
): (wire: WirePlanned) => PlannedCase {
  const byId = new Map(operations.map((op) => [op.id, op]));
  const arbitraries = new Map<string, fc.Arbitrary<Case>>();
  const arbitraryOf = (operation: Operation, from: OriginArbitrary) => {
    const key = `${from}\u0000${operation.id}`;
    let arbitrary = arbitraries.get(key);
    if (!arbitrary) {
      arbitrary = source[from](operation);
      arbitraries.set(key, arbitrary);
    }
    return arbitrary;
  };
  return (wire) => {
    const operation = byId.get(wire.operationId);
    if (!operation) throw new Error(`posted case of unknown operation ${wire.operationId}`);
    const planned: PlannedCase = { operation, phase: wire.phase, index: wire.index, case: wire.case };
    if (wire.prerequisite) planned.prerequisite = wire.prerequisite;
    if (wire.sharedPrerequisite !== undefined) planned.sharedPrerequisite = wire.sharedPrerequisite;
    if (wire.mutator !== undefined) {
      const mutator = findMutator(wire.mutator);
      if (!mutator) throw new Error(`posted case with unknown mutator ${wire.mutator}`);
      planned.mutator = mutator;
    }
    if (wire.first) planned.first = wire.first;
    if (wire.origin) {
      const { from, seed, offset } = wire.origin;
      const arbitrary = arbitraryOf(operation, from);
      planned.origin = { from, arbitrary, seed, ...(offset !== undefined ? { offset } : {}) };
    }
    return planned;
  };
}
