/**
 * Decodes a string of an exact length matching a regex node from choices. Every choice is made among
 * options that can still complete the length, so decoding never fails and never filters.
 */
import type { Choices } from "../choice.js";
import { type LengthSet, lengths, memoized, naturalRange, powers } from "./lengths.js";
import type { Node } from "./parse.js";

/** Characters each `char` node draws from (already intersected with a universe). */
export type Pools = ReadonlyMap<Node, readonly string[]>;

const suffixMemo = new WeakMap<Node, Map<number, LengthSet[]>>();

function suffixes(node: Extract<Node, { t: "seq" }>, cap: number): LengthSet[] {
  return memoized(suffixMemo, node, cap, () => {
    const empty = new Uint8Array(cap + 1);
    empty[0] = 1;
    const suf = [empty];
    for (let i = node.items.length - 1; i >= 0; i--) {
      const item = lengths(node.items[i]!, cap);
      const after = suf[0]!;
      const here = new Uint8Array(cap + 1);
      for (let a = 0; a <= cap; a++)
        if (item[a]) for (let b = 0; a + b <= cap; b++) if (after[b]) here[a + b] = 1;
      suf.unshift(here);
    }
    return suf;
  });
}

/** Per node, per (cap, length): the alternatives that can produce that length, or the repetition counts. */
const choiceMemo = new WeakMap<Node, Map<number, readonly (Node | number)[]>>();

/** `make()` once per (node, cap, len): what decodeExact chooses among (a pure function of the three). */
function memoChoices<T extends Node | number>(
  node: Node,
  cap: number,
  len: number,
  make: () => T[],
): readonly T[] {
  // cap and len are at most LENGTH_CAP (2048): one number keys both.
  return memoized(choiceMemo, node, cap * 4096 + len, make) as readonly T[];
}

/** Picks one length l in [0, rem] with `first[l] && rest[rem - l]`; smallest first. */
function split(first: LengthSet, rest: LengthSet, rem: number, c: Choices): number {
  const options: number[] = [];
  for (let l = 0; l <= rem; l++) if (first[l] && rest[rem - l]) options.push(l);
  return options[c.next(options.length)]!;
}

export function decodeExact(
  node: Node,
  len: number,
  cap: number,
  c: Choices,
  pools: Pools,
  out: string[],
): void {
  switch (node.t) {
    case "char": {
      const pool = pools.get(node)!;
      out.push(pool[c.next(pool.length)]!);
      return;
    }
    case "alt": {
      const fits = memoChoices(node, cap, len, () => node.options.filter((o) => lengths(o, cap)[len]));
      decodeExact(fits[c.next(fits.length)]!, len, cap, c, pools, out);
      return;
    }
    case "seq": {
      const suf = suffixes(node, cap);
      let rem = len;
      for (let i = 0; i < node.items.length; i++) {
        const item = node.items[i]!;
        const r = naturalRange(item);
        const l = r.min === r.max ? r.min : split(lengths(item, cap), suf[i + 1]!, rem, c);
        decodeExact(item, l, cap, c, pools, out);
        rem -= l;
      }
      return;
    }
    case "rep": {
      const inner = node.node;
      if (inner.t === "char") {
        // The common case ([0-9]{1,8}): one draw per character from one pool, as the general path draws.
        const pool = pools.get(inner)!;
        for (let k = 0; k < len; k++) out.push(pool[c.next(pool.length)]!);
        return;
      }
      const r = naturalRange(inner);
      if (r.min === r.max) {
        for (let k = 0; r.min > 0 && k < len / r.min; k++) decodeExact(inner, r.min, cap, c, pools, out);
        return;
      }
      const ps = powers(inner, cap, Math.min(node.max, cap + node.min + 1));
      const counts = memoChoices(node, cap, len, () => {
        const fit: number[] = [];
        for (let n = node.min; n < ps.length; n++) if (ps[n]![len]) fit.push(n);
        return fit;
      });
      const count = counts[c.next(counts.length)]!;
      const one = lengths(inner, cap);
      let rem = len;
      for (let k = count; k > 0; k--) {
        const l = split(one, ps[k - 1]!, rem, c);
        decodeExact(inner, l, cap, c, pools, out);
        rem -= l;
      }
      return;
    }
  }
}
