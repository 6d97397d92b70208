/**
 * The seed audit as data: every parsed field row, sample, header sample and API fact of a page compared with
 * the bundle, each difference a Finding keyed `<seed> <operationId> <field> <aspect>` so the test can match
 * documented exceptions exactly.
 */

import type { Operation, SpecBundle } from "../model/operation.js";
import { operationValidation, validateRequest, validateResponse } from "../validation/index.js";
import { compareRow } from "./compare.js";
import type { ApiFact, HeaderSampleUse, PageCorpus, SampleUse, TableUse } from "./corpus.js";
import { type AuditFinding, type AuditKind, type Emit, emitter, slotSchemas } from "./findings.js";
import { atPointer, chainAt, containedIn, deepEqual, keyPaths } from "./schema.js";

function auditTable(ops: Map<string, Operation>, t: TableUse, emit: Emit) {
  for (const id of t.ops) {
    const op = ops.get(id);
    if (op === undefined) return emit(t.line, id, "(table)", "unknown-operation", "no such operation");
    for (const { slot, schema } of slotSchemas(op, t.direction, t.part, t.statuses)) {
      if (schema === undefined) {
        emit(t.line, id, `(${slot})`, "no-schema", `the spec has no ${slot} schema`);
        continue;
      }
      for (const row of t.rows) {
        for (const f of compareRow(row, schema, t.part === "headers"))
          emit(row.line, id, row.name, f.aspect, f.message);
      }
    }
  }
}

/** Named examples (and, for requests, x-doku-fragments) the spec keeps for a sample's slot. */
function recorded(bundle: SpecBundle, op: Operation, use: SampleUse) {
  if (use.direction === "request") {
    const media = atPointer(bundle.document, `${op.pointer}/requestBody/content/application~1json`);
    const fragments = Object.values((atPointer(media, "/x-doku-fragments") as Record<string, unknown>) ?? {});
    return {
      examples: op.request.examples.map((e) => e.value),
      fragments: fragments.map((f) => (f as { value?: unknown }).value),
    };
  }
  const responses = op.responses.filter((r) => use.statuses.includes(r.status));
  return { examples: responses.flatMap((r) => r.examples.map((e) => e.value)), fragments: [] };
}

function auditSample(bundle: SpecBundle, ops: Map<string, Operation>, use: SampleUse, emit: Emit) {
  const { sample } = use;
  const field = `sample@${use.line}`;
  for (const id of use.ops) {
    const op = ops.get(id);
    if (op === undefined) return emit(use.line, id, field, "unknown-operation", "no such operation");
    const { examples, fragments } = recorded(bundle, op, use);
    if (!sample.fragment && !examples.some((e) => deepEqual(e, sample.value)))
      emit(use.line, id, field, "not-an-example", `not deep-equal to any ${use.direction} example`);
    if (
      sample.fragment &&
      !fragments.some((f) => deepEqual(f, sample.value)) &&
      !examples.some((e) => containedIn(sample.value, e))
    )
      emit(
        use.line,
        id,
        field,
        "fragment-unrecorded",
        "neither an x-doku-fragments entry nor contained in an example",
      );
    for (const { slot, schema } of slotSchemas(op, use.direction, "body", use.statuses)) {
      for (const path of keyPaths(sample.value)) {
        if (schema === undefined || chainAt(schema, path) === undefined)
          emit(use.line, id, field, `undeclared:${path.join(".")}`, `${slot} declares no ${path.join(".")}`);
      }
    }
    auditResponseCode(op, use, emit);
    if (use.http !== undefined) auditHttp(bundle, op, use, emit);
  }
}

function auditResponseCode(op: Operation, use: SampleUse, emit: Emit) {
  const code = (use.sample.value as { responseCode?: unknown }).responseCode;
  if (use.direction !== "response" || typeof code !== "string") return;
  const [status, service, kase] = [code.slice(0, 3), code.slice(3, 5), code.slice(5)];
  const response = op.responses.find((r) => r.status === status);
  if (!use.statuses.includes(status) || service !== op.serviceCode || !response?.caseCodes?.includes(kase))
    emit(
      use.line,
      op.id,
      `sample@${use.line}`,
      "response-code",
      `${code} vs status ${use.statuses}, service ${op.serviceCode}, cases ${response?.caseCodes}`,
    );
}

