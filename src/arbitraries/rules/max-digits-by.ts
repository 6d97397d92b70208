/**
 * max-digits-by: the digits of `field` (after leading padding) are at most `limits[by]`. Valid cases
 * often set `by` to a listed value, then trim digits; when `field` is a concat target the parts are
 * trimmed instead, so concat still holds. Negatives build a field one digit over the limit.
 */
import { SpecError } from "../../model/errors.js";
import { valueAt } from "../../model/pointer.js";
import { countDigits } from "../../validation/rules/max-digits-by.js";
import { checkShape } from "../builders.js";
import { clone, set } from "../json.js";
import { ensureParents, shapeAt } from "../locate.js";
import type { Shape, StringShape } from "../shape.js";
import { stringOfLength } from "../string.js";
import { biasBy } from "./bias-by.js";
import { fastHolds } from "./holds.js";
import { NAT, param, type RulePlanner } from "./plan.js";

/** Removes up to `excess` leading characters from `value` while `shape` still accepts it. */
function trim(value: string, shape: Shape, excess: number): [string, number] {
  for (let k = Math.min(excess, value.length); k > 0; k--) {
    if (checkShape(shape, value.slice(k)).length === 0) return [value.slice(k), k];
  }
  return [value, 0];
}

/** The longest valid string of a shape (zero choices: digits where the pattern allows them). */
function longest(shape: StringShape): string {
  for (const len of [...shape.lens].reverse()) {
    const v = stringOfLength(shape, len);
    if (v !== undefined) return v;
  }
  return "";
}

export const maxDigitsPlan: RulePlanner = (rule, ctx) => {
  const [field, by] = [param(rule, "field"), param(rule, "by")];
  const limits = rule.limits as Record<string, number>;
  const strip = typeof rule.strip === "string" ? rule.strip : "";
  const [fieldShape, byShape] = [shapeAt(ctx.root, field), shapeAt(ctx.root, by)];
  if (fieldShape?.kind !== "string" || !byShape) {
    throw new SpecError(
      `x-doku-rules "${rule.id}": field must be a string field and by a body field`,
      ctx.where,
    );
  }
  const keys = Object.keys(limits).filter((k) => checkShape(byShape, k).length === 0);
  const concat = ctx.rules.find((r) => r.kind === "concat" && r.target === field);
  const parts = (concat?.parts as string[] | undefined) ?? [];
  const partShapes = parts
    .map((p) => shapeAt(ctx.root, p))
    .filter((s): s is StringShape => s?.kind === "string");
  const digitsOf = (body: unknown): number => countDigits(String(valueAt(body, field)), strip);
  /** Resizes `shape`'s field (the last part, or the field itself) until the field has `want` digits. */
  const grow = (copy: unknown, shape: StringShape, want: number): unknown => {
    const at = shape === fieldShape ? field : parts[parts.length - 1]!;
    for (const len of [...shape.lens].reverse()) {
      const v = stringOfLength(shape, len);
      if (v === undefined) continue;
      set(copy, at, v);
      if (shape !== fieldShape) set(copy, field, parts.map((p) => valueAt(copy, p)).join(""));
      if (digitsOf(copy) === want) return copy;
    }
    return undefined;
  };
  return {
    rule,
    pointer: field,
    reason: `${field} has more digits than allowed for that ${by}`,
    holds: fastHolds[rule.kind](rule),
    extras: (c) => [c.next(3), c.next(NAT)],
    bias: biasBy(ctx.root, field, by, keys),
    repair(body) {
      const limit = limits[String(valueAt(body, by))];
      const value = valueAt(body, field);
      if (limit === undefined || typeof value !== "string") return true;
      let excess = digitsOf(body) - limit;
      if (excess <= 0) return true;
      if (concat && partShapes.length === parts.length) {
        for (let i = parts.length - 1; i >= 0 && excess > 0; i--) {
          const [v, cut] = trim(String(valueAt(body, parts[i]!)), partShapes[i]!, excess);
          set(body, parts[i]!, v);
          excess -= cut;
        }
        set(body, field, parts.map((p) => valueAt(body, p)).join(""));
      } else {
        const [v, cut] = trim(value, fieldShape, excess);
        set(body, field, v);
        excess -= cut;
      }
      return excess <= 0;
    },
    breaks(body) {
      const viaParts = concat !== undefined && partShapes.length === parts.length;
      // The last part (or the field) is resized; a second try first lengthens every other part too.
      const tries = viaParts ? [false, true] : [false];
      const out: unknown[] = [];
      for (const key of keys) {
        for (const widen of tries) {
          const copy = clone(body);
          if (!ensureParents(copy, ctx.root, by)) continue;
          set(copy, by, key);
          if (widen) for (const [i, p] of parts.slice(0, -1).entries()) set(copy, p, longest(partShapes[i]!));
          const grown = grow(
            copy,
            viaParts ? partShapes[partShapes.length - 1]! : fieldShape,
            limits[key]! + 1,
          );
          if (grown) out.push(grown);
        }
      }
      return out;
    },
  };
};
