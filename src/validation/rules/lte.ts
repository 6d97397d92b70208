/** `lte`: when both are present, number(left) <= number(right); amount strings compare exactly as decimals. */

import { dottedPath, valueAt } from "../../model/pointer.js";
import { quoted } from "../describe.js";
import type { RuleKind } from "./kind.js";
import { pointerParam } from "./params.js";

/** A decimal as [integer digits scaled to `scale` places] for exact comparison; undefined if not numeric. */
function decimal(value: unknown): { units: bigint; scale: number } | undefined {
  if (value !== null && typeof value === "object" && "value" in value)
    return decimal((value as { value: unknown }).value);
  const text = typeof value === "number" && Number.isFinite(value) ? String(value) : value;
  if (typeof text !== "string") return undefined;
  const match = /^(-?)([0-9]+)(?:\.([0-9]+))?$/.exec(text);
  if (match === null) return undefined;
  const [, sign = "", whole = "0", fraction = ""] = match;
  return { units: BigInt(`${sign}${whole}${fraction}`), scale: fraction.length };
}

/** a <= b, exactly. */
export function decimalLte(a: unknown, b: unknown): boolean | undefined {
  const x = decimal(a);
  const y = decimal(b);
  if (x === undefined || y === undefined) return undefined;
  const scale = Math.max(x.scale, y.scale);
  return x.units * 10n ** BigInt(scale - x.scale) <= y.units * 10n ** BigInt(scale - y.scale);
}

export const lte: RuleKind = (site) => {
  const left = pointerParam(site, "left");
  const right = pointerParam(site, "right");
  return ({ body }) => {
    const a = valueAt(body, left);
    const b = valueAt(body, right);
    if (decimalLte(a, b) !== false) return [];
    return [
      {
        pointer: left,
        expected: b,
        actual: a,
        message: `${dottedPath(left)} is ${quoted(a)}; DOKU requires it to be at most ${dottedPath(right)} (${quoted(b)})`,
      },
    ];
  };
};
