/**
 * How a cross-field rule takes part in generation: valid cases are repaired after generation (with
 * random material from `extras`), negatives come from `breaks`. `holds` is a fast copy of the validation
 * layer's checker (rules/holds.ts); `holdsFor` is the checker itself, the reference the tests compare to.
 */

import type { DokuRule } from "../../model/operation.js";
import { RULE_KINDS } from "../../validation/index.js";
import { CHOICE_RANGE, type Choices } from "../choice.js";
import type { Shape } from "../shape.js";

export interface RuleContext {
  /** The body shape the rules point into. */
  root: Shape;
  /** Every rule of the same direction (a rule may defer to another, e.g. max-digits-by to concat). */
  rules: readonly DokuRule[];
  /** Where the rules live (operation pointer or schema key), for SpecError messages. */
  where: string;
}

export interface RulePlan {
  rule: DokuRule;
  /** Where a violation is reported (field or target pointer). */
  pointer: string;
  /** What a breaking case does, in a few words (negative labels). */
  reason: string;
  holds(body: unknown, status?: number): boolean;
  /** Random material the repair draws on (values for fields it adds, picks among allowed values). */
  extras?(c: Choices): unknown;
  /** Before repairs, once: steer a field towards the values the rule talks about (listed channels...). */
  bias?(body: unknown, extra: unknown, status?: number): void;
  /** Makes the rule hold on a fresh body, in place; returns false when it cannot. */
  /** `pinned`: a pointer a boundary case fixed; a repair changes the other fields instead where it can. */
  repair?(body: unknown, extra: unknown, status?: number, pinned?: string): boolean;
  /** A copy whose derived field (`pointer`) has `length` code points, made through its parts (concat). */
  resize?(body: unknown, length: number): unknown;
  /** Bodies (edited copies) that break this rule; the caller keeps those breaking nothing else. */
  breaks?(body: unknown): unknown[];
}

/** The range of a natural-number extra (fast-check's `nat()`: 0..2^31-1). */
export const NAT = CHOICE_RANGE;

export type RulePlanner = (rule: DokuRule, ctx: RuleContext) => RulePlan;

/** `holds` from the validation layer's checker for the rule. */
export function holdsFor(rule: DokuRule, where: string): (body: unknown, status?: number) => boolean {
  const checker = RULE_KINDS[rule.kind]({ rule, where });
  return (body, status) => checker(status === undefined ? { body } : { body, status }).length === 0;
}

/** A pointer parameter of the rule (already validated by the validation layer's checker). */
export const param = (rule: DokuRule, name: string): string => rule[name] as string;
