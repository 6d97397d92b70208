/**
 * The bundled document -> the operation table (plain data) and the schema slots validators are built from.
 * Every slot schema is self-contained (see self-contained.ts).
 */
import { SpecError } from "../model/errors.js";
import type {
  AuthScheme,
  DokuConflict,
  DokuRule,
  HttpMethod,
  NamedExample,
  Operation,
  OperationResponse,
  SchemaRef,
} from "../model/operation.js";
import { escapeToken, parsePointer } from "../model/pointer.js";
import type { JsonSchema } from "../model/schema.js";
import { AUTH_SCHEMES } from "../signatures/schemes.js";
import type { OpenApiDocument } from "./bundle.js";
import { checkFacts, factsOf } from "./facts.js";
import { selfContained } from "./self-contained.js";

const METHODS = ["get", "post", "put", "patch", "delete"] as const;
const RULE_KINDS: readonly DokuRule["kind"][] = [
  "concat",
  "lte",
  "required-if",
  "minimum-if",
  "max-digits-by",
  "enum-by",
  "status-by",
];

type Obj = Record<string, unknown>;

export interface OperationTable {
  operations: Operation[];
  schemas: Record<string, JsonSchema>;
}

export function buildOperations(doc: OpenApiDocument): OperationTable {
  const components = ((doc.components as Obj | undefined)?.schemas ?? {}) as Record<string, JsonSchema>;
  const schemas: Record<string, JsonSchema> = {};
  const operations: Operation[] = [];
  const slot = (key: string, schema: JsonSchema, at: string): SchemaRef => {
    const contained = selfContained(schema, components, at);
    schemas[key] = contained;
    return { key, schema: contained };
  };
  const visit = (kind: Operation["kind"], name: string, item: Obj, base: string) => {
    for (const method of METHODS) {
      const op = item[method] as Obj | undefined;
      if (!op) continue;
      const pointer = `${base}/${method}`;
      operations.push(buildOperation(doc, kind, name, method, item, op, pointer, slot));
    }
  };
  for (const [path, item] of Object.entries((doc.paths ?? {}) as Record<string, Obj>)) {
    visit("path", path, deref(doc, item), `#/paths/${escapeToken(path)}`);
  }
  for (const [name, item] of Object.entries((doc.webhooks ?? {}) as Record<string, Obj>)) {
    visit("webhook", name, deref(doc, item), `#/webhooks/${escapeToken(name)}`);
  }
  const seen = new Set<string>();
  for (const op of operations) {
    if (seen.has(op.id)) throw new SpecError(`duplicate operationId "${op.id}"`, op.pointer);
    seen.add(op.id);
  }
  checkFacts(operations);
  return { operations, schemas };
}

type Slot = (key: string, schema: JsonSchema, at: string) => SchemaRef;

function buildOperation(
  doc: OpenApiDocument,
  kind: Operation["kind"],
  name: string,
  method: (typeof METHODS)[number],
  item: Obj,
  op: Obj,
  pointer: string,
  slot: Slot,
): Operation {
  const id = op.operationId;
  if (typeof id !== "string" || id === "") throw new SpecError("operation has no operationId", pointer);
  const auth = op["x-doku-auth"] as AuthScheme;
  if (!AUTH_SCHEMES.includes(auth)) {
    throw new SpecError(`operation ${id}: x-doku-auth must be one of ${AUTH_SCHEMES.join(", ")}`, pointer);
  }
  const source = op["x-doku-source"];
  if (typeof source !== "string" || source === "")
    throw new SpecError(`operation ${id} has no x-doku-source`, pointer);
  const params = [...asArray(item.parameters), ...asArray(op.parameters)].map((p) => deref(doc, p as Obj));
  const request: Operation["request"] = { examples: [] };
  const headers = paramSchema(params, "header");
  if (headers) request.headers = slot(`${id}.request.headers`, headers, `${pointer}/parameters`);
  const pathParams = paramSchema(params, "path");
  if (pathParams) request.path = slot(`${id}.request.path`, pathParams, `${pointer}/parameters`);
  if (op.requestBody) {
    const media = jsonMedia(deref(doc, op.requestBody as Obj));
    if (media) {
      request.contentType = media.type;
      if (media.object.schema) {
        request.body = slot(
          `${id}.request.body`,
          media.object.schema as JsonSchema,
          `${pointer}/requestBody`,
        );
      }
      request.examples = examplesOf(doc, media.object);
    }
  }
  const responses: OperationResponse[] = [];
  for (const [status, raw] of Object.entries((op.responses ?? {}) as Record<string, Obj>)) {
    responses.push(buildResponse(doc, id, status, deref(doc, raw), `${pointer}/responses/${status}`, slot));
  }
  const serviceCode = op["x-doku-service-code"];
  const result: Operation = {
    id,
    kind,
    method: method.toUpperCase() as HttpMethod,
    path: kind === "path" ? name : String(op["x-doku-sample-path"] ?? `/${name}`),
    auth,
    source,
    deprecated: op.deprecated === true,
    summary: String(op.summary ?? ""),
    pointer,
    request,
    responses,
    rules: rulesOf(op, id, pointer),
    conflicts: asArray(op["x-doku-conflict"]) as DokuConflict[],
  };
  if (serviceCode !== undefined) result.serviceCode = String(serviceCode);
  const pathNames = params.filter((p) => p.in === "path").map((p) => String(p.name));
  return { ...result, ...factsOf(op, id, kind, pointer, pathNames) };
}

