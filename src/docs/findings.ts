/** Audit findings as data: one difference between a seed page and the spec, keyed for exact exceptions. */
import type { Operation, SpecBundle } from "../model/operation.js";

/** Which part of the audit produced a finding. */
export type AuditKind = "table" | "sample" | "header-sample" | "fact" | "statement" | "cited-example";

/** One finding, keyed `<page> <operationId> <field> <aspect>`. */
export interface AuditFinding {
  key: string;
  kind: AuditKind;
  seed: string;
  line: number;
  op: string;
  field: string;
  aspect: string;
  message: string;
}

/** Records one finding. */
export type Emit = (line: number, op: string, field: string, aspect: string, message: string) => void;

/** A function that records findings of one kind for one page into `out`. */
export function emitter(seed: string, out: AuditFinding[], kind: AuditKind): Emit {
  return (line, op, field, aspect, message) =>
    out.push({ key: `${seed} ${op} ${field} ${aspect}`, kind, seed, line, op, field, aspect, message });
}

/** The schemas a placed item documents: one per response status, or the request's. */
export function slotSchemas(op: Operation, direction: string, part: "body" | "headers", statuses: string[]) {
  if (direction === "request") {
    const ref = part === "body" ? op.request.body : op.request.headers;
    return [{ slot: `request.${part}`, schema: ref?.schema }];
  }
  return statuses.map((status) => {
    const response = op.responses.find((r) => r.status === status);
    const ref = part === "body" ? response?.body : response?.headers;
    return { slot: `response.${status}.${part}`, schema: ref?.schema };
  });
}

/** An operation of the bundle by id (the section map names only existing ones; the test checks that). */
export const opOf = (bundle: SpecBundle, id: string) =>
  bundle.operations.find((o) => o.id === id) as Operation;

/** An operation's x-doku-rules entry by id. */
export const ruleOf = (op: Operation, id: string) => op.rules.find((r) => r.id === id);
