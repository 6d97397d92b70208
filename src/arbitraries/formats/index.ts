/**
 * The format registry: JSON Schema `format`s the generator implements, plus recognisers for DOKU's
 * pattern-encoded formats (date-times, SNAP amounts, ...) and name hints (request ids). First match wins.
 */
import { fullFormats } from "ajv-formats/dist/formats.js";
import { datetimeFormats } from "./datetime.js";
import type { FormatEntry, StringHints } from "./entry.js";
import { moneyFormats } from "./money.js";
import { webFormats } from "./web.js";

export type { FormatEntry, StringHints } from "./entry.js";

/** Every entry, in matching order. */
export const formats: readonly FormatEntry[] = [...datetimeFormats, ...moneyFormats, ...webFormats];

/** The JSON Schema `format` values strings may use. */
export const supportedStringFormats: readonly string[] = formats.filter((f) => f.isFormat).map((f) => f.name);

/** Number formats (OpenAPI): checked by bounds, not generated specially. */
export const numberFormatBounds: Readonly<Record<string, { min: number; max: number }>> = {
  int32: { min: -(2 ** 31), max: 2 ** 31 - 1 },
  int64: { min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER },
  float: { min: -Number.MAX_VALUE, max: Number.MAX_VALUE },
  double: { min: -Number.MAX_VALUE, max: Number.MAX_VALUE },
};

export function findFormat(h: StringHints): FormatEntry | undefined {
  return formats.find((f) => f.matches(h));
}

/** Whether `value` passes ajv-formats' (full mode) check for `format`; unknown formats pass. */
export function formatValid(format: string, value: unknown): boolean {
  const def = (fullFormats as Record<string, unknown>)[format];
  const check =
    def && typeof def === "object" && "validate" in def ? (def as { validate: unknown }).validate : def;
  if (check instanceof RegExp) return typeof value !== "string" || check.test(value);
  if (typeof check === "function") return (check as (v: unknown) => boolean)(value);
  return true;
}