function auditHttp(bundle: SpecBundle, op: Operation, use: SampleUse, emit: Emit) {
  const http = use.http;
  if (http === undefined) return;
  const target = operationValidation(bundle, op.id);
  const errors = validateRequest(target, { body: use.sample.value, headers: http.headers }).filter(
    (v) => v.check === "headers" && v.severity === "error",
  );
  for (const v of errors)
    emit(http.line, op.id, v.pointer.replace("/headers/", ""), "header-sample", v.message);
}

function auditHeaderSample(bundle: SpecBundle, use: HeaderSampleUse, emit: Emit) {
  for (const id of use.ops) {
    const target = operationValidation(bundle, id);
    const violations =
      use.direction === "request"
        ? validateRequest(target, { headers: use.headers })
        : use.statuses.flatMap((s) => validateResponse(target, { status: Number(s), headers: use.headers }));
    for (const v of violations.filter((x) => x.check === "headers" && x.severity === "error"))
      emit(use.line, id, v.pointer.replace("/headers/", ""), "header-sample", v.message);
  }
}

function auditFact(bundle: SpecBundle, ops: Map<string, Operation>, fact: ApiFact, emit: Emit) {
  const servers = ((bundle.document.servers as { url: string }[] | undefined) ?? []).map((s) => s.url);
  for (const id of fact.ops) {
    const op = ops.get(id);
    if (op === undefined) return emit(fact.line, id, fact.kind, "unknown-operation", "no such operation");
    const bad = (message: string) => emit(fact.line, id, `${fact.kind}@${fact.line}`, fact.kind, message);
    switch (fact.kind) {
      case "method":
        if (fact.value !== op.method) bad(`${fact.value} vs ${op.method}`);
        break;
      case "http-sample":
        if (fact.key !== op.method) bad(`${fact.key} vs ${op.method}`);
        if (fact.value !== op.path) bad(`${fact.value} vs ${op.path}`);
        break;
      case "endpoint": {
        const url = new URL(fact.value);
        if (!servers.includes(url.origin) || url.pathname !== op.path)
          bad(`${fact.value} vs ${servers} + ${op.path}`);
        break;
      }
      case "path": {
        const p = fact.value.replace(/^\.\.\./, "");
        if (p !== op.path) bad(`${fact.value} vs ${op.path}`);
        break;
      }
      case "service-code":
        if (fact.value !== op.serviceCode) bad(`${fact.value} vs ${op.serviceCode}`);
        break;
      case "status":
        if (!op.responses.some((r) => r.status === fact.value)) bad(`no ${fact.value} response`);
        break;
      case "status-by": {
        const [pointer = "", value = ""] = (fact.key ?? "").split("=");
        const rule = op.rules.find(
          (r) => r.kind === "status-by" && r.field === `/${pointer.replaceAll(".", "/")}`,
        );
        const statuses = (rule?.statuses ?? {}) as Record<string, number>;
        if (statuses[value] !== Number(fact.value) || !op.responses.some((r) => r.status === fact.value))
          bad(`${fact.key} -> ${fact.value}; rule says ${statuses[value]}`);
        break;
      }
    }
  }
}

/** Every finding of one parsed page against the bundle. */
export function auditSeed(bundle: SpecBundle, c: PageCorpus): AuditFinding[] {
  const out: AuditFinding[] = [];
  const emit = (kind: AuditKind) => emitter(c.page.id, out, kind);
  const ops = new Map(bundle.operations.map((o) => [o.id, o]));
  for (const t of c.tables) auditTable(ops, t, emit("table"));
  for (const s of c.samples) auditSample(bundle, ops, s, emit("sample"));
  for (const h of c.headerSamples) auditHeaderSample(bundle, h, emit("header-sample"));
  for (const f of c.facts) auditFact(bundle, ops, f, emit("fact"));
  return out;
}
