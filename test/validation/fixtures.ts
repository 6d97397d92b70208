/** Tiny inline operations compiled at runtime with the kit's one Ajv configuration. */
import type { DokuRule, Operation, SchemaRef } from "../../src/model/index.js";
import type { JsonSchema } from "../../src/model/schema.js";
import { compileValidators } from "../../src/validation/ajv.js";
import type { OperationValidation } from "../../src/validation/index.js";

export interface InlineSpec {
  id?: string;
  source?: string;
  body?: JsonSchema;
  headers?: JsonSchema;
  path?: JsonSchema;
  responses?: { status: string; body?: JsonSchema; headers?: JsonSchema }[];
  rules?: DokuRule[];
}

/** An operation whose schemas are the given fragments, with runtime-compiled validators. */
export function inline(spec: InlineSpec): OperationValidation {
  const id = spec.id ?? "testOp";
  const schemas: Record<string, JsonSchema> = {};
  const ref = (key: string, schema: JsonSchema | undefined): SchemaRef | undefined => {
    if (schema === undefined) return undefined;
    schemas[key] = schema;
    return { key, schema };
  };
  const body = ref(`${id}.request.body`, spec.body);
  const headers = ref(`${id}.request.headers`, spec.headers);
  const path = ref(`${id}.request.path`, spec.path);
  const operation: Operation = {
    id,
    kind: "path",
    method: "POST",
    path: "/test",
    auth: "nonsnap-hmac",
    source: spec.source ?? "op-source.txt",
    deprecated: false,
    summary: "test operation",
    pointer: `#/paths/~1test/post`,
    request: {
      examples: [],
      ...(body ? { body } : {}),
      ...(headers ? { headers } : {}),
      ...(path ? { path } : {}),
    },
    responses: (spec.responses ?? []).map((r) => {
      const rb = ref(`${id}.response.${r.status}.body`, r.body);
      const rh = ref(`${id}.response.${r.status}.headers`, r.headers);
      return {
        status: r.status,
        description: r.status,
        examples: [],
        ...(rb ? { body: rb } : {}),
        ...(rh ? { headers: rh } : {}),
      };
    }),
    rules: spec.rules ?? [],
    conflicts: [],
  };
  return { operation, validators: compileValidators(schemas) };
}

/** A one-field object schema: `{ [name]: field }`, additionalProperties false. */
export const objectWith = (name: string, field: JsonSchema, required = false): JsonSchema => ({
  type: "object",
  additionalProperties: false,
  properties: { [name]: field },
  ...(required ? { required: [name] } : {}),
});
