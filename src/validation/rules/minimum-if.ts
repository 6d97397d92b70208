/**
 * `minimum-if`: when the condition `when` holds and `field` is present, number(field) > `exclusiveMinimum`
 * (or >= `minimum`); amount strings compare exactly as decimals. An absent or non-numeric field is left to
 * `required-if` and the schema.
 */
import { SpecError } from "../../model/errors.js";
import { dottedPath, valueAt } from "../../model/pointer.js";
import { quoted, shownValue } from "../describe.js";
import { conditionParam } from "./condition.js";
import type { RuleKind } from "./kind.js";
import { decimalLte } from "./lte.js";
import { pointerParam, type RuleSite } from "./params.js";

/** The bound: `exclusiveMinimum` or `minimum` (exactly one), a plain decimal number. */
export interface Bound {
  exclusive: boolean;
  limit: number;
}

/** Reads the rule's bound; SpecError unless exactly one of exclusiveMinimum / minimum is a plain number. */
export function boundParam(site: RuleSite): Bound {
  const named = (["exclusiveMinimum", "minimum"] as const).filter((k) => k in site.rule);
  const limit = site.rule[named[0] ?? "minimum"];
  if (named.length !== 1 || typeof limit !== "number" || !/^-?[0-9]+(\.[0-9]+)?$/.test(String(limit))) {
    throw new SpecError(
      `x-doku-rules "${site.rule.id}" (minimum-if): exactly one of "exclusiveMinimum", "minimum" must be a plain number`,
      site.where,
    );
  }
  return { exclusive: named[0] === "exclusiveMinimum", limit };
}

/** Whether `value` satisfies the bound; undefined when it is not a number or a decimal string. */
export function withinBound(value: unknown, bound: Bound): boolean | undefined {
  if (bound.exclusive) {
    const lte = decimalLte(value, bound.limit);
    return lte === undefined ? undefined : !lte;
  }
  return decimalLte(bound.limit, value);
}

export const minimumIf: RuleKind = (site) => {
  const field = pointerParam(site, "field");
  const when = conditionParam(site);
  const bound = boundParam(site);
  const words = `${bound.exclusive ? "more than" : "at least"} ${bound.limit}`;
  return ({ body }) => {
    if (!when.holds(body)) return [];
    const value = valueAt(body, field);
    if (withinBound(value, bound) !== false) return [];
    return [
      {
        pointer: field,
        expected: `${bound.exclusive ? ">" : ">="} ${bound.limit}`,
        actual: shownValue(value),
        message: `${dottedPath(field)} is ${quoted(value)}; DOKU requires it to be ${words} when ${when.words}`,
      },
    ];
  };
};
