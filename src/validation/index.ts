/** The validation layer's public surface (the runner, mock, callbacks and CLI call these). */

export { codePointLength } from "../model/code-points.js";
export { dottedPath, parsePointer, toPointer, valueAt } from "../model/pointer.js";
export { alternativeSentence, type ConflictVerdict, tolerated, toleratedNote } from "./conflicts.js";
export { type HeaderInput, headerViolations, normalizeHeaders } from "./headers.js";
export { type JsonText, parseJsonText } from "./json-text.js";
export { closeMatches, requireOperation } from "./operation-lookup.js";
export { checkRules, RULE_KINDS, ruleViolations } from "./rules/index.js";
export { type SchemaCheck, schemaViolations } from "./schema-violations.js";
export { invalidUtf8Offset, UTF8_SOURCE, utf8Violation } from "./utf8.js";
export {
  type OperationValidation,
  operationValidation,
  type RequestInput,
  type ResponseInput,
  selectResponse,
  type ValidateOptions,
  validateRequest,
  validateResponse,
} from "./validate.js";
