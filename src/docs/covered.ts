/**
 * Whether the spec already records a finding: an `x-doku-conflict` on the field (any request or response slot),
 * `x-doku-unconfirmed` on it or an enclosing object, or an operation-level conflict that cites this page and
 * names the field (or the value the page shows, for API facts such as a sample path). An operation-level
 * conflict never covers a constraint (length, enum, type, default, format, requiredness, a field added or
 * removed): those are recorded on the field itself, so a conflict that only mentions the field is not enough.
 */
import type { DokuConflict, Operation } from "../model/operation.js";
import type { JsonSchema } from "../model/schema.js";
import { changeKind } from "./changes.js";
import type { AuditFinding } from "./findings.js";
import { chainAt, conflictIds } from "./schema.js";

/** The records that cover a finding. */
export interface Coverage {
  conflicts: string[];
  unconfirmed: boolean;
}

const slotRoots = (op: Operation): JsonSchema[] =>
  [op.request.body, op.request.headers, ...op.responses.flatMap((r) => [r.body, r.headers])]
    .filter((r) => r !== undefined)
    .map((r) => r.schema);

const textOf = (c: DokuConflict) => [c.summary, ...c.sources.map((s) => s.says)].join("\n");

/** Aspects an operation-level conflict may cover: samples, shown values, API facts, "by using" advice, markers. */
const operationLevel = (aspect: string) =>
  ["example", "operation"].includes(changeKind(aspect)) ||
  aspect === "advice-field" ||
  aspect === "marker-conflict";

/** What the page shows in a fact finding's message ("<shown> vs <spec>"). */
const shownValue = (f: AuditFinding) => (f.field.includes("@") ? (f.message.split(" vs ")[0] ?? "") : "");

/** The records covering `finding` on `op`; `pageFile` is the seed file name the page is (if known). */
export function coverageOf(op: Operation, finding: AuditFinding, pageFile: string | undefined): Coverage {
  const conflicts = new Set<string>();
  let unconfirmed = false;
  const field = finding.field;
  if (!field.includes("@") && !field.startsWith("(")) {
    for (const root of slotRoots(op)) {
      for (const caseless of [false, true]) {
        const chain = chainAt(root, caseless ? [field] : field.split("."), caseless);
        if (chain === undefined) continue;
        for (const id of conflictIds(chain.at(-1))) conflicts.add(id);
        if (chain.some((n) => n["x-doku-unconfirmed"] !== undefined)) unconfirmed = true;
      }
    }
  }
  const names = field.includes("@") ? [shownValue(finding)] : [field, field.split(".").at(-1) ?? ""];
  for (const c of operationLevel(finding.aspect) ? op.conflicts : []) {
    const cites = pageFile !== undefined && c.sources.some((s) => s.source === pageFile);
    if (cites && names.some((n) => n.length >= 4 && textOf(c).includes(n))) conflicts.add(c.id);
  }
  return { conflicts: [...conflicts], unconfirmed };
}
