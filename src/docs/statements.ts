/**
 * Statements the seeds make in prose, read by regex and checked against the spec: payment-code length
 * limits (000, 001, 002), the response fields the pages tell merchants to read ("by using X"), the open
 * amount rule (002), plus seed 003 (overview.ts). WHERE in the spec a statement lands is spec data: the
 * page's `paymentCodeLimit`, `adviceTargets`, `openAmountOp` and `overview` in specs/doc-pages.yaml.
 */
import type { SpecBundle } from "../model/operation.js";
import type { JsonSchema } from "../model/schema.js";
import type { PageCorpus } from "./corpus.js";
import { type AuditFinding, type Emit, emitter, opOf, ruleOf } from "./findings.js";
import { auditOverview } from "./overview.js";
import { chainAt } from "./schema.js";

function paymentCodeLimit(bundle: SpecBundle, c: PageCorpus, emit: Emit) {
  const target = c.page.known?.paymentCodeLimit;
  const m = /The payment code length maximum is\s+([0-9]+)\s+digits/.exec(c.page.text);
  if (target === undefined || m === null) return;
  const limit = Number(m[1]);
  const op = opOf(bundle, target.op);
  if (target.channel !== undefined) {
    for (const id of ["x-doku-va-digits-by-channel", "x-doku-va-digits-by-channel-response"]) {
      const limits = (ruleOf(op, id)?.limits ?? {}) as Record<string, number>;
      if (limits[target.channel] !== limit)
        emit(
          0,
          op.id,
          `${id}.${target.channel}`,
          "payment-code-length",
          `doc ${limit}, rule ${limits[target.channel]}`,
        );
    }
  }
  if (target.field !== undefined) {
    const node = chainAt(op.request.body?.schema ?? {}, target.field.split("."))?.at(-1) as
      | JsonSchema
      | undefined;
    if (node?.maxLength !== limit)
      emit(0, op.id, target.field, "payment-code-length", `doc ${limit}, spec ${node?.maxLength}`);
  }
}

function advice(bundle: SpecBundle, c: PageCorpus, emit: Emit) {
  c.page.lines.forEach((line, i) => {
    for (const m of line.matchAll(/(?:by using|can use the) ([A-Za-z_]+(?:\.[A-Za-z_]+)+)/g)) {
      for (const { op: id, status } of c.page.known?.adviceTargets ?? []) {
        const schema = opOf(bundle, id).responses.find((r) => r.status === status)?.body?.schema ?? {};
        if (chainAt(schema, (m[1] as string).split(".")) === undefined)
          emit(
            i + 1,
            id,
            m[1] as string,
            "advice-field",
            `the page tells merchants to read ${m[1]}; response ${status} declares no such field`,
          );
      }
    }
  });
}

function openAmount(bundle: SpecBundle, c: PageCorpus, emit: Emit) {
  const target = c.page.known?.openAmountOp;
  const m = /set (\w+) = (\w+) and you need to send ([\w.]+) = ([0-9]+|[A-Za-z]+)/.exec(c.page.text);
  if (target === undefined || m === null) return;
  const [, by, when, field, value] = m as unknown as string[];
  const op = opOf(bundle, target);
  const rule = op.rules.find(
    (r) =>
      r.kind === "enum-by" && r.by === `/${by}` && r.field === `/${(field as string).replaceAll(".", "/")}`,
  );
  const allowed = ((rule?.allowed ?? {}) as Record<string, string[]>)[when as string] ?? [];
  if (!allowed.includes(value as string))
    emit(
      0,
      op.id,
      field as string,
      "open-amount",
      `doc ${by} = ${when} => ${field} = ${value}; rule allows ${allowed}`,
    );
}

/** Findings for the prose statements of one page. */
export function auditStatements(bundle: SpecBundle, c: PageCorpus): AuditFinding[] {
  const out: AuditFinding[] = [];
  const emit = emitter(c.page.id, out, "statement");
  paymentCodeLimit(bundle, c, emit);
  advice(bundle, c, emit);
  openAmount(bundle, c, emit);
  const overview = c.page.known?.overview;
  if (overview) auditOverview(bundle, c, overview, emit);
  return out;
}
