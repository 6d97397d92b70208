/** The arbitraries layer: JSON Schemas and operations -> fast-check Arbitraries of valid, boundary and negative cases. */
export {
  type BodyOptions,
  type GeneratedBody,
  requestBodyArbitrary,
  requestBodyCases,
  responseBodyArbitrary,
} from "./body.js";
export { arbitraryOf, checkShape } from "./builders.js";
export {
  boundaryCases,
  type CaseOptions,
  caseArbitrary,
  negativeCases,
  skippedBoundaries,
  unsupportedNegatives,
} from "./case.js";
export { compileSchemaRef } from "./compile.js";
export type { CompileOptions } from "./family.js";
export { type FormatEntry, formats, supportedStringFormats } from "./formats/index.js";
export { isSignerHeader, SIGNER_HEADERS } from "./headers.js";
export type { Mode } from "./parts.js";
export { rulePlanners } from "./rules/index.js";
export type { Issue, Shape, Unsupported } from "./shape.js";
