/**
 * concat: target = parts joined. Valid cases set the target from the generated parts; the parts'
 * lengths must be able to fit the target (SpecError otherwise). Negatives alter one target character.
 */
import { SpecError } from "../../model/errors.js";
import { valueAt } from "../../model/pointer.js";
import { checkShape } from "../builders.js";
import { clone, set } from "../json.js";
import { shapeAt } from "../locate.js";
import type { StringShape } from "../shape.js";
import { stringOfLength } from "../string.js";
import { fastHolds } from "./holds.js";
import { param, type RulePlanner } from "./plan.js";

const strings = (xs: unknown[]): xs is string[] => xs.every((x) => typeof x === "string");

export const concatPlan: RulePlanner = (rule, ctx) => {
  const target = param(rule, "target");
  const parts = rule.parts as string[];
  const targetShape = shapeAt(ctx.root, target);
  const partShapes = parts.map((p) => shapeAt(ctx.root, p));
  if (targetShape?.kind !== "string" || !partShapes.every((s): s is StringShape => s?.kind === "string")) {
    throw new SpecError(
      `x-doku-rules "${rule.id}": target and parts must be string fields of the body`,
      ctx.where,
    );
  }
  const shortest = partShapes.reduce((n, s) => n + s.lens[0]!, 0);
  if (targetShape.maxLength !== undefined && shortest > targetShape.maxLength) {
    throw new SpecError(
      `x-doku-rules "${rule.id}": the shortest parts join to ${shortest} characters, over ${target} maxLength ${targetShape.maxLength}`,
      ctx.where,
    );
  }
  return {
    rule,
    pointer: target,
    reason: `${target} is not ${parts.join(" + ")}`,
    holds: fastHolds[rule.kind](rule),
    repair(body) {
      const pieces = parts.map((p) => valueAt(body, p));
      if (!strings(pieces) || valueAt(body, target) === undefined) return true;
      const joined = pieces.join("");
      set(body, target, joined);
      return checkShape(targetShape, joined).length === 0;
    },
    resize(body, length) {
      // Part lengths adding up to `length` (each within its own schema), found by a small sum table.
      let reach: (number[] | undefined)[] = [[]];
      for (const s of partShapes) {
        const next: (number[] | undefined)[] = [];
        reach.forEach((picked, sum) => {
          for (const l of picked ? s.lens : []) if (sum + l <= length) next[sum + l] = [...picked!, l];
        });
        reach = next;
      }
      const lens = reach[length];
      if (!lens) return undefined;
      const copy = clone(body);
      const values = lens.map((l, i) => stringOfLength(partShapes[i]!, l));
      if (values.some((v) => v === undefined)) return undefined;
      for (const [i, p] of parts.entries()) set(copy, p, values[i]);
      set(copy, target, values.join(""));
      return copy;
    },
    breaks(body) {
      const value = valueAt(body, target);
      if (typeof value !== "string" || value.length === 0) return [];
      const last = value[value.length - 1]!;
      const swaps = /[0-9]/.test(last) ? [String((Number(last) + 1) % 10)] : ["0", "x"];
      return [...swaps.map((c) => value.slice(0, -1) + c), `0${value.slice(1)}`].map((v) => {
        const copy = clone(body);
        set(copy, target, v);
        return copy;
      });
    },
  };
};
