/**
 * Shared bias for the "-by" rule kinds (enum-by, max-digits-by): in one draw out of three, set `by` to one
 * of the listed keys so the rule is exercised, when the field is present and `by`'s parents can be made.
 */

import { valueAt } from "../../model/pointer.js";
import { set } from "../json.js";
import { ensureParents } from "../locate.js";
import type { Shape } from "../shape.js";
import type { RulePlan } from "./plan.js";

export function biasBy(
  root: Shape,
  field: string,
  by: string,
  keys: readonly string[],
): NonNullable<RulePlan["bias"]> {
  return (body, extra) => {
    const [mode, k] = extra as number[];
    if (
      mode === 0 &&
      keys.length > 0 &&
      valueAt(body, field) !== undefined &&
      ensureParents(body, root, by)
    ) {
      set(body, by, keys[k! % keys.length]);
    }
  };
}
