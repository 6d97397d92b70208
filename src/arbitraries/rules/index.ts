/**
 * Cross-field rules in generation, dispatched by kind through a table. `repairAll` runs on each
 * generated body: bias once, then repairs in a fixed kind order, repeated until every rule holds.
 */
import type fc from "fast-check";
import { SpecError } from "../../model/errors.js";
import type { DokuRule } from "../../model/operation.js";
import { type Choices, fromChoices } from "../choice.js";
import { concatPlan } from "./concat.js";
import { enumByPlan } from "./enum-by.js";
import { ltePlan } from "./lte.js";
import { maxDigitsPlan } from "./max-digits-by.js";
import { minimumIfPlan } from "./minimum-if.js";
import { holdsFor, type RuleContext, type RulePlan, type RulePlanner } from "./plan.js";
import { requiredIfPlan } from "./required-if.js";
import { statusByPlan } from "./status-by.js";

export { holdsFor, type RuleContext, type RulePlan } from "./plan.js";

/** One planner per rule kind (specs/README.md "x-doku-rules"). */
export const rulePlanners: Readonly<Record<DokuRule["kind"], RulePlanner>> = {
  concat: concatPlan,
  lte: ltePlan,
  "required-if": requiredIfPlan,
  "minimum-if": minimumIfPlan,
  "max-digits-by": maxDigitsPlan,
  "enum-by": enumByPlan,
  "status-by": statusByPlan,
};

/** Repair order: choices that decide other rules first (enum-by, required-if, minimum-if), derived values last. */
const ORDER: DokuRule["kind"][] = [
  "enum-by",
  "required-if",
  "minimum-if",
  "max-digits-by",
  "concat",
  "lte",
  "status-by",
];
const PASSES = 3;

export function planRules(rules: readonly DokuRule[], ctx: Omit<RuleContext, "rules">): RulePlan[] {
  const full = { ...ctx, rules };
  return [...rules]
    .sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind))
    .map((rule) => {
      const planner = Object.hasOwn(rulePlanners, rule.kind) ? rulePlanners[rule.kind] : undefined;
      if (!planner)
        throw new SpecError(`x-doku-rules "${rule.id}" has unknown kind "${rule.kind}"`, ctx.where);
      holdsFor(rule, ctx.where); // the validation layer reads the parameters: malformed ones fail here
      return planner(rule, full);
    });
}

/** The extras every plan needs, in plan order, decoded from `c`. */
export function decodeExtras(plans: readonly RulePlan[], c: Choices): unknown[] {
  return plans.map((p) => p.extras?.(c));
}

/** The extras every plan needs, as one Arbitrary (`decodeExtras`). */
export function extrasArbitrary(plans: readonly RulePlan[]): fc.Arbitrary<unknown[]> {
  return fromChoices((c) => decodeExtras(plans, c));
}

/** The plans whose rule does not hold on `body`. */
export function broken(plans: readonly RulePlan[], body: unknown, status?: number): RulePlan[] {
  return plans.filter((p) => !p.holds(body, status));
}

/**
 * Bias (unless `bias` is false: boundaries keep their chosen values), then repair until every rule
 * holds, leaving `pinned` alone where a repair can; false when a repair gives up or rules keep undoing
 * each other.
 */
export function repairAll(
  plans: readonly RulePlan[],
  body: unknown,
  extras: readonly unknown[],
  status?: number,
  bias = true,
  pinned?: string,
): boolean {
  if (bias) {
    plans.forEach((p, i) => {
      p.bias?.(body, extras[i], status);
    });
  }
  for (let pass = 0; pass < PASSES; pass++) {
    let ok = true;
    plans.forEach((p, i) => {
      if (p.repair && !p.repair(body, extras[i], status, pinned)) ok = false;
    });
    if (ok && broken(plans, body, status).length === 0) return true;
  }
  return false;
}

/** Re-derives concat targets after an edit to one of their parts (negatives edit parts, not targets). */
export function rederive(plans: readonly RulePlan[], body: unknown, edited: string): void {
  for (const p of plans) {
    const parts = p.rule.kind === "concat" ? (p.rule.parts as string[]) : [];
    if (parts.some((part) => edited === part || edited.startsWith(`${part}/`))) p.repair?.(body, undefined);
  }
}
