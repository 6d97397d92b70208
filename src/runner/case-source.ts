/** The default case source: src/arbitraries (valid and negative arbitraries, boundary and negative lists). */
import { boundaryCases, caseArbitrary, negativeCases } from "../arbitraries/index.js";
import type { CaseSource } from "./planned.js";

export const defaultCaseSource: CaseSource = {
  valid: (operation) => caseArbitrary(operation, "valid"),
  negative: (operation) => caseArbitrary(operation, "negative"),
  negatives: (operation) => negativeCases(operation),
  boundary: (operation) => boundaryCases(operation),
};
