/** A violation as lines of text, in the console's layout (the test matchers' failure messages use it). */
import type { Violation } from "../model/violation.js";
import { shown } from "./format.js";

/** "✗ check · message", then where / rule / expected / actual / source (and the conflict, if any). */
export function violationText(v: Violation): string {
  const mark = v.severity === "error" ? "✗" : "!";
  return [
    `  ${mark} ${v.check} · ${v.message}`,
    `      where:    ${v.direction} ${v.pointer || "(whole body)"}`,
    `      rule:     ${v.rule}`,
    `      expected: ${shown(v.expected)}`,
    `      actual:   ${shown(v.actual)}`,
    `      source:   ${v.source}`,
    ...(v.conflict ? [`      conflict: ${v.conflict.id}: ${v.conflict.alternative}`] : []),
  ].join("\n");
}
