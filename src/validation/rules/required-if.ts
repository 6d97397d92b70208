/** `required-if`: `field` must be present when the condition `when: {pointer, equals?, in?, present?, absent?}` holds. */
import { dottedPath, valueAt } from "../../model/pointer.js";
import { conditionParam } from "./condition.js";
import type { RuleKind } from "./kind.js";
import { pointerParam } from "./params.js";

export const requiredIf: RuleKind = (site) => {
  const field = pointerParam(site, "field");
  const when = conditionParam(site);
  return ({ body }) => {
    if (!when.holds(body) || valueAt(body, field) !== undefined) return [];
    return [
      {
        pointer: field,
        expected: "present",
        actual: "absent",
        message: `${dottedPath(field)} is missing; DOKU requires it when ${when.words}`,
      },
    ];
  };
};
