/**
 * The case parts of one request (path parameters, headers, body) together: valid values, the boundary
 * and negative lists (found once, deterministic), and their Arbitrary forms. A boundary or negative edits
 * one part; the other parts stay valid.
 */
import fc from "fast-check";
import type { Expectation, Phase } from "../model/case.js";
import { SpecError } from "../model/errors.js";
import { type Boundary, partBoundaries, tryBoundary } from "./boundary.js";
import { type Choices, fromChoices } from "./choice.js";
import { type Negative, partNegatives } from "./negative.js";
import { breaksOnly, type Part } from "./part.js";
import { extrasArbitrary } from "./rules/index.js";
import type { Unsupported } from "./shape.js";

export type PartKey = "pathParams" | "headers" | "body";
export type Values = Partial<Record<PartKey, unknown>>;
export type Mode = "valid" | "boundary" | "negative";

/** One generated request, before it becomes a Case. */
export interface Generated {
  values: Values;
  phase: Phase;
  expect: Expectation;
  label: string;
}

const KEYS: PartKey[] = ["pathParams", "headers", "body"];
const BASE_SEED = 7;
const BASES = 8;
const ACCEPT: Expectation = { kind: "accept" };

export interface PartsPlan {
  valid: fc.Arbitrary<Values>;
  boundaries(): { items: Generated[]; skipped: Unsupported[] };
  negatives(): { items: Generated[]; unsupported: Unsupported[] };
  /** One request of `mode`, every part decoded from the same choice sequence. */
  decoder(mode: Mode): (c: Choices) => Generated;
  arbitrary(mode: Mode): fc.Arbitrary<Generated>;
}

const negExpect = (n: Negative, prefix: string): Expectation => ({
  kind: "reject",
  pointer: prefix + n.target.pointer,
  rule: n.target.rule,
  reason: n.reason,
});

export function planParts(parts: Partial<Record<PartKey, Part>>, where: string): PartsPlan {
  const keys = KEYS.filter((k) => parts[k] !== undefined);
  const decodeValues = (c: Choices): Values => {
    const values: Values = {};
    for (const k of keys) values[k] = parts[k]!.decode(c);
    return values;
  };
  const valid = fromChoices(decodeValues);
  let bases: Values[] | undefined;
  const basesOf = (): Values[] => {
    bases ??= fc.sample(valid, { seed: BASE_SEED, numRuns: BASES });
    return bases;
  };
  const extrasOf = (k: PartKey) =>
    fc.sample(extrasArbitrary(parts[k]!.plans), { seed: BASE_SEED, numRuns: 1 })[0]!;
  let bounds: { list: [PartKey, Boundary][]; skipped: Unsupported[] } | undefined;
  let negs: { list: [PartKey, Negative][]; unsupported: Unsupported[] } | undefined;

  const boundaryData = () => {
    if (bounds) return bounds;
    const list: [PartKey, Boundary][] = [];
    const skipped: Unsupported[] = [];
    for (const k of keys) {
      const r = partBoundaries(
        parts[k]!,
        basesOf().map((b) => b[k]),
        extrasOf(k),
      );
      list.push(...r.found.map((b): [PartKey, Boundary] => [k, b]));
      skipped.push(...r.skipped);
    }
    bounds = { list, skipped };
    return bounds;
  };
  const negativeData = () => {
    if (negs) return negs;
    const list: [PartKey, Negative][] = [];
    const unsupported: Unsupported[] = [];
    for (const k of keys) {
      const r = partNegatives(
        parts[k]!,
        basesOf().map((b) => b[k]),
      );
      list.push(...r.found.map((n): [PartKey, Negative] => [k, n]));
      unsupported.push(...r.unsupported);
    }
    negs = { list, unsupported };
    return negs;
  };
  const boundaryItem = (values: Values, b: Boundary): Generated => ({
    values,
    phase: "boundary",
    expect: ACCEPT,
    label: `boundary: ${b.label}`,
  });
  const negativeItem = (values: Values, n: Negative, k: PartKey): Generated => ({
    values,
    phase: "negative",
    expect: negExpect(n, parts[k]!.prefix),
    label: `negative: ${n.label} (${n.reason})`,
  });

  const nonEmpty = <T>(list: T[], what: string): T[] => {
    if (list.length === 0) throw new SpecError(`there are no ${what} cases to generate`, where);
    return list;
  };

  return {
    valid,
    boundaries() {
      const { list, skipped } = boundaryData();
      return { items: list.map(([k, b]) => boundaryItem({ ...basesOf()[0], [k]: b.found }, b)), skipped };
    },
    negatives() {
      const { list, unsupported } = negativeData();
      return {
        items: list.map(([k, n]) => negativeItem({ ...basesOf()[0], [k]: n.found }, n, k)),
        unsupported,
      };
    },
    decoder(mode) {
      if (mode === "valid")
        return (c) => ({
          values: decodeValues(c),
          phase: "property",
          expect: ACCEPT,
          label: "property: valid request",
        });
      if (mode === "boundary") {
        const extras = Object.fromEntries(keys.map((k) => [k, extrasOf(k)]));
        const list = nonEmpty(boundaryData().list, "boundary");
        return (c) => {
          const [k, b] = list[c.next(list.length)]!;
          const values = decodeValues(c);
          const value = tryBoundary(parts[k]!, values[k], b.edit, extras[k]!);
          return boundaryItem({ ...values, [k]: value === undefined ? b.found : value }, b);
        };
      }
      const list = nonEmpty(negativeData().list, "negative");
      return (c) => {
        const [k, n] = list[c.next(list.length)]!;
        const values = decodeValues(c);
        const value = n.make(values[k]).find((v) => breaksOnly(parts[k]!, v, n.target));
        return negativeItem({ ...values, [k]: value === undefined ? n.found : value }, n, k);
      };
    },
    arbitrary(mode) {
      return fromChoices(this.decoder(mode));
    },
  };
}
