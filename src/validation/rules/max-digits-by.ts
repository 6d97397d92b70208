/**
 * `max-digits-by`: the digits of `field` are at most `limits[value at by]`. Leading padding characters
 * listed in `strip` (e.g. " " or "0") are removed first; then the characters 0-9 are counted.
 */

import { SpecError } from "../../model/errors.js";
import { dottedPath, valueAt } from "../../model/pointer.js";
import { quoted } from "../describe.js";
import type { RuleKind } from "./kind.js";
import { keyOf, mapParam, pointerParam } from "./params.js";

/** Digits left after removing leading `strip` characters. */
export function countDigits(value: string, strip: string): number {
  let start = 0;
  while (start < value.length && strip.includes(value[start] as string)) start++;
  return (value.slice(start).match(/[0-9]/g) ?? []).length;
}

export const maxDigitsBy: RuleKind = (site) => {
  const field = pointerParam(site, "field");
  const by = pointerParam(site, "by");
  const limits = mapParam(site, "limits");
  for (const [key, limit] of Object.entries(limits)) {
    if (typeof limit !== "number" || !Number.isInteger(limit) || limit < 0) {
      throw new SpecError(`x-doku-rules "${site.rule.id}": limits.${key} must be a whole number`, site.where);
    }
  }
  const strip = typeof site.rule.strip === "string" ? site.rule.strip : "";
  return ({ body }) => {
    const key = keyOf(valueAt(body, by));
    const limit = key === undefined ? undefined : (limits[key] as number | undefined);
    const raw = valueAt(body, field);
    const value = typeof raw === "number" ? String(raw) : raw;
    if (limit === undefined || typeof value !== "string") return [];
    const digits = countDigits(value, strip);
    if (digits <= limit) return [];
    const padding = strip === "" ? "" : ` after removing leading ${quoted(strip)} padding`;
    return [
      {
        pointer: field,
        expected: limit,
        actual: digits,
        message: `${dottedPath(field)} has ${digits} digits${padding}; DOKU allows at most ${limit} when ${dottedPath(by)} is ${quoted(key)}`,
      },
    ];
  };
};
