/**
 * Fields the spec has and the page no longer shows: a property of a slot a page table documents (top level,
 * or under a parent the table's dotted rows name) that no row lists and whose name appears nowhere on the page
 * (no table, sample or prose mentions it). Pages document only part of a message, so a field the page never
 * named is not "removed" unless the page's own tables cover its level; a field whose own `x-doku-source`
 * names another source, or which is `x-doku-unconfirmed`, never came from this page and is skipped.
 */
import type { Operation } from "../model/operation.js";
import type { JsonSchema } from "../model/schema.js";
import type { PageCorpus } from "./corpus.js";
import { type AuditFinding, emitter, slotSchemas } from "./findings.js";
import { chainAt } from "./schema.js";

const propertiesOf = (node: JsonSchema | undefined): [string, JsonSchema][] => {
  let at = node;
  while (at !== undefined && at.type === "array" && at.items !== undefined) at = at.items as JsonSchema;
  const props = at?.properties;
  return props !== null && typeof props === "object"
    ? Object.entries(props as Record<string, JsonSchema>)
    : [];
};

/** The field came from another source than `file` (or is unconfirmed): the page never documented it. */
const otherSource = (node: JsonSchema, file: string | undefined) =>
  node["x-doku-unconfirmed"] !== undefined ||
  (typeof node["x-doku-source"] === "string" && node["x-doku-source"] !== file);

/** Findings (aspect "removed") for spec fields the page's tables no longer list. */
export function auditRemoved(ops: ReadonlyMap<string, Operation>, c: PageCorpus): AuditFinding[] {
  const out: AuditFinding[] = [];
  const emit = emitter(c.page.id || c.page.file, out, "table");
  const mentioned = (name: string) =>
    new RegExp(`\\b${name.replace(/[-.]/g, "\\$&")}\\b`, "i").test(c.page.text);
  const seen = new Set<string>();
  for (const t of c.tables.filter((t) => t.part === "body")) {
    const documented = new Set(t.rows.map((r) => r.name));
    const parents = ["", ...new Set(t.rows.map((r) => r.name.split(".").slice(0, -1).join(".")))];
    for (const id of t.ops) {
      const op = ops.get(id);
      if (op === undefined) continue;
      for (const { slot, schema } of slotSchemas(op, t.direction, t.part, t.statuses)) {
        if (schema === undefined) continue;
        for (const parent of parents) {
          const node = parent === "" ? schema : chainAt(schema, parent.split("."))?.at(-1);
          for (const [name, prop] of propertiesOf(node)) {
            const field = parent === "" ? name : `${parent}.${name}`;
            const key = `${id} ${slot} ${field}`;
            if (documented.has(field) || mentioned(name) || seen.has(key)) continue;
            if (otherSource(prop, c.page.known?.file)) continue;
            seen.add(key);
            emit(t.line, id, field, "removed", `${slot} declares ${field}; the page no longer shows it`);
          }
        }
      }
    }
  }
  return out;
}
