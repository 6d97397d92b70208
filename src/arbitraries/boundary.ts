/**
 * Boundary values of a part: every length-limited field at its shortest and longest, every enum value,
 * optional fields present and absent, numbers at their limits, each documented date-time form; all still
 * valid. Each is searched over a few deterministic valid bases until one keeps it valid after repairs.
 */

import { codePointLength } from "../model/code-points.js";
import { valueAt } from "../model/pointer.js";
import { boundariesOf } from "./builders.js";
import { applyEdit, type Edit, editHolds, sites } from "./edit.js";
import { ordered } from "./locate.js";
import { isValid, type Part } from "./part.js";
import { repairAll } from "./rules/index.js";
import type { Unsupported } from "./shape.js";

export interface Boundary {
  edit: Edit;
  label: string;
  /** The part value found at build time (deterministic). */
  found: unknown;
}

/**
 * The edit applied to `base` (a rule-derived field is resized through its parts instead), rules repaired
 * without moving the edit; the result if it is valid and the edit still holds.
 */
export function tryBoundary(part: Part, base: unknown, edit: Edit, extras: readonly unknown[]): unknown {
  const derived =
    edit.length === undefined ? undefined : part.plans.find((p) => p.resize && p.pointer === edit.path);
  const value = derived ? derived.resize!(base, edit.length!) : applyEdit(part.shape, base, edit);
  if (value === undefined && edit.path !== "") return undefined;
  if (!repairAll(part.plans, value, extras, part.status, false, edit.path)) return undefined;
  const now = valueAt(value, edit.path);
  const holds = derived
    ? typeof now === "string" && codePointLength(now) === edit.length
    : editHolds(value, edit);
  return holds && isValid(part, value) ? ordered(part.shape, value) : undefined;
}

function skipReason(part: Part, path: string): string {
  const concat = part.plans.find((p) => p.rule.kind === "concat" && p.pointer === path);
  if (concat)
    return `derived from ${(concat.rule.parts as string[]).join(" + ")} by ${concat.rule.id}; the parts cannot make it`;
  return "no valid case keeps it once the x-doku-rules hold";
}

export function partBoundaries(
  part: Part,
  bases: readonly unknown[],
  extras: readonly unknown[],
): { found: Boundary[]; skipped: Unsupported[] } {
  const found: Boundary[] = [];
  const skipped: Unsupported[] = [];
  for (const site of sites(part.shape)) {
    for (const v of boundariesOf(site.shape, valueAt(bases[0], site.pointer))) {
      const edit: Edit = {
        path: site.pointer + v.path,
        op: v.op,
        ...(v.op === "set" ? { value: v.value } : {}),
        ...(v.length !== undefined ? { length: v.length } : {}),
      };
      const label = `${part.prefix}${edit.path || "/"} ${v.label}`;
      // The first base that keeps the edit valid (tryBoundary copies its base: the later ones need no try).
      let value: unknown;
      for (const base of bases) {
        value = tryBoundary(part, base, edit, extras);
        if (value !== undefined) break;
      }
      if (value !== undefined) found.push({ edit, label, found: value });
      else
        skipped.push({
          pointer: part.prefix + edit.path,
          rule: "boundary",
          reason: `${v.label}: ${skipReason(part, edit.path)}`,
        });
    }
  }
  return { found, skipped };
}
