/** The default case source. TEMPORARY until src/arbitraries exports caseArbitrary/boundaryCases. */
import { KitError } from "../model/errors.js";
import type { SpecBundle } from "../model/operation.js";
import type { CaseSource } from "./planned.js";

export function defaultCaseSource(_bundle: SpecBundle): CaseSource {
  const missing = () => {
    throw new KitError("the case generator (src/arbitraries) is not available yet", 2);
  };
  return { valid: missing, negative: missing, boundary: missing };
}
