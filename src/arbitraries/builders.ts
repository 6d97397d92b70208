/**
 * The keyword-family table: one Builder per shape kind, and the helpers that dispatch through it
 * (arbitrary, check, deterministic witnesses, "breaks exactly this rule"). Each family receives these
 * helpers as an argument (family.ts) instead of importing them, so no family imports this file.
 */
import fc from "fast-check";
import { arrayBuilder } from "./array.js";
import { anyBuilder, booleanBuilder, neverBuilder, nullBuilder } from "./boolean.js";
import { type Choices, fromChoices } from "./choice.js";
import { enumBuilder } from "./enum.js";
import type { Builder, Helpers } from "./family.js";
import { clone } from "./json.js";
import { numberBuilder } from "./number.js";
import { objectBuilder } from "./object.js";
import type { Issue, Mutation, Negatives, Shape, ShapeKind, Unsupported, Variant } from "./shape.js";
import { stringBuilder } from "./string.js";
import { unionBuilder } from "./union.js";

const table: { [K in ShapeKind]: Builder<Extract<Shape, { kind: K }>> } = {
  string: stringBuilder,
  number: numberBuilder,
  boolean: booleanBuilder,
  null: nullBuilder,
  any: anyBuilder,
  never: neverBuilder,
  enum: enumBuilder,
  object: objectBuilder,
  array: arrayBuilder,
  union: unionBuilder,
};

const builderOf = (s: Shape): Builder<Shape> => table[s.kind] as Builder<Shape>;
const arbitraries = new WeakMap<Shape, fc.Arbitrary<unknown>>();

/** The Arbitrary of valid values for a shape (built once per shape): `decodeOf` from one choice sequence. */
export function arbitraryOf(s: Shape): fc.Arbitrary<unknown> {
  const hit = arbitraries.get(s);
  if (hit) return hit;
  const arb = fromChoices((c) => decodeOf(s, c));
  arbitraries.set(s, arb);
  return arb;
}

/** A valid value for a shape, decoded from `c` (children draw from the same sequence). */
export function decodeOf(s: Shape, c: Choices): unknown {
  return builderOf(s).decode(s, c, helpers);
}

/** Schema failures of `value` (empty: valid), mirroring ajv's keyword and pointer. */
export function checkShape(s: Shape, value: unknown, at = ""): Issue[] {
  const out: Issue[] = [];
  builderOf(s).check(s, value, at, out, helpers);
  return out;
}

/** Valid edits at this node or its direct children (the walker in boundary.ts recurses). */
export const boundariesOf = (s: Shape, value: unknown): Variant[] =>
  builderOf(s).boundaries(s, value, helpers);

/** Single-rule breaking edits at this node or its direct children (the walker in negative.ts recurses). */
export const negativesOf = (s: Shape, value: unknown): Negatives => builderOf(s).negatives(s, value, helpers);

/** True when `value` fails exactly one keyword, `rule`, at this node, and a conflict alternative rejects it too. */
export function onlyBreaks(s: Shape, value: unknown, rule: string): boolean {
  const issues = checkShape(s, value);
  return (
    issues.length === 1 && issues[0]!.keyword === rule && (!s.alt || checkShape(s.alt, value).length > 0)
  );
}

/** Why `value` is not a clean break of exactly `rule` at this node; undefined when it is. */
export function whyNotOnly(s: Shape, value: unknown, rule: string): string | undefined {
  const issues = checkShape(s, value);
  const others = [...new Set(issues.filter((i) => i.keyword !== rule).map((i) => i.keyword))];
  if (!issues.some((i) => i.keyword === rule)) return `it does not break ${rule}`;
  if (others.length > 0) return `it also breaks ${others.join(", ")}`;
  if (s.alt && checkShape(s.alt, value).length === 0)
    return "the x-doku-conflict alternative accepts it (only a warning)";
  return undefined;
}

/** The first candidate breaking only `rule` as a mutation at this node, else an Unsupported saying why. */
export function firstBreak(
  s: Shape,
  rule: string,
  candidates: readonly unknown[],
  reason: (value: unknown) => string,
  none: string,
): Mutation | Unsupported {
  let why: string | undefined;
  for (const value of candidates) {
    const not = whyNotOnly(s, value, rule);
    if (not === undefined) return { path: "", op: "set", value, rule, reason: reason(value) };
    why ??= not;
  }
  return { pointer: "", rule, reason: why ?? none };
}

const witnessCache = new WeakMap<Shape, unknown[]>();

/** `n` deterministic valid values (fixed seed): boundary fillers, array items. Fresh copies each call. */
export function witnesses(s: Shape, n: number): unknown[] {
  let list = witnessCache.get(s) ?? [];
  if (list.length < n) {
    list = fc.sample(arbitraryOf(s), { seed: 1, numRuns: n });
    witnessCache.set(s, list);
  }
  return list.slice(0, n).map(clone);
}

/** The first deterministic valid value. */
export function witness(s: Shape): unknown {
  return witnesses(s, 1)[0];
}

/** The helpers every family method receives. */
const helpers: Helpers = { decodeOf, checkShape, onlyBreaks, firstBreak, witnesses, witness };
