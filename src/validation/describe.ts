/** How observed values appear in violations: lengths in code points, JSON type names, truncated values. */

/** Longest string kept verbatim in `actual` and messages; longer values are cut and marked. */
export const MAX_SHOWN = 80;

/** The JSON type of a value as JSON Schema names it ("integer" for whole numbers); "absent" for undefined. */
export function jsonType(value: unknown): string {
  if (value === undefined) return "absent";
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

/** A value fit for `actual`: long strings cut to MAX_SHOWN code points with "…"; long JSON summarised. */
export function shownValue(value: unknown): unknown {
  if (typeof value === "string") return truncate(value);
  if (value === undefined) return "absent";
  if (value !== null && typeof value === "object") {
    const text = JSON.stringify(value);
    return text.length > MAX_SHOWN ? truncate(text) : value;
  }
  return value;
}

/** A value as it reads in a sentence: strings quoted, long ones cut. */
export function quoted(value: unknown): string {
  if (value === undefined) return "absent";
  return truncate(JSON.stringify(value) ?? String(value));
}

function truncate(text: string): string {
  const points = [...text];
  return points.length > MAX_SHOWN ? `${points.slice(0, MAX_SHOWN - 1).join("")}…` : text;
}
