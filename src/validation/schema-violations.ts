/**
 * One compiled validator run -> violations: collapse ajv's noise, map each keyword to pointer / expected /
 * actual / message, cite the nearest `x-doku-source`, downgrade documented conflicts to warnings, and
 * never report the same (pointer, rule) twice.
 */
import type { CompiledValidator, Direction, SchemaRef, ValidatorSet, Violation } from "../model/index.js";
import { dottedPath } from "../model/pointer.js";
import type { JsonSchema } from "../model/schema.js";
import { collapseErrors } from "./collapse.js";
import { tolerated, toleratedNote } from "./conflicts.js";
import { mapKeyword } from "./keywords.js";
import { type ChainNode, nearestSource, resolveLocalRef, schemaChain } from "./schema-chain.js";

export interface SchemaCheck {
  operationId: string;
  direction: Direction;
  /** "schema" for bodies, "headers", "path". */
  check: string;
  ref: SchemaRef;
  validator: CompiledValidator;
  /** The bundle's generated validators, where `x-doku-conflict` alternatives are found compiled. */
  validators?: ValidatorSet;
  /** Cited when no schema node on the way carries `x-doku-source`: the operation's source. */
  source: string;
  /** Prepended to every pointer ("/headers"); "" for bodies. */
  prefix?: string;
}

const MISSING_PARAM: Record<string, string> = {
  required: "missingProperty",
  dependentRequired: "missingProperty",
};

/** The chain extended by the missing property's own schema, so its `x-doku-source` counts. */
function withMissingProperty(
  chain: readonly ChainNode[],
  root: JsonSchema,
  pointer: string,
  name: unknown,
): readonly ChainNode[] {
  const props = chain[chain.length - 1]?.schema.properties as Record<string, JsonSchema> | undefined;
  let child = typeof name === "string" ? props?.[name] : undefined;
  if (child === undefined) return chain;
  const out = [...chain, { schema: child, pointer }];
  if (typeof child.$ref === "string") {
    child = resolveLocalRef(root, child.$ref);
    if (child !== undefined) out.push({ schema: child, pointer });
  }
  return out;
}

/** Validates `data` and returns its violations (empty when valid). */
export function schemaViolations(check: SchemaCheck, data: unknown): Violation[] {
  if (check.validator(data)) return [];
  const root = check.ref.schema;
  const prefix = check.prefix ?? "";
  const label = (pointer: string) => dottedPath(prefix + pointer);
  const byKey = new Map<string, Violation>();
  for (const error of collapseErrors(root, check.validator.errors ?? [])) {
    const chain = schemaChain(root, error.instancePath, error.schemaPath, error.keyword);
    const finding = mapKeyword({ error, data, node: chain[chain.length - 1]?.schema, label });
    const missingParam = MISSING_PARAM[error.keyword];
    // A missing field cites its own source, but its own conflict (about the value's form) does not excuse absence.
    const sourceChain =
      missingParam === undefined
        ? chain
        : withMissingProperty(chain, root, finding.pointer, error.params[missingParam]);
    const verdict = tolerated(chain, data, root, check.ref.key, check.validators);
    const violation: Violation = {
      operationId: check.operationId,
      direction: check.direction,
      check: check.check,
      pointer: prefix + finding.pointer,
      rule: finding.rule,
      expected: finding.expected,
      actual: finding.actual,
      message: verdict ? `${finding.message} (${toleratedNote(verdict)})` : finding.message,
      source: nearestSource(sourceChain) ?? check.source,
      severity: verdict ? "warning" : "error",
      ...(verdict ? { conflict: { id: verdict.conflict.id, alternative: verdict.alternative } } : {}),
    };
    const key = `${violation.pointer}\u0000${violation.rule}`;
    const seen = byKey.get(key);
    if (seen === undefined || (seen.severity === "warning" && violation.severity === "error"))
      byKey.set(key, violation);
  }
  return [...byKey.values()];
}
