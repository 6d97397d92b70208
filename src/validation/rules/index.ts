/**
 * `x-doku-rules` (cross-field rules) -> violations. Kinds dispatch through a table; an unknown kind or a
 * malformed parameter is a SpecError naming the rule id. Extra parameters (e.g. `knownExceptions`) are
 * ignored here. A finding on a field (or below a field) marked `x-doku-conflict` without `alternative` is a
 * warning; an `alternative` describes a value's shape, not a relation, so it does not excuse a rule. With
 * `quoted` (reports only, see ValidateOptions.quotedConflicts), a finding on a value that a recorded
 * conflict quotes (e.g. the 28-digit BNI inquiry sample against the 23-digit rule) is a warning naming it.
 */
import { SpecError } from "../../model/errors.js";
import type {
  Direction,
  DokuRule,
  Operation,
  SchemaRef,
  ValidatorSet,
  Violation,
} from "../../model/index.js";
import { parsePointer } from "../../model/pointer.js";
import { coveredBy } from "../conflict-covers.js";
import { tolerated, toleratedNote } from "../conflicts.js";
import { type ChainNode, instanceWalk } from "../schema-chain.js";
import { concat } from "./concat.js";
import { enumBy } from "./enum-by.js";
import type { RuleChecker, RuleInput, RuleKind } from "./kind.js";
import { lte } from "./lte.js";
import { maxDigitsBy } from "./max-digits-by.js";
import { minimumIf } from "./minimum-if.js";
import { quotedConflictAt } from "./quoted.js";
import { requiredIf } from "./required-if.js";
import { statusBy } from "./status-by.js";

/** Every rule kind specs/README.md defines. */
export const RULE_KINDS: Readonly<Record<DokuRule["kind"], RuleKind>> = {
  concat,
  lte,
  "required-if": requiredIf,
  "minimum-if": minimumIf,
  "max-digits-by": maxDigitsBy,
  "enum-by": enumBy,
  "status-by": statusBy,
};

const withoutAlternative = (node: ChainNode) => {
  const conflict = node.schema["x-doku-conflict"] as { alternative?: unknown } | undefined;
  return conflict !== undefined && conflict !== null && conflict.alternative === undefined;
};

const checkers = new WeakMap<DokuRule, RuleChecker>();

/** The rule's checker; throws SpecError for an unknown kind, a bad `in`, or malformed parameters. */
export function ruleChecker(rule: DokuRule, where: string): RuleChecker {
  let checker = checkers.get(rule);
  if (checker === undefined) {
    const kind = Object.hasOwn(RULE_KINDS, rule.kind) ? RULE_KINDS[rule.kind] : undefined;
    if (kind === undefined)
      throw new SpecError(`x-doku-rules "${rule.id}" has unknown kind "${String(rule.kind)}"`, where);
    if (rule.in !== "request" && rule.in !== "response") {
      throw new SpecError(`x-doku-rules "${rule.id}": "in" must be request or response`, where);
    }
    checker = kind({ rule, where });
    checkers.set(rule, checker);
  }
  return checker;
}

/** Reads every rule of the operation once, so a malformed rule fails fast whatever is validated. */
export function checkRules(operation: Operation): void {
  for (const rule of operation.rules) ruleChecker(rule, operation.pointer);
}

/** Violations of the operation's rules for one direction; `schema` is the body schema (for conflicts). */
export function ruleViolations(
  operation: Operation,
  direction: Direction,
  input: RuleInput,
  schema?: SchemaRef,
  quoted = false,
  validators?: ValidatorSet,
): Violation[] {
  checkRules(operation);
  const out: Violation[] = [];
  for (const rule of operation.rules) {
    if (rule.in !== direction) continue;
    for (const finding of ruleChecker(rule, operation.pointer)(input)) {
      const chain = schema
        ? instanceWalk(schema.schema, parsePointer(finding.pointer)).filter(withoutAlternative)
        : [];
      const verdict = schema
        ? tolerated(chain, input.body, schema.schema, schema.key, validators)
        : undefined;
      const covered =
        quoted && !verdict ? quotedConflictAt(operation, schema, input.body, finding.pointer) : undefined;
      if (covered !== undefined) {
        out.push({
          operationId: operation.id,
          direction,
          check: "x-doku-rules",
          pointer: finding.pointer,
          rule: rule.id,
          expected: finding.expected,
          actual: finding.actual,
          source: rule.source,
          ...coveredBy(covered, finding.message),
        });
        continue;
      }
      out.push({
        operationId: operation.id,
        direction,
        check: "x-doku-rules",
        pointer: finding.pointer,
        rule: rule.id,
        expected: finding.expected,
        actual: finding.actual,
        message: verdict ? `${finding.message} (${toleratedNote(verdict)})` : finding.message,
        source: rule.source,
        severity: verdict ? "warning" : "error",
        ...(verdict ? { conflict: { id: verdict.conflict.id, alternative: verdict.alternative } } : {}),
      });
    }
  }
  return out;
}
