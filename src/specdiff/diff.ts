/**
 * `spec diff` as data: two operation tables (old, new) -> every change, per operation and slot, with its
 * level for the merchant and whom it breaks (rules.ts), located in the new spec sources when a locator is
 * given (the old ones for what was removed).
 */
import type { Operation, SchemaRef } from "../model/operation.js";
import type { SourceLine } from "./line-map.js";
import { type Flow, type Level, levelOf, WHO } from "./rules.js";
import { diffSchema } from "./schema-diff.js";

/** One classified change. */
export interface SpecChange {
  operation: string;
  kind: "path" | "webhook";
  /** "operation", "request.body", "request.headers", "response.200.body", ... */
  slot: string;
  field: string;
  /** request-/response- + the neutral change (OpenAPI's sense: a webhook's request is DOKU's callback). */
  rule: string;
  level: Level;
  /** Whom a breaking or warning change affects; null for info. */
  breaks: string | null;
  from?: unknown;
  to?: unknown;
  spec?: SourceLine;
}

/** The `spec diff` report (its JSON shape is documented in docs/docs-diff.md). */
export interface SpecDiffReport {
  changes: SpecChange[];
  summary: { breaking: number; warning: number; info: number };
}

type Slot = { name: string; ref: SchemaRef | undefined; flow: Flow };

function slots(op: Operation): Slot[] {
  const toDoku: Flow = op.kind === "webhook" ? "merchant-receives" : "merchant-sends";
  const toMerchant: Flow = op.kind === "webhook" ? "merchant-sends" : "merchant-receives";
  return [
    { name: "request.body", ref: op.request.body, flow: toDoku },
    { name: "request.headers", ref: op.request.headers, flow: toDoku },
    ...op.responses.flatMap((r) => [
      { name: `response.${r.status}.body`, ref: r.body, flow: toMerchant },
      { name: `response.${r.status}.headers`, ref: r.headers, flow: toMerchant },
    ]),
  ];
}

const who = (level: Level, flow: Flow) => (level === "info" ? null : WHO[flow]);

function operationChange(op: Operation, change: "added" | "removed"): SpecChange {
  const level: Level = change === "removed" && op.kind === "path" ? "breaking" : "info";
  return {
    operation: op.id,
    kind: op.kind,
    slot: "operation",
    field: "",
    rule: `${op.kind === "webhook" ? "webhook" : "api"}-${change}`,
    level,
    breaks: level === "info" ? null : WHO["merchant-sends"],
  };
}

function slotChanges(before: Operation, after: Operation): SpecChange[] {
  const out: SpecChange[] = [];
  const old = new Map(slots(before).map((s) => [s.name, s] as const));
  for (const s of slots(after)) {
    const o = old.get(s.name);
    const side = s.name.split(".")[0] as string;
    if (o?.ref === undefined && s.ref === undefined) continue;
    if (o?.ref === undefined || s.ref === undefined) {
      const removed = s.ref === undefined;
      const level: Level = removed && s.flow === "merchant-receives" ? "warning" : "info";
      out.push({
        operation: after.id,
        kind: after.kind,
        slot: s.name,
        field: "",
        rule: `${side}-slot-${removed ? "removed" : "added"}`,
        level,
        breaks: who(level, s.flow),
      });
      continue;
    }
    for (const c of diffSchema(o.ref.schema, s.ref.schema)) {
      const level = levelOf(c.change, s.flow);
      const change: SpecChange = {
        operation: after.id,
        kind: after.kind,
        slot: s.name,
        field: c.field,
        rule: `${side}-property-${c.change}`,
        level,
        breaks: who(level, s.flow),
      };
      if (c.from !== undefined) change.from = c.from;
      if (c.to !== undefined) change.to = c.to;
      out.push(change);
    }
  }
  return out;
}

/** Every change from `before` to `after`; `locate` names the source line (new spec, or old for removals). */
export function specDiff(
  before: readonly Operation[],
  after: readonly Operation[],
  locate: {
    before?: (op: string, field: string) => SourceLine | undefined;
    after?: (op: string, field: string) => SourceLine | undefined;
  } = {},
): SpecDiffReport {
  const old = new Map(before.map((o) => [o.id, o] as const));
  const now = new Set(after.map((o) => o.id));
  const changes: SpecChange[] = [
    ...before.filter((o) => !now.has(o.id)).map((o) => operationChange(o, "removed")),
    ...after.filter((o) => !old.has(o.id)).map((o) => operationChange(o, "added")),
    ...after.flatMap((o) => {
      const prior = old.get(o.id);
      return prior === undefined ? [] : slotChanges(prior, o);
    }),
  ];
  for (const c of changes) {
    const removed = c.rule.endsWith("-removed") || c.rule.includes("-removed-");
    const spec = (removed ? locate.before : locate.after)?.(c.operation, c.field);
    if (spec !== undefined) c.spec = spec;
  }
  const count = (l: Level) => changes.filter((c) => c.level === l).length;
  return {
    changes,
    summary: { breaking: count("breaking"), warning: count("warning"), info: count("info") },
  };
}
