/** The shape of one `x-doku-rules` kind: parameters are read once (SpecError if malformed), then checked. */
import type { RuleSite } from "./params.js";

export interface RuleFinding {
  /** The field concerned (RFC 6901, into the body). */
  pointer: string;
  expected: unknown;
  actual: unknown;
  message: string;
}

/** What a rule sees: the body and, for responses, the HTTP status. */
export interface RuleInput {
  body: unknown;
  status?: number;
}

/** A rule with its parameters read: returns its findings (empty when the rule holds or does not apply). */
export type RuleChecker = (input: RuleInput) => RuleFinding[];

/** Reads a rule's parameters and returns its checker; throws SpecError for malformed parameters. */
export type RuleKind = (site: RuleSite) => RuleChecker;
