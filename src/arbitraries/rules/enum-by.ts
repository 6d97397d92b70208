/**
 * enum-by: when `by` has a listed value, `field` must be one of `allowed[by]`. Valid cases often set
 * `by` to a listed value (so the rule is exercised) and then pick an allowed field value that also passes
 * the field's schema; negatives pick a schema-valid value outside the list.
 */
import { SpecError } from "../../model/errors.js";
import { valueAt } from "../../model/pointer.js";
import { checkShape, witnesses } from "../builders.js";
import { clone, deepEqual, set } from "../json.js";
import { ensureParents, shapeAt } from "../locate.js";
import { biasBy } from "./bias-by.js";
import { fastHolds } from "./holds.js";
import { NAT, param, type RulePlanner } from "./plan.js";

export const enumByPlan: RulePlanner = (rule, ctx) => {
  const [field, by] = [param(rule, "field"), param(rule, "by")];
  const allowed = rule.allowed as Record<string, unknown[]>;
  const [fieldShape, byShape] = [shapeAt(ctx.root, field), shapeAt(ctx.root, by)];
  if (!fieldShape || !byShape)
    throw new SpecError(`x-doku-rules "${rule.id}": field and by must be body fields`, ctx.where);
  const keys = Object.keys(allowed).filter((k) => checkShape(byShape, k).length === 0);
  const usable: Record<string, unknown[]> = {};
  for (const k of keys) {
    usable[k] = allowed[k]!.filter((v) => checkShape(fieldShape, v).length === 0);
    if (usable[k]!.length === 0) {
      throw new SpecError(
        `x-doku-rules "${rule.id}": no value allowed for ${by} = ${k} passes the schema of ${field}`,
        ctx.where,
      );
    }
  }
  const candidates = [
    ...(fieldShape.kind === "enum" ? fieldShape.values : []),
    ...Object.values(allowed).flat(),
    ...witnesses(fieldShape, 8),
  ].filter((v) => checkShape(fieldShape, v).length === 0);
  return {
    rule,
    pointer: field,
    reason: `${field} is not allowed for that ${by}`,
    holds: fastHolds[rule.kind](rule),
    extras: (c) => [c.next(3), c.next(NAT), c.next(NAT)],
    bias: biasBy(ctx.root, field, by, keys),
    repair(body, extra) {
      const list = usable[String(valueAt(body, by))];
      const value = valueAt(body, field);
      if (
        !list ||
        value === undefined ||
        allowed[String(valueAt(body, by))]!.some((x) => deepEqual(x, value))
      )
        return true;
      return set(body, field, clone(list[(extra as number[])[2]! % list.length]));
    },
    breaks(body) {
      const out: unknown[] = [];
      for (const key of keys) {
        const value = candidates.find((v) => !allowed[key]!.some((x) => deepEqual(x, v)));
        const copy = clone(body);
        if (
          value === undefined ||
          !ensureParents(copy, ctx.root, by) ||
          !ensureParents(copy, ctx.root, field)
        )
          continue;
        set(copy, by, key);
        set(copy, field, clone(value));
        out.push(copy);
      }
      return out;
    },
  };
};
