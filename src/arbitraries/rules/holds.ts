/**
 * Fast "does the rule hold" predicates, one per kind, with the validation layer's exact semantics
 * (its checkers are the reference: test/arbitraries/rules.test.ts compares the two on every generated,
 * boundary and negative body). These run per generated case, so they read pointers pre-parsed.
 */
import type { DokuRule } from "../../model/operation.js";
import { valueAt } from "../../model/pointer.js";
import { decimalLte } from "../../validation/rules/lte.js";
import { countDigits } from "../../validation/rules/max-digits-by.js";
import { withinBound } from "../../validation/rules/minimum-if.js";
import { keyOf } from "../../validation/rules/params.js";

export type Holds = (body: unknown, status?: number) => boolean;

/** The validation layer's equality (JSON text); primitives compare directly (JSON has no NaN). */
const same = (a: unknown, b: unknown): boolean =>
  a === b || (typeof a === "object" && typeof b === "object" && JSON.stringify(a) === JSON.stringify(b));

/** The `when` condition of required-if / minimum-if, read once. */
function condition(rule: DokuRule): (body: unknown) => boolean {
  const when = rule.when as Record<string, unknown>;
  const pointer = when.pointer as string;
  const tests: ((v: unknown) => boolean)[] = [];
  if ("equals" in when) tests.push((v) => same(v, when.equals));
  if ("in" in when) tests.push((v) => (when.in as unknown[]).some((x) => same(v, x)));
  if ("present" in when) tests.push((v) => (v !== undefined) === (when.present !== false));
  if ("absent" in when) tests.push((v) => (v === undefined) === (when.absent !== false));
  return (body) => {
    const value = valueAt(body, pointer);
    return tests.every((t) => t(value));
  };
}

function requiredIf(rule: DokuRule): Holds {
  const field = rule.field as string;
  const when = condition(rule);
  return (body) => !when(body) || valueAt(body, field) !== undefined;
}

function minimumIf(rule: DokuRule): Holds {
  const field = rule.field as string;
  const when = condition(rule);
  const exclusive = "exclusiveMinimum" in rule;
  const limit = (exclusive ? rule.exclusiveMinimum : rule.minimum) as number;
  const bound = { exclusive, limit };
  return (body) => {
    if (!when(body)) return true;
    const value = valueAt(body, field);
    if (Number.isSafeInteger(value) && Number.isInteger(limit))
      return exclusive ? (value as number) > limit : (value as number) >= limit;
    return withinBound(value, bound) !== false;
  };
}

export const fastHolds: Readonly<Record<DokuRule["kind"], (rule: DokuRule) => Holds>> = {
  concat(rule) {
    const [target, parts] = [rule.target as string, rule.parts as string[]];
    return (body) => {
      const value = valueAt(body, target);
      if (typeof value !== "string") return true;
      let joined = "";
      for (const p of parts) {
        const piece = valueAt(body, p);
        if (typeof piece !== "string") return true;
        joined += piece;
      }
      return value === joined;
    };
  },
  lte(rule) {
    const [left, right] = [rule.left as string, rule.right as string];
    return (body) => {
      const [a, b] = [valueAt(body, left), valueAt(body, right)];
      if (typeof a === "number" && typeof b === "number") return a <= b;
      return decimalLte(a, b) !== false;
    };
  },
  "required-if": requiredIf,
  "minimum-if": minimumIf,
  "max-digits-by"(rule) {
    const [field, by] = [rule.field as string, rule.by as string];
    const limits = rule.limits as Record<string, number>;
    const strip = typeof rule.strip === "string" ? rule.strip : "";
    return (body) => {
      const key = keyOf(valueAt(body, by));
      const limit = key === undefined || !Object.hasOwn(limits, key) ? undefined : limits[key];
      const raw = valueAt(body, field);
      const value = typeof raw === "number" ? String(raw) : raw;
      return limit === undefined || typeof value !== "string" || countDigits(value, strip) <= limit;
    };
  },
  "enum-by"(rule) {
    const [field, by] = [rule.field as string, rule.by as string];
    const allowed = rule.allowed as Record<string, unknown[]>;
    return (body) => {
      const key = keyOf(valueAt(body, by));
      const list = key === undefined || !Object.hasOwn(allowed, key) ? undefined : allowed[key];
      const value = valueAt(body, field);
      return list === undefined || value === undefined || list.some((x) => same(x, value));
    };
  },
  "status-by"(rule) {
    const field = rule.field as string;
    const table = new Map(
      Object.entries(rule.statuses as Record<string, unknown>).map(([k, s]) => [
        k,
        (Array.isArray(s) ? s : [s]).map(Number),
      ]),
    );
    return (body, status) => {
      const key = keyOf(valueAt(body, field));
      const allowed = key === undefined ? undefined : table.get(key);
      return status === undefined || allowed === undefined || allowed.includes(status);
    };
  },
};
