/**
 * required-if: when the condition holds, `field` must be present. Valid cases insert a generated value
 * (and any missing parent objects); negatives make the condition true and take the field away.
 */
import { SpecError } from "../../model/errors.js";
import { parsePointer, valueAt } from "../../model/pointer.js";
import { decodeOf, witness } from "../builders.js";
import { clone, remove, set } from "../json.js";
import { ensureParents, shapeAt } from "../locate.js";
import type { Shape } from "../shape.js";
import { fastHolds } from "./holds.js";
import { param, type RulePlanner } from "./plan.js";

/** A `when` condition (required-if, minimum-if). */
export interface When {
  pointer: string;
  equals?: unknown;
  in?: unknown[];
  present?: boolean;
  absent?: boolean;
}

/** Bodies in which the condition holds (one per way of making it hold). */
export function withConditionTrue(body: unknown, root: Shape, when: When): unknown[] {
  const targets: unknown[] = "equals" in when ? [when.equals] : Array.isArray(when.in) ? when.in : [];
  const out: unknown[] = [];
  for (const v of targets) {
    const copy = clone(body);
    if (ensureParents(copy, root, when.pointer) && set(copy, when.pointer, clone(v))) out.push(copy);
  }
  if (when.present === true || when.absent === false) {
    const copy = clone(body);
    const shape = shapeAt(root, when.pointer);
    if (
      shape &&
      ensureParents(copy, root, when.pointer) &&
      (valueAt(copy, when.pointer) !== undefined || set(copy, when.pointer, witness(shape)))
    ) {
      out.push(copy);
    }
  }
  if (when.absent === true || when.present === false) {
    const copy = clone(body);
    remove(copy, when.pointer);
    out.push(copy);
  }
  return out;
}

export const requiredIfPlan: RulePlanner = (rule, ctx) => {
  const field = param(rule, "field");
  const when = rule.when as When;
  const prefixes = parsePointer(field).map((_, i, all) => `/${all.slice(0, i + 1).join("/")}`);
  const shapes = prefixes.map((p) => shapeAt(ctx.root, p));
  if (!shapes.every((s): s is Shape => s !== undefined)) {
    throw new SpecError(`x-doku-rules "${rule.id}": ${field} is not a field of the body`, ctx.where);
  }
  const holds = fastHolds[rule.kind](rule);
  const parents = [ctx.root, ...shapes];
  const isRequired = (i: number): boolean => {
    const parent = parents[i]!;
    const name = parsePointer(field)[i]!;
    return parent.kind === "object" && parent.props.some((p) => p.name === name && p.required);
  };
  let firstOptional = 0;
  while (firstOptional < shapes.length - 1 && isRequired(firstOptional)) firstOptional++;
  return {
    rule,
    pointer: field,
    reason: `${field} is missing although its condition holds`,
    holds,
    // Reserves only from the first level that can be missing (required levels exist whenever their parent does).
    extras: (c) => shapes.map((s, i) => (i < firstOptional ? undefined : decodeOf(s, c))),
    repair(body, extra) {
      if (holds(body)) return true;
      const reserves = extra as unknown[];
      const fill = (prefix: string, shape: Shape) => {
        const i = prefixes.indexOf(prefix);
        return i < firstOptional ? witness(shape) : clone(reserves[i]);
      };
      return (
        ensureParents(body, ctx.root, field, fill) && set(body, field, clone(reserves[reserves.length - 1]))
      );
    },
    breaks(body) {
      return withConditionTrue(body, ctx.root, when).map((copy) => {
        remove(copy, field);
        return copy;
      });
    },
  };
};
