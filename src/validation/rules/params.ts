/** Reading a rule's parameters: a missing or mistyped parameter is a SpecError naming the rule id. */
import { SpecError } from "../../model/errors.js";
import type { DokuRule } from "../../model/operation.js";

/** Where a rule lives, for SpecError messages: the operation's pointer in the bundled document. */
export interface RuleSite {
  rule: DokuRule;
  where: string;
}

function fail(site: RuleSite, name: string, what: string): never {
  throw new SpecError(
    `x-doku-rules "${site.rule.id}" (${site.rule.kind}): parameter "${name}" must be ${what}`,
    site.where,
  );
}

/** A JSON pointer parameter ("/customer/name"). */
export function pointerParam(site: RuleSite, name: string): string {
  const value = site.rule[name];
  if (typeof value !== "string" || (value !== "" && !value.startsWith("/")))
    fail(site, name, "a JSON pointer");
  return value;
}

/** A non-empty list of JSON pointers. */
export function pointerListParam(site: RuleSite, name: string): string[] {
  const value = site.rule[name];
  if (
    !Array.isArray(value) ||
    value.length === 0 ||
    !value.every((p) => typeof p === "string" && p.startsWith("/"))
  ) {
    fail(site, name, "a non-empty list of JSON pointers");
  }
  return value as string[];
}

/** A map keyed by the value of another field. */
export function mapParam(site: RuleSite, name: string): Record<string, unknown> {
  const value = site.rule[name];
  if (value === null || typeof value !== "object" || Array.isArray(value)) fail(site, name, "a map");
  return value as Record<string, unknown>;
}

/** An object parameter (e.g. `when`). */
export function objectParam(site: RuleSite, name: string): Record<string, unknown> {
  return mapParam(site, name);
}

/** The map key a field's value selects: strings and numbers as text, anything else none. */
export function keyOf(value: unknown): string | undefined {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean"
    ? String(value)
    : undefined;
}
