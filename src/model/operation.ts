/**
 * The operation table: plain data generated from specs/ (generated/operations.ts) and passed into the
 * engine. src/ never imports generated/; conformance/ wires the two together.
 */
import type { JsonSchema } from "./schema.js";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** `x-doku-auth`: how a request of this operation is authenticated. */
export type AuthScheme = "snap-asymmetric-token" | "snap-symmetric" | "nonsnap-hmac";

/** Who sends the request: merchant -> DOKU (`paths`) or DOKU -> merchant (`webhooks`). */
export type OperationKind = "path" | "webhook";

export interface NamedExample {
  name: string;
  summary?: string;
  value: unknown;
}

/** A schema slot; `key` names the compiled validator (see generated/validators.js). */
export interface SchemaRef {
  key: string;
  schema: JsonSchema;
}

export interface OperationResponse {
  /** "200", "401", ... or "default". */
  status: string;
  description: string;
  contentType?: string;
  body?: SchemaRef;
  headers?: SchemaRef;
  examples: NamedExample[];
  /** SNAP `x-doku-case-codes`: documented case codes for this status (responseCode = status+svc+case). */
  caseCodes?: string[];
}

/** One declared cross-field rule (`x-doku-rules`), see specs/README.md for the kinds. */
export interface DokuRule {
  id: string;
  kind: "concat" | "lte" | "required-if" | "minimum-if" | "max-digits-by" | "enum-by" | "status-by";
  in: "request" | "response";
  description: string;
  source: string;
  [param: string]: unknown;
}

/** `x-doku-conflict`: documents that disagree, which one the spec follows and why. */
export interface DokuConflict {
  id: string;
  summary: string;
  sources: { source: string; says: string }[];
  follows: string;
  why: string;
  /** A JSON Schema fragment accepting what the other source says; a value it accepts is only a warning. */
  alternative?: JsonSchema;
}

/** `x-doku-setup` binding: `request:/ptr`, `response:/ptr` or `header:Name` of the prerequisite -> a body pointer or `path:name`. */
export interface SetupBinding {
  from: string;
  to: string;
}

/** `x-doku-setup`: the operation acts on an existing resource, which `creates` (an operation id) makes. */
export interface SetupRule {
  creates: string;
  bind: readonly SetupBinding[];
}

/** `x-doku-unique-keys` entry: fields DOKU requires unique per merchant, in a namespace shared across operations. */
export interface UniqueKeyGroup {
  space: string;
  pointers: readonly string[];
}

/** `x-doku-role`: the operation's part in the protocol (`token`: the SNAP B2B token request). */
export type OperationRole = "token";

/** An inquiry answer carries data (a bill); a notification answer only acknowledges. */
export type CallbackKind = "inquiry" | "notification";

/** `x-doku-coverage`: whether the operation's sources were complete, and what is missing when not. */
export type Coverage = { status: "complete" } | { status: "partial"; missing: string };

/** `x-doku-flow` on a webhook: the callback flow the kit plays as DOKU (`callback --flow <name>`). */
export interface FlowDeclaration {
  name: string;
  kind: CallbackKind;
  summary: string;
}

/**
 * `x-doku-simulate` on an operation that creates something a customer pays (a VA, a payment code): the
 * simulator family that pays it, and the flows DOKU sends when it is paid (specs/README.md "DOKU facts").
 */
export interface SimulateDeclaration {
  /** The simulator family (kebab-case; src/simulator/families): "snap-va", "non-snap-va", ... */
  family: string;
  /** What the operation creates: "va", "payment-code", "order", ... */
  kind: string;
  /** The x-doku-flow name of the notification DOKU sends once it is paid. */
  notification: string;
  /** The x-doku-flow name of the direct inquiry DOKU sends for numbers the merchant registered itself (DIPC). */
  inquiry?: string;
  /**
   * Channels with their own notification flow: the value at `pointer` of the creating request body picks a
   * flow from `flows`; any other value gets `notification` (DANA's danaPaymentNotification).
   */
  notificationBy?: { pointer: string; flows: Readonly<Record<string, string>> };
  /** DOKU's retry schedule: seconds after the original delivery, ascending. */
  retryAfterSeconds: readonly number[];
}

export interface Operation {
  id: string;
  kind: OperationKind;
  method: HttpMethod;
  /** Path template on the DOKU host; for webhooks, the sample path from the docs (the merchant chooses). */
  path: string;
  auth: AuthScheme;
  /** SNAP service code, two digits ("27"); absent for non-SNAP. */
  serviceCode?: string;
  source: string;
  deprecated: boolean;
  summary: string;
  /** JSON pointer of the operation in generated/openapi.json. */
  pointer: string;
  request: {
    contentType?: string;
    body?: SchemaRef;
    headers?: SchemaRef;
    path?: SchemaRef;
    examples: NamedExample[];
  };
  responses: OperationResponse[];
  rules: DokuRule[];
  /** Operation-level conflicts (e.g. how DOKU authenticates callbacks). Field-level ones live in schemas. */
  conflicts: DokuConflict[];
  /** `x-doku-setup`: the prerequisite each case needs and how the case binds to it. */
  setup?: SetupRule;
  /** `x-doku-unique-keys`: key groups DOKU requires unique per merchant. */
  uniqueKeys?: readonly UniqueKeyGroup[];
  /** `x-doku-read-only: true`: neither creates nor changes data on its own (its setup may). */
  readOnly?: true;
  /** `x-doku-role`. */
  role?: OperationRole;
  /** `x-doku-flow` (webhooks only). */
  flow?: FlowDeclaration;
  /** `x-doku-mock`: the name of the mock's stateful behaviour for this operation. */
  mock?: string;
  /** `x-doku-simulate`: what the simulator pays for things this operation creates (paths with x-doku-mock). */
  simulate?: SimulateDeclaration;
  /** `x-doku-coverage`: complete, or partial with what its sources leave out (required in specs/; optional for hand-built fixtures). */
  coverage?: Coverage;
}

/** A compiled validator, ajv-compatible: returns true/false and sets `errors` (allErrors mode). */
export interface CompiledValidator {
  (data: unknown): boolean;
  errors?: AjvLikeError[] | null;
}

export interface AjvLikeError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
  parentSchema?: JsonSchema;
  data?: unknown;
}

/** Validators by schema key ("snapCreateVa.request.body", "snapCreateVa.response.200.body", ...). */
export type ValidatorSet = Readonly<Record<string, CompiledValidator>>;

/**
 * The operation a validator key belongs to ("snapCreateVa.response.200.body" and its conflict alternatives:
 * "snapCreateVa"): its validators live in generated/validators/<operation>.cjs.
 */
export function validatorGroup(key: string): string {
  const dot = key.indexOf(".");
  return dot < 0 ? key : key.slice(0, dot);
}

/** Everything the engine needs from generated/: the table, the validators, the bundled document. */
export interface SpecBundle {
  operations: readonly Operation[];
  validators: ValidatorSet;
  document: Record<string, unknown>;
}
