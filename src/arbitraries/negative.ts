/**
 * Negatives of a part: each breaks exactly one thing (a JSON Schema keyword at one pointer, or one
 * x-doku-rules rule) and nothing else, checked before it is kept. Builders propose the breaking edits;
 * concat targets follow edited parts; a candidate that breaks more, or that an x-doku-conflict would
 * excuse, is dropped, and a negative with no surviving candidate is listed as unsupported with the reason.
 */

import { valueAt } from "../model/pointer.js";
import { checkShape, negativesOf } from "./builders.js";
import { applyEdit, type Edit, sites } from "./edit.js";
import { breaksOnly, excused, type Part, type Target } from "./part.js";
import { broken, rederive } from "./rules/index.js";
import type { Unsupported } from "./shape.js";

export interface Negative {
  target: Target;
  label: string;
  reason: string;
  /** Candidate part values breaking the target, built from a valid base. */
  make(base: unknown): unknown[];
  /** The value found at build time (deterministic). */
  found: unknown;
}

/** What else a candidate breaks, for unsupported reasons. */
function collateral(part: Part, value: unknown, target: Target): string {
  const issues = checkShape(part.shape, value)
    .filter((i) => !(i.keyword === target.rule && i.pointer === target.pointer))
    .map((i) => `${i.keyword} at ${i.pointer || "/"}`);
  const rules = broken(part.plans, value, part.status)
    .filter((p) => p.rule.id !== target.rule)
    .map((p) => p.rule.id);
  const all = [...issues, ...rules];
  return all.length > 0 ? `it also breaks ${all.join(", ")}` : "an x-doku-conflict turns it into a warning";
}

function search(
  part: Part,
  bases: readonly unknown[],
  n: Omit<Negative, "found">,
  out: Negative[],
  skip: Unsupported[],
): void {
  let first: unknown;
  for (const base of bases) {
    for (const value of n.make(base)) {
      first ??= value;
      if (breaksOnly(part, value, n.target)) return void out.push({ ...n, found: value });
    }
  }
  const why = first === undefined ? "no candidate could be built" : collateral(part, first, n.target);
  skip.push({ pointer: part.prefix + n.target.pointer, rule: n.target.rule, reason: why });
}

export function partNegatives(
  part: Part,
  bases: readonly unknown[],
): { found: Negative[]; unsupported: Unsupported[] } {
  const found: Negative[] = [];
  const unsupported: Unsupported[] = [];
  for (const site of sites(part.shape)) {
    const { mutations, unsupported: cannot } = negativesOf(site.shape, valueAt(bases[0], site.pointer));
    for (const u of cannot) unsupported.push({ ...u, pointer: part.prefix + site.pointer + u.pointer });
    for (const m of mutations) {
      if (part.negativeKeywords && !part.negativeKeywords.has(m.rule)) continue;
      const edit: Edit = {
        path: site.pointer + m.path,
        op: m.op,
        ...(m.op === "set" ? { value: m.value } : {}),
      };
      const target = { rule: m.rule, pointer: edit.path, byRule: false };
      const key =
        m.rule === "required" ? `required:${edit.path.slice(edit.path.lastIndexOf("/") + 1)}` : m.rule;
      if (site.shape.repeated?.includes(key)) {
        const reason = "more than one allOf branch declares it: ajv reports each branch";
        unsupported.push({ pointer: part.prefix + edit.path, rule: m.rule, reason });
        continue;
      }
      if (excused(part, undefined, edit.path, true)) {
        unsupported.push({
          pointer: part.prefix + edit.path,
          rule: m.rule,
          reason: "x-doku-conflict without alternative: findings here are warnings",
        });
        continue;
      }
      const make = (base: unknown): unknown[] => {
        const value = applyEdit(part.shape, base, edit);
        if (value === undefined) return [];
        rederive(part.plans, value, edit.path);
        return [value];
      };
      search(
        part,
        bases,
        { target, label: `${part.prefix}${edit.path || "/"} ${m.rule}`, reason: m.reason, make },
        found,
        unsupported,
      );
    }
  }
  for (const plan of part.plans) {
    if (!plan.breaks) continue;
    const target = { rule: plan.rule.id, pointer: plan.pointer, byRule: true };
    const reason = plan.reason;
    search(
      part,
      bases,
      {
        target,
        label: `${part.prefix}${plan.pointer} ${plan.rule.id}`,
        reason,
        make: (b) => plan.breaks!(b),
      },
      found,
      unsupported,
    );
  }
  return { found, unsupported };
}
