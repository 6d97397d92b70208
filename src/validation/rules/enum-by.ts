/** `enum-by`: `field` must be one of `allowed[value at by]` when `by` has a listed value. */
import { SpecError } from "../../model/errors.js";
import { dottedPath, valueAt } from "../../model/pointer.js";
import { quoted, shownValue } from "../describe.js";
import type { RuleKind } from "./kind.js";
import { keyOf, mapParam, pointerParam } from "./params.js";

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export const enumBy: RuleKind = (site) => {
  const field = pointerParam(site, "field");
  const by = pointerParam(site, "by");
  const allowed = mapParam(site, "allowed");
  for (const [key, list] of Object.entries(allowed)) {
    if (!Array.isArray(list))
      throw new SpecError(`x-doku-rules "${site.rule.id}": allowed.${key} must be a list`, site.where);
  }
  return ({ body }) => {
    const key = keyOf(valueAt(body, by));
    const list = key === undefined ? undefined : (allowed[key] as unknown[] | undefined);
    const value = valueAt(body, field);
    if (list === undefined || value === undefined || list.some((x) => same(x, value))) return [];
    return [
      {
        pointer: field,
        expected: list,
        actual: shownValue(value),
        message: `${dottedPath(field)} is ${quoted(value)}; when ${dottedPath(by)} is ${quoted(key)} DOKU allows one of ${list.map((x) => quoted(x)).join(", ")}`,
      },
    ];
  };
};
