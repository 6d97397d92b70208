/**
 * The validation API: a request or a response of one operation -> violations (schema, headers, path
 * parameters, x-doku-rules, undocumented status). Pure: returns data; throws only for misuse (SpecError
 * for a schema without a compiled validator or a malformed rule).
 */
import { SpecError } from "../model/errors.js";
import type {
  Operation,
  OperationResponse,
  SchemaRef,
  SpecBundle,
  ValidatorSet,
  Violation,
} from "../model/index.js";
import { strictly } from "../model/violation.js";
import { type HeaderInput, headerViolations } from "./headers.js";
import { requireOperation } from "./operation-lookup.js";
import { ruleViolations } from "./rules/index.js";
import { type SchemaCheck, schemaViolations } from "./schema-violations.js";

/** An operation and the validators compiled for its schema keys. */
export interface OperationValidation {
  operation: Operation;
  validators: ValidatorSet;
}

export interface RequestInput {
  /** Parsed JSON body; undefined when there is none. */
  body?: unknown;
  /** When given, validated against `<op>.request.headers` (names matched case-insensitively). */
  headers?: HeaderInput;
  /** When given, validated against `<op>.request.path` (pointers `/path/<name>`). */
  path?: Readonly<Record<string, string>>;
}

export interface ResponseInput {
  status: number;
  body?: unknown;
  headers?: HeaderInput;
}

export interface ValidateOptions {
  /** Conflict warnings become errors (`--strict`). */
  strict?: boolean;
  /**
   * How an x-doku-rules finding on a value a recorded conflict quotes (conflict-covers.ts) is reported.
   * "warning" for reports (validate, the run's and callback's response checks); "error" (default) where
   * the finding decides what is accepted (the mock, the examples phase, the callback probe), so that no
   * accept/reject decision moves.
   */
  quotedConflicts?: "error" | "warning";
}

/** Binds a bundle's operation and validators; UsageError (with close matches) for an unknown id. */
export function operationValidation(bundle: SpecBundle, operationId: string): OperationValidation {
  return { operation: requireOperation(bundle, operationId), validators: bundle.validators };
}

function check(
  target: OperationValidation,
  direction: "request" | "response",
  ref: SchemaRef,
  kind: string,
): SchemaCheck {
  const validator = target.validators[ref.key];
  if (validator === undefined) {
    throw new SpecError(
      `no compiled validator for schema "${ref.key}"; run npm run generate`,
      target.operation.pointer,
    );
  }
  return {
    operationId: target.operation.id,
    direction,
    check: kind,
    ref,
    validator,
    validators: target.validators,
    source: target.operation.source,
  };
}

/**
 * The documented response for a status: exact ("200"), else the range ("2XX"), else "default"; undefined
 * when the operation documents none of them.
 */
export function selectResponse(operation: Operation, status: number): OperationResponse | undefined {
  const exact = String(status);
  const range = `${exact[0]}XX`;
  return (
    operation.responses.find((r) => r.status === exact) ??
    operation.responses.find((r) => r.status.toUpperCase() === range) ??
    operation.responses.find((r) => r.status === "default")
  );
}

const finish = (violations: Violation[], options: ValidateOptions) =>
  options.strict ? strictly(violations) : violations;

/** Violations of a request (merchant -> DOKU, or DOKU's callback request for a webhook operation). */
export function validateRequest(
  target: OperationValidation,
  input: RequestInput,
  options: ValidateOptions = {},
): Violation[] {
  const { request } = target.operation;
  const out: Violation[] = [];
  if (request.body)
    out.push(...schemaViolations(check(target, "request", request.body, "schema"), input.body));
  if (request.headers && input.headers)
    out.push(...headerViolations(check(target, "request", request.headers, "headers"), input.headers));
  if (request.path && input.path) {
    out.push(
      ...schemaViolations({ ...check(target, "request", request.path, "path"), prefix: "/path" }, input.path),
    );
  }
  const quoted = options.quotedConflicts === "warning";
  out.push(
    ...ruleViolations(
      target.operation,
      "request",
      { body: input.body },
      request.body,
      quoted,
      target.validators,
    ),
  );
  return finish(out, options);
}

/** Violations of a response (DOKU's answer, or the merchant's answer to a webhook operation). */
export function validateResponse(
  target: OperationValidation,
  input: ResponseInput,
  options: ValidateOptions = {},
): Violation[] {
  const { operation } = target;
  const response = selectResponse(operation, input.status);
  const out: Violation[] = [];
  if (response === undefined) {
    const documented = operation.responses.map((r) => r.status);
    out.push({
      operationId: operation.id,
      direction: "response",
      check: "status-code",
      pointer: "",
      rule: "status-code",
      expected: documented,
      actual: input.status,
      message: `HTTP ${input.status} is not a documented status of ${operation.id} (documented: ${documented.join(", ") || "none"})`,
      source: operation.source,
      severity: "error",
    });
  } else {
    if (response.body)
      out.push(...schemaViolations(check(target, "response", response.body, "schema"), input.body));
    if (response.headers && input.headers) {
      out.push(...headerViolations(check(target, "response", response.headers, "headers"), input.headers));
    }
  }
  out.push(
    ...ruleViolations(
      operation,
      "response",
      { body: input.body, status: input.status },
      response?.body,
      options.quotedConflicts === "warning",
      target.validators,
    ),
  );
  return finish(out, options);
}
