/** `concat`: the value at `target` equals the strings at `parts` joined, byte for byte. */

import { dottedPath, valueAt } from "../../model/pointer.js";
import { quoted, shownValue } from "../describe.js";
import type { RuleKind } from "./kind.js";
import { pointerListParam, pointerParam } from "./params.js";

export const concat: RuleKind = (site) => {
  const target = pointerParam(site, "target");
  const parts = pointerListParam(site, "parts");
  return ({ body }) => {
    const value = valueAt(body, target);
    const pieces = parts.map((p) => valueAt(body, p));
    if (typeof value !== "string" || !pieces.every((p): p is string => typeof p === "string")) return [];
    const joined = pieces.join("");
    if (value === joined) return [];
    const names = parts.map(dottedPath).join(" + ");
    return [
      {
        pointer: target,
        expected: shownValue(joined),
        actual: shownValue(value),
        message: `${dottedPath(target)} is ${quoted(value)}; DOKU expects ${names} = ${quoted(joined)}`,
      },
    ];
  };
};
