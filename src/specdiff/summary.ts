/**
 * What changed in the generated types and validators, for `generate`: operations added and removed, fields
 * added, removed and changed per operation and slot, so the commit that follows a docs change explains itself.
 */
import type { SpecChange, SpecDiffReport } from "./diff.js";

const FIELD_ADDED = /-property-property-added-/;
const FIELD_REMOVED = /-property-property-removed-/;

const label = (c: SpecChange) => `${c.operation} ${c.slot} ${c.field}`.trim();

function changed(c: SpecChange): string {
  const rule = c.rule.replace(/^(request|response)-property-/, "");
  const fromTo =
    c.from === undefined && c.to === undefined
      ? ""
      : ` ${JSON.stringify(c.from ?? null)} -> ${JSON.stringify(c.to ?? null)}`;
  return `${label(c)}: ${rule}${fromTo}${c.level === "breaking" ? ` (breaking for ${c.breaks})` : ""}`;
}

/** Lines describing the change, or one line saying nothing changed. */
export function changeSummary(report: SpecDiffReport): string[] {
  const ops = (rule: RegExp) =>
    report.changes.filter((c) => c.slot === "operation" && rule.test(c.rule)).map((c) => c.operation);
  const added = ops(/-added$/);
  const removed = ops(/-removed$/);
  const fields = report.changes.filter((c) => c.slot !== "operation");
  const fieldsAdded = fields.filter((c) => FIELD_ADDED.test(c.rule) || /-slot-added$/.test(c.rule));
  const fieldsRemoved = fields.filter((c) => FIELD_REMOVED.test(c.rule) || /-slot-removed$/.test(c.rule));
  const others = fields.filter((c) => !fieldsAdded.includes(c) && !fieldsRemoved.includes(c));
  if (report.changes.length === 0) return ["generated types and validators: no operation or field changed"];
  return [
    `generated types and validators: ${added.length} operations added, ${removed.length} removed; ${fieldsAdded.length} fields added, ${fieldsRemoved.length} removed, ${others.length} changed (${report.summary.breaking} breaking)`,
    ...added.map((id) => `  + operation ${id}`),
    ...removed.map((id) => `  - operation ${id}`),
    ...fieldsAdded.map((c) => `  + ${label(c)}${/required/.test(c.rule) ? " (required)" : ""}`),
    ...fieldsRemoved.map((c) => `  - ${label(c)}`),
    ...others.map((c) => `  ~ ${changed(c)}`),
  ];
}
