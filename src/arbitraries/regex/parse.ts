/**
 * Parser for the regex subset our specs use (ECMAScript, `u` flag, as ajv compiles `pattern`): literals,
 * escapes, classes, `.`, groups, `|`, quantifiers, and `^`/`$` at the ends only. Anything else (lookaround,
 * backreferences, \b, \p{...}, inner anchors) is a SpecError naming the schema pointer.
 */
import { SpecError } from "../../model/errors.js";
import { complement, DIGIT, DOT, type Ranges, SPACE, single, union, WORD } from "./charset.js";

export type Node =
  | { t: "char"; set: Ranges }
  | { t: "seq"; items: Node[] }
  | { t: "alt"; options: Node[] }
  | { t: "rep"; node: Node; min: number; max: number };

export interface ParsedPattern {
  source: string;
  /** What must match; unanchored ends are already wrapped in `.*`. */
  node: Node;
  re: RegExp;
}

const CLASS_ESCAPES: Record<string, Ranges> = {
  d: DIGIT,
  D: complement(DIGIT),
  w: WORD,
  W: complement(WORD),
  s: SPACE,
  S: complement(SPACE),
};
const CONTROL_ESCAPES: Record<string, number> = { t: 9, n: 10, v: 11, f: 12, r: 13, "0": 0 };
const ANY: Node = { t: "rep", node: { t: "char", set: DOT }, min: 0, max: Number.POSITIVE_INFINITY };

export function parsePattern(source: string, pointer: string): ParsedPattern {
  let re: RegExp;
  try {
    re = new RegExp(source, "u");
  } catch (cause) {
    throw new SpecError(`pattern ${JSON.stringify(source)} is not a valid ECMAScript (u) regex`, pointer, {
      cause,
    });
  }
  const fail = (what: string): never => {
    throw new SpecError(
      `pattern ${JSON.stringify(source)} uses ${what}, which the generator does not support`,
      pointer,
    );
  };
  let body = source;
  const start = body.startsWith("^");
  if (start) body = body.slice(1);
  const end = /(^|[^\\])(\\\\)*\$$/.test(body);
  if (end) body = body.slice(0, -1);
  let i = 0;
  const peek = (): string | undefined => body[i];

  const escapeAt = (inClass: boolean): Ranges => {
    const c = body[i++];
    if (c === undefined) return fail("a trailing backslash");
    if (CLASS_ESCAPES[c]) return CLASS_ESCAPES[c];
    if (CONTROL_ESCAPES[c] !== undefined) return single(CONTROL_ESCAPES[c]);
    if (c === "b" && inClass) return single(8);
    if (c === "b" || c === "B") return fail("a word boundary (\\b)");
    if (/[1-9]/.test(c) || c === "k") return fail("a backreference");
    if (c === "p" || c === "P") return fail("a Unicode property escape (\\p{...})");
    if (c === "c") return single(body.charCodeAt(i++) % 32);
    if (c === "x" || c === "u") {
      const m = c === "u" && body[i] === "{" ? /^\{([0-9a-fA-F]+)\}/.exec(body.slice(i)) : null;
      const hex = m ? m[1]! : body.slice(i, i + (c === "x" ? 2 : 4));
      i += m ? m[0].length : hex.length;
      return single(Number.parseInt(hex, 16));
    }
    return single(c.codePointAt(0)!);
  };

  const classAtom = (): Ranges => {
    if (peek() === "\\") {
      i++;
      return escapeAt(true);
    }
    const cp = body.codePointAt(i)!;
    i += cp > 0xffff ? 2 : 1;
    return single(cp);
  };

  const charClass = (): Ranges => {
    const negate = peek() === "^";
    if (negate) i++;
    const parts: Ranges[] = [];
    while (peek() !== "]") {
      const lo = classAtom();
      if (peek() === "-" && body[i + 1] !== "]" && lo.length === 1 && lo[0]![0] === lo[0]![1]) {
        i++;
        const hi = classAtom();
        parts.push([[lo[0]![0], hi[0]![1]]]);
      } else parts.push(lo);
    }
    i++;
    const set = union(...parts);
    return negate ? complement(set) : set;
  };

  const atom = (): Node => {
    const c = body[i]!;
    if (c === "(") {
      i++;
      if (peek() === "?") {
        const kind = body.slice(i, i + 3);
        if (kind.startsWith("?:")) i += 2;
        else if (kind.startsWith("?<") && kind !== "?<=" && kind !== "?<!") i = body.indexOf(">", i) + 1;
        else fail("a lookaround group");
      }
      const inner = alternation();
      i++; // ")"
      return inner;
    }
    i++;
    if (c === "[") return { t: "char", set: charClass() };
    if (c === ".") return { t: "char", set: DOT };
    if (c === "\\") return { t: "char", set: escapeAt(false) };
    if (c === "^" || c === "$") return fail("an anchor inside the pattern");
    const cp = body.codePointAt(i - 1)!;
    if (cp > 0xffff) i++;
    return { t: "char", set: single(cp) };
  };

  const quantified = (node: Node): Node => {
    const c = peek();
    let min: number;
    let max: number;
    const brace = c === "{" ? /^\{(\d+)(,(\d*))?\}/.exec(body.slice(i)) : null;
    if (c === "*" || c === "+" || c === "?") {
      [min, max] = c === "*" ? [0, Infinity] : c === "+" ? [1, Infinity] : [0, 1];
      i++;
    } else if (brace) {
      min = Number(brace[1]);
      max = brace[2] === undefined ? min : brace[3] ? Number(brace[3]) : Infinity;
      i += brace[0].length;
    } else return node;
    if (peek() === "?") i++; // lazy: same language
    return { t: "rep", node, min, max };
  };

  const sequence = (): Node => {
    const items: Node[] = [];
    while (i < body.length && peek() !== "|" && peek() !== ")") items.push(quantified(atom()));
    return items.length === 1 ? items[0]! : { t: "seq", items };
  };

  function alternation(): Node {
    const options = [sequence()];
    while (peek() === "|") {
      i++;
      options.push(sequence());
    }
    return options.length === 1 ? options[0]! : { t: "alt", options };
  }

  const top = [sequence()];
  while (peek() === "|") {
    i++;
    top.push(sequence());
  }
  if ((start || end) && top.length > 1) fail("anchors around a top-level alternation (wrap it in a group)");
  const node: Node = top.length === 1 ? top[0]! : { t: "alt", options: top };
  const items = [...(start ? [] : [ANY]), node, ...(end ? [] : [ANY])];
  return { source, node: items.length === 1 ? node : { t: "seq", items }, re };
}
