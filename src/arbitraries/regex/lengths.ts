/**
 * Which string lengths (in code points) a regex node can produce, as a bitset up to a cap. This is how
 * min/maxLength are intersected with a pattern: exactly, not by filtering.
 */
import type { Node } from "./parse.js";

/** Longest string the generator will ever build; longer limits are clamped to it. */
export const LENGTH_CAP = 2048;

export type LengthSet = Uint8Array<ArrayBuffer>;

/**
 * `make()` once per (node, key): the memo of every pure function of a regex node and a number here and in
 * decode.ts (results are shared: do not mutate them).
 */
export function memoized<T>(memo: WeakMap<Node, Map<number, T>>, node: Node, key: number, make: () => T): T {
  let byKey = memo.get(node);
  if (!byKey) {
    byKey = new Map();
    memo.set(node, byKey);
  }
  let out = byKey.get(key);
  if (out === undefined) {
    out = make();
    byKey.set(key, out);
  }
  return out;
}

const memo = new WeakMap<Node, Map<number, LengthSet>>();

const ranges = new WeakMap<Node, { readonly min: number; readonly max: number }>();

/** Shortest and longest match (max may be Infinity); computed once per node (shared: do not mutate). */
export function naturalRange(node: Node): { readonly min: number; readonly max: number } {
  let range = ranges.get(node);
  if (!range) {
    range = rangeOf(node);
    ranges.set(node, range);
  }
  return range;
}

function rangeOf(node: Node): { min: number; max: number } {
  switch (node.t) {
    case "char":
      return { min: 1, max: 1 };
    case "seq":
      return node.items.map(naturalRange).reduce((a, b) => ({ min: a.min + b.min, max: a.max + b.max }), {
        min: 0,
        max: 0,
      });
    case "alt": {
      const rs = node.options.map(naturalRange);
      return { min: Math.min(...rs.map((r) => r.min)), max: Math.max(...rs.map((r) => r.max)) };
    }
    case "rep": {
      const r = naturalRange(node.node);
      return { min: r.min * node.min, max: node.max === 0 ? 0 : r.max * node.max };
    }
  }
}

export function sumset(a: LengthSet, b: LengthSet, cap: number): LengthSet {
  const out = new Uint8Array(cap + 1);
  const bs: number[] = [];
  for (let j = 0; j <= cap; j++) if (b[j]) bs.push(j);
  for (let i = 0; i <= cap; i++) {
    if (!a[i]) continue;
    for (const j of bs) {
      if (i + j > cap) break;
      out[i + j] = 1;
    }
  }
  return out;
}

/** Per node, per cap, per maxCount (maxCount is not bounded by the cap: a map of its own). */
const powerMemo = new WeakMap<Node, Map<number, Map<number, readonly LengthSet[]>>>();

/**
 * P[c] = lengths of exactly c copies of `node`, for c = 0..maxCount (stops early when nothing fits); computed
 * once per (node, cap, maxCount) (shared: do not mutate).
 */
export function powers(node: Node, cap: number, maxCount: number): readonly LengthSet[] {
  const byCount = memoized(powerMemo, node, cap, () => new Map<number, readonly LengthSet[]>());
  let out = byCount.get(maxCount);
  if (!out) {
    out = computePowers(node, cap, maxCount);
    byCount.set(maxCount, out);
  }
  return out;
}

function computePowers(node: Node, cap: number, maxCount: number): LengthSet[] {
  const one = lengths(node, cap);
  const out: LengthSet[] = [new Uint8Array(cap + 1)];
  out[0]![0] = 1;
  for (let c = 1; c <= maxCount; c++) {
    const next = sumset(out[c - 1]!, one, cap);
    if (!next.some((b) => b === 1)) break;
    out.push(next);
    if (c > cap && !one[0]) break;
  }
  return out;
}

export function lengths(node: Node, cap: number): LengthSet {
  return memoized(memo, node, cap, () => compute(node, cap));
}

function orInto(out: LengthSet, set: LengthSet): void {
  for (let i = 0; i < out.length; i++) out[i] = out[i]! | set[i]!;
}

function compute(node: Node, cap: number): LengthSet {
  const out = new Uint8Array(cap + 1);
  switch (node.t) {
    case "char":
      if (cap >= 1) out[1] = 1;
      return out;
    case "seq": {
      let acc = out;
      acc[0] = 1;
      for (const item of node.items) acc = sumset(acc, lengths(item, cap), cap);
      return acc;
    }
    case "alt":
      for (const o of node.options) orInto(out, lengths(o, cap));
      return out;
    case "rep": {
      const r = naturalRange(node.node);
      if (r.min === r.max) {
        for (let c = node.min; c <= node.max && c * r.min <= cap; c++) {
          out[c * r.min] = 1;
          if (r.min === 0) break;
        }
        return out;
      }
      const ps = powers(node.node, cap, Math.min(node.max, cap + node.min + 1));
      for (let c = node.min; c < ps.length; c++) orInto(out, ps[c]!);
      return out;
    }
  }
}

/** The lengths in [lo, hi] a node can produce, ascending. */
export function allowedLengths(node: Node, lo: number, hi: number): number[] {
  const cap = Math.min(hi, LENGTH_CAP);
  const set = lengths(node, cap);
  const out: number[] = [];
  for (let n = lo; n <= cap; n++) if (set[n]) out.push(n);
  return out;
}
