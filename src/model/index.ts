export type { Case, Exchange, Expectation, Phase, ReceivedResponse, SentRequest } from "./case.js";
export type { ExitCode } from "./errors.js";
export { KitError, SpecError, TargetError, UsageError } from "./errors.js";
export type {
  AjvLikeError,
  AuthScheme,
  CompiledValidator,
  DokuConflict,
  DokuRule,
  HttpMethod,
  NamedExample,
  Operation,
  OperationKind,
  OperationResponse,
  SchemaRef,
  SpecBundle,
  ValidatorSet,
} from "./operation.js";
export type { JsonSchema } from "./schema.js";
export type { Direction, Severity, Violation } from "./violation.js";
export { hasErrors, strictly } from "./violation.js";
