/**
 * lte: number(left) <= number(right) when both are present (amount strings compare as decimals).
 * Valid cases swap or copy the two values; negatives put a larger valid value on the left.
 */
import { SpecError } from "../../model/errors.js";
import { valueAt } from "../../model/pointer.js";
import { decimalLte } from "../../validation/rules/lte.js";
import { checkShape, witnesses } from "../builders.js";
import { clone, set } from "../json.js";
import { ensureParents, shapeAt } from "../locate.js";
import { fastHolds } from "./holds.js";
import { param, type RulePlanner } from "./plan.js";

export const ltePlan: RulePlanner = (rule, ctx) => {
  const left = param(rule, "left");
  const right = param(rule, "right");
  const [ls, rs] = [shapeAt(ctx.root, left), shapeAt(ctx.root, right)];
  if (!ls || !rs)
    throw new SpecError(`x-doku-rules "${rule.id}": left and right must be body fields`, ctx.where);
  const fits = (shape: typeof ls, v: unknown) => checkShape(shape, v).length === 0;
  return {
    rule,
    pointer: left,
    reason: `${left} is greater than ${right}`,
    holds: fastHolds[rule.kind](rule),
    repair(body, _extra, _status, pinned) {
      const [a, b] = [valueAt(body, left), valueAt(body, right)];
      if (decimalLte(a, b) !== false) return true;
      const within = (p: string) => pinned !== undefined && (pinned === p || pinned.startsWith(`${p}/`));
      if (within(left)) return fits(rs, a) && set(body, right, a);
      if (within(right)) return fits(ls, b) && set(body, left, b);
      if (fits(ls, b) && fits(rs, a)) {
        set(body, left, b);
        set(body, right, a);
      } else if (fits(ls, b)) set(body, left, b);
      else if (fits(rs, a)) set(body, right, a);
      else return false;
      return true;
    },
    breaks(body) {
      const pool = [valueAt(body, left), valueAt(body, right), ...witnesses(ls, 8), ...witnesses(rs, 8)];
      const out: unknown[] = [];
      for (const a of pool.filter((v) => v !== undefined && fits(ls, v))) {
        const b = pool.find((v) => v !== undefined && fits(rs, v) && decimalLte(a, v) === false);
        if (b === undefined) continue;
        const copy = clone(body);
        if (!ensureParents(copy, ctx.root, left) || !ensureParents(copy, ctx.root, right)) continue;
        set(copy, left, a);
        set(copy, right, b);
        out.push(copy);
        if (out.length >= 3) break;
      }
      return out;
    },
  };
};
