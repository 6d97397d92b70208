/**
 * status-by (responses): the HTTP status must match the body field's value. Response bodies for a given
 * status get a field value documented with that status.
 */
import { SpecError } from "../../model/errors.js";
import { valueAt } from "../../model/pointer.js";
import { checkShape } from "../builders.js";
import { set } from "../json.js";
import { shapeAt } from "../locate.js";
import { fastHolds } from "./holds.js";
import { NAT, param, type RulePlanner } from "./plan.js";

export const statusByPlan: RulePlanner = (rule, ctx) => {
  const field = param(rule, "field");
  const statuses = rule.statuses as Record<string, number | number[]>;
  const shape = shapeAt(ctx.root, field);
  if (!shape)
    throw new SpecError(`x-doku-rules "${rule.id}": ${field} is not a field of the body`, ctx.where);
  const keysFor = (status: number): string[] =>
    Object.entries(statuses)
      .filter(
        ([k, s]) =>
          (Array.isArray(s) ? s : [s]).map(Number).includes(status) && checkShape(shape, k).length === 0,
      )
      .map(([k]) => k);
  const holds = fastHolds[rule.kind](rule);
  return {
    rule,
    pointer: field,
    reason: `${field} does not match the HTTP status`,
    holds,
    extras: (c) => [c.next(3), c.next(NAT)],
    bias(body, extra, status) {
      const keys = status === undefined ? [] : keysFor(status);
      const [mode, k] = extra as number[];
      if (mode !== 2 && keys.length > 0 && valueAt(body, field) !== undefined)
        set(body, field, keys[k! % keys.length]);
    },
    repair(body, extra, status) {
      if (status === undefined || holds(body, status)) return true;
      const keys = keysFor(status);
      return keys.length > 0 && set(body, field, keys[(extra as number[])[1]! % keys.length]);
    },
  };
};