function buildResponse(doc: OpenApiDocument, id: string, status: string, res: Obj, at: string, slot: Slot) {
  const out: OperationResponse = { status, description: String(res.description ?? ""), examples: [] };
  const media = jsonMedia(res);
  if (media) {
    out.contentType = media.type;
    if (media.object.schema)
      out.body = slot(`${id}.response.${status}.body`, media.object.schema as JsonSchema, at);
    out.examples = examplesOf(doc, media.object);
  }
  const headers = Object.entries((res.headers ?? {}) as Record<string, Obj>).map(([name, h]) => ({
    ...deref(doc, h),
    name,
    in: "header",
  }));
  const schema = paramSchema(headers, "header");
  if (schema) out.headers = slot(`${id}.response.${status}.headers`, schema, `${at}/headers`);
  const caseCodes = res["x-doku-case-codes"];
  if (Array.isArray(caseCodes)) out.caseCodes = caseCodes.map(String);
  return out;
}

function rulesOf(op: Obj, id: string, pointer: string): DokuRule[] {
  return asArray(op["x-doku-rules"]).map((raw, index) => {
    const rule = raw as DokuRule;
    const at = `${pointer}/x-doku-rules/${index}`;
    if (typeof rule.id !== "string")
      throw new SpecError(`operation ${id}: x-doku-rules entry without id`, at);
    if (!RULE_KINDS.includes(rule.kind))
      throw new SpecError(`rule ${rule.id}: unknown kind "${rule.kind}"`, at);
    if (rule.in !== "request" && rule.in !== "response")
      throw new SpecError(`rule ${rule.id}: "in" must be request or response`, at);
    return rule;
  });
}

function paramSchema(params: Obj[], where: "header" | "path"): JsonSchema | undefined {
  const selected = params.filter((p) => p.in === where);
  if (selected.length === 0) return undefined;
  const properties: Record<string, unknown> = {};
  const required: string[] = [];
  for (const p of selected) {
    const name = String(p.name);
    const schema = (p.schema ?? {}) as Record<string, unknown>;
    // A parameter-level example (OpenAPI) is kept on the schema as an annotation for generators and docs.
    properties[name] =
      p.example !== undefined && schema.example === undefined ? { ...schema, example: p.example } : schema;
    if (p.required === true || where === "path") required.push(name);
  }
  return { type: "object", properties, required, additionalProperties: true };
}

function jsonMedia(holder: Obj): { type: string; object: Obj } | undefined {
  const content = (holder.content ?? {}) as Record<string, Obj>;
  const type = Object.keys(content).find((t) => t.includes("json")) ?? Object.keys(content)[0];
  return type ? { type, object: content[type] as Obj } : undefined;
}

function examplesOf(doc: OpenApiDocument, media: Obj): NamedExample[] {
  const out: NamedExample[] = [];
  for (const [name, raw] of Object.entries((media.examples ?? {}) as Record<string, Obj>)) {
    const ex = deref(doc, raw);
    const named: NamedExample = { name, value: ex.value };
    if (typeof ex.summary === "string") named.summary = ex.summary;
    out.push(named);
  }
  if (media.example !== undefined) out.push({ name: "example", value: media.example });
  return out;
}

/** Follows a local `$ref` (parameters, responses, request bodies, examples, path items). */
function deref(doc: OpenApiDocument, node: Obj): Obj {
  let current = node;
  for (let hops = 0; typeof current.$ref === "string" && hops < 10; hops++) {
    const ref = current.$ref as string;
    if (!ref.startsWith("#/")) throw new SpecError(`unresolved external $ref "${ref}"`, ref);
    let target: unknown = doc;
    for (const part of parsePointer(ref.slice(1))) target = (target as Obj | undefined)?.[part];
    if (target === undefined) throw new SpecError(`$ref "${ref}" points nowhere`, ref);
    current = target as Obj;
  }
  return current;
}

function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}
