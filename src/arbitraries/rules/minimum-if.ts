/**
 * minimum-if: when the condition holds and `field` is present, number(field) > exclusiveMinimum (or >=
 * minimum). Valid cases replace an out-of-bound value with one that passes both the bound and the field's
 * schema; when a boundary case pinned the field, the condition is made false instead. Negatives make the
 * condition true and put a schema-valid value on the wrong side of the bound.
 */
import { SpecError } from "../../model/errors.js";
import type { DokuRule } from "../../model/operation.js";
import { type Bound, withinBound } from "../../validation/rules/minimum-if.js";
import { checkShape, witnesses } from "../builders.js";
import { clone, remove, set } from "../json.js";
import { ensureParents, shapeAt } from "../locate.js";
import type { Shape } from "../shape.js";
import { fastHolds } from "./holds.js";
import { NAT, param, type RulePlanner } from "./plan.js";
import { type When, withConditionTrue } from "./required-if.js";

/** Values next to the bound, in the field's own form (integers, numbers, decimal strings). */
function nearBound(shape: Shape, { limit }: Bound): unknown[] {
  const whole = Math.floor(limit);
  const ints = [whole - 1, whole, whole + 1, whole + 2];
  if (shape.kind === "number") return shape.integer ? ints : [...ints, limit, limit + 0.5, limit - 0.5];
  if (shape.kind !== "string") return [];
  return ints.flatMap((n) => [`${n}`, `${n}.00`, `${n}.01`, `${n}.99`, `${n}.5`]);
}

export const minimumIfPlan: RulePlanner = (rule, ctx) => {
  const field = param(rule, "field");
  const when = rule.when as When;
  const exclusive = "exclusiveMinimum" in rule;
  const bound: Bound = { exclusive, limit: (exclusive ? rule.exclusiveMinimum : rule.minimum) as number };
  const shape = shapeAt(ctx.root, field);
  if (!shape)
    throw new SpecError(`x-doku-rules "${rule.id}": ${field} is not a field of the body`, ctx.where);
  const pool = [...nearBound(shape, bound), ...witnesses(shape, 16)].filter(
    (v) => checkShape(shape, v).length === 0,
  );
  const good = pool.filter((v) => withinBound(v, bound) === true);
  const bad = pool.filter((v) => withinBound(v, bound) === false).slice(0, 2);
  if (good.length === 0) {
    throw new SpecError(
      `x-doku-rules "${rule.id}": no value passes both the schema of ${field} and the rule's bound`,
      ctx.where,
    );
  }
  const holds = fastHolds[rule.kind](rule);
  // Rules bounding the same field: a condition flipped for one should not switch on another.
  const siblings = ctx.rules
    .filter((r: DokuRule) => r.kind === "minimum-if" && r.field === field)
    .map((r) => fastHolds[r.kind](r));
  const condShape = shapeAt(ctx.root, when.pointer);
  const flips = condShape
    ? [...(condShape.kind === "enum" ? condShape.values : []), ...witnesses(condShape, 8), undefined].filter(
        (v) => v === undefined || checkShape(condShape, v).length === 0,
      )
    : [undefined];
  /** Makes the condition false without touching the field (it is pinned by a boundary case). */
  const flip = (body: unknown): boolean => {
    const tries = flips.flatMap((v) => {
      const copy = clone(body);
      if (v === undefined) remove(copy, when.pointer);
      else if (!ensureParents(copy, ctx.root, when.pointer) || !set(copy, when.pointer, clone(v))) return [];
      return holds(copy) ? [{ v, copy }] : [];
    });
    const pick = tries.find((t) => siblings.every((h) => h(t.copy))) ?? tries[0];
    if (pick === undefined) return false;
    if (pick.v === undefined) {
      remove(body, when.pointer);
      return true;
    }
    return ensureParents(body, ctx.root, when.pointer) && set(body, when.pointer, clone(pick.v));
  };
  return {
    rule,
    pointer: field,
    reason: `${field} is ${exclusive ? "not more than" : "less than"} ${bound.limit} although the condition holds`,
    holds,
    extras: (c) => c.next(NAT),
    repair(body, extra, _status, pinned) {
      if (holds(body)) return true;
      if (pinned !== undefined && (pinned === field || pinned.startsWith(`${field}/`))) return flip(body);
      return set(body, field, clone(good[(extra as number) % good.length]));
    },
    breaks(body) {
      return withConditionTrue(body, ctx.root, when).flatMap((copy) =>
        bad.flatMap((v) => {
          const out = clone(copy);
          return ensureParents(out, ctx.root, field) && set(out, field, clone(v)) ? [out] : [];
        }),
      );
    },
  };
};
