/**
 * A compiled `pattern`: parsed node, the RegExp ajv would use, and per-universe character pools.
 * `decodePattern` intersects the pattern with a length window; `exactMatch` gives one string of an exact
 * length (boundaries, maxLength+1 negatives).
 */
import { SpecError } from "../../model/errors.js";
import { type Choices, zeroChoices } from "../choice.js";
import { ASCII_ORDER, EXTRA_ORDER, firstMembers, isControl, pick } from "./charset.js";
import { decodeExact, type Pools } from "./decode.js";
import { allowedLengths, LENGTH_CAP, lengths } from "./lengths.js";
import { type Node, parsePattern } from "./parse.js";

/** Where a string goes: headers never get non-ASCII, control characters or class-drawn spaces. */
export type StringContext = "body" | "header";

export interface CompiledPattern {
  source: string;
  re: RegExp;
  node: Node;
  ascii: Pools;
  /** Pools with non-ASCII letters and emoji where the pattern allows them; undefined if none differ. */
  mixed?: Pools;
}

const HEADER_ORDER = ASCII_ORDER.filter((c) => c !== 0x20);
const MIXED_ORDER = [...ASCII_ORDER, ...EXTRA_ORDER];
/** Share of strings drawn from the mixed pools when a pattern or text allows non-ASCII. */
export const NON_ASCII_PERCENT = 15;

export function compilePattern(source: string, pointer: string, context: StringContext): CompiledPattern {
  const parsed = parsePattern(source, pointer);
  const ascii = new Map<Node, string[]>();
  const mixed = new Map<Node, string[]>();
  let differs = false;
  const visit = (node: Node): void => {
    if (node.t === "seq") node.items.forEach(visit);
    else if (node.t === "alt") node.options.forEach(visit);
    else if (node.t === "rep") visit(node.node);
    else {
      const [lo, hi] = node.set[0] ?? [0, -1];
      const literal = node.set.length === 1 && lo === hi;
      let a = literal
        ? [String.fromCodePoint(lo)]
        : pick(node.set, context === "header" ? HEADER_ORDER : ASCII_ORDER);
      if (!literal && a.length === 0 && context === "header") a = pick(node.set, ASCII_ORDER);
      let m = context === "header" || literal ? a : pick(node.set, MIXED_ORDER);
      if (a.length === 0) a = m.length > 0 ? m : firstMembers(node.set, 32);
      if (m.length === 0) m = a;
      const bad = a.find((ch) => {
        const cp = ch.codePointAt(0)!;
        return context === "header" && (isControl(cp) || cp > 0x7e);
      });
      if (a.length === 0 || bad !== undefined) {
        throw new SpecError(
          `pattern ${JSON.stringify(source)} needs characters that cannot go in a ${context}`,
          pointer,
        );
      }
      if (m.length !== a.length) differs = true;
      ascii.set(node, a);
      mixed.set(node, m);
    }
  };
  visit(parsed.node);
  return { source, re: parsed.re, node: parsed.node, ascii, ...(differs ? { mixed } : {}) };
}

function decode(p: CompiledPattern, len: number, cap: number, c: Choices, pools: Pools): string {
  const out: string[] = [];
  decodeExact(p.node, len, cap, c, pools, out);
  return out.join("");
}

/** A string matching `p` with length in `lens` (ascending, non-empty); shrinks to the shortest, ASCII, "0"/"a". */
export function decodePattern(p: CompiledPattern, lens: readonly number[], c: Choices): string {
  const pools = p.mixed && c.next(100) >= 100 - NON_ASCII_PERCENT ? p.mixed : p.ascii;
  return decode(p, lens[c.next(lens.length)]!, lens[lens.length - 1]!, c, pools);
}

/** Lengths in [lo, hi] the pattern can produce (hi clamped to LENGTH_CAP). */
export function patternLengths(p: CompiledPattern, lo: number, hi: number): number[] {
  return allowedLengths(p.node, lo, hi);
}

/** One string of exactly `len` code points matching `p`, or undefined when the pattern has none. */
export function exactMatch(p: CompiledPattern, len: number, c: Choices = zeroChoices): string | undefined {
  if (len > LENGTH_CAP || !lengths(p.node, len)[len]) return undefined;
  return decode(p, len, len, c, p.ascii);
}
