/** The default case source: src/arbitraries (valid and negative arbitraries, boundary and negative lists). */
import { boundaryCases, caseArbitrary, negativeCases } from "../arbitraries/index.js";
import type { CaseSource } from "./planned.js";

export const defaultCaseSource: CaseSource = {
  valid: (operation) => caseArbitrary(operation, "valid"),
  // A law for every operation: test/arbitraries/bundle.test.ts ("valid cases and their shrinks pass ...").
  validByConstruction: true,
  negative: (operation) => caseArbitrary(operation, "negative"),
  negatives: (operation) => negativeCases(operation),
  boundary: (operation) => boundaryCases(operation),
};
