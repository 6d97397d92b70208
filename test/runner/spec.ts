/** A tiny inline spec (token, one SNAP create, one non-SNAP create) and a case source for it. */
import { generateKeyPairSync } from "node:crypto";
import fc from "fast-check";
import type { Case, Expectation } from "../../src/model/case.js";
import type { Operation, OperationResponse, SpecBundle } from "../../src/model/operation.js";
import type { JsonSchema } from "../../src/model/schema.js";
import type { CaseSource } from "../../src/runner/planned.js";
import { compileValidators } from "../../src/validation/ajv.js";

const envelope = (extra: Record<string, unknown> = {}): JsonSchema => ({
  type: "object",
  required: ["responseCode", "responseMessage"],
  properties: {
    responseCode: { type: "string", pattern: "^[0-9]{7}$" },
    responseMessage: { type: "string" },
    ...extra,
  },
});

const snapResponses = (id: string, ok: JsonSchema, codes: Record<string, string[]>): OperationResponse[] =>
  Object.entries(codes).map(([status, caseCodes]) => ({
    status,
    description: status,
    contentType: "application/json",
    body: { key: `${id}.response.${status}.body`, schema: status === "200" ? ok : envelope() },
    examples: [],
    caseCodes,
  }));

const base = { kind: "path" as const, deprecated: false, summary: "", rules: [], conflicts: [] };

export const tokenOp: Operation = {
  ...base,
  id: "snapGetTokenB2b",
  role: "token",
  readOnly: true,
  method: "POST",
  path: "/authorization/v1/access-token/b2b",
  auth: "snap-asymmetric-token",
  serviceCode: "73",
  source: "token-page",
  pointer: "#/paths/token/post",
  request: {
    contentType: "application/json",
    body: {
      key: "snapGetTokenB2b.request.body",
      schema: {
        type: "object",
        required: ["grantType"],
        additionalProperties: false,
        properties: { grantType: { type: "string", enum: ["client_credentials"] } },
      },
    },
    examples: [{ name: "token", value: { grantType: "client_credentials" } }],
  },
  responses: snapResponses(
    "snapGetTokenB2b",
    envelope({
      accessToken: { type: "string" },
      tokenType: { type: "string" },
      expiresIn: { type: "integer" },
    }),
    { "200": ["00"], "400": ["00", "01", "02"], "401": ["00"] },
  ),
};

export const vaOp: Operation = {
  ...base,
  id: "snapCreateVa",
  uniqueKeys: [
    { space: "snap-trx-id", pointers: ["/trxId"] },
    { space: "snap-va", pointers: ["/partnerServiceId", "/customerNo"] },
  ],
  method: "POST",
  path: "/va/create",
  auth: "snap-symmetric",
  serviceCode: "27",
  source: "va-page",
  pointer: "#/paths/va/post",
  request: {
    contentType: "application/json",
    body: {
      key: "snapCreateVa.request.body",
      schema: {
        type: "object",
        required: ["trxId", "virtualAccountName"],
        additionalProperties: false,
        properties: {
          trxId: { type: "string", minLength: 1, maxLength: 20, pattern: "^[A-Za-z0-9]+$" },
          virtualAccountName: { type: "string", minLength: 1, maxLength: 10 },
        },
      },
    },
    examples: [{ name: "create", value: { trxId: "abc123", virtualAccountName: "Jokul" } }],
  },
  responses: snapResponses(
    "snapCreateVa",
    envelope({
      virtualAccountData: {
        type: "object",
        properties: {
          trxId: { type: "string", maxLength: 20 },
          virtualAccountName: { type: "string", maxLength: 10 },
        },
      },
    }),
    { "200": ["00"], "400": ["00", "01", "02"], "401": ["00", "01", "03"], "409": ["00"] },
  ),
};

export const codeOp: Operation = {
  ...base,
  id: "dokuVaCreatePaymentCode",
  uniqueKeys: [{ space: "invoice-number", pointers: ["/order/invoice_number"] }],
  method: "POST",
  path: "/doku-virtual-account/v2/payment-code",
  auth: "nonsnap-hmac",
  source: "doku-va-page",
  pointer: "#/paths/code/post",
  request: {
    contentType: "application/json",
    body: {
      key: "dokuVaCreatePaymentCode.request.body",
      schema: {
        type: "object",
        required: ["order"],
        additionalProperties: false,
        properties: {
          order: {
            type: "object",
            required: ["invoice_number", "amount"],
            additionalProperties: false,
            properties: {
              invoice_number: { type: "string", minLength: 1, maxLength: 30 },
              amount: { type: "integer", minimum: 1, maximum: 999999 },
            },
          },
        },
      },
    },
    examples: [],
  },
  responses: [
    {
      status: "200",
      description: "ok",
      contentType: "application/json",
      headers: {
        key: "dokuVaCreatePaymentCode.response.200.headers",
        schema: {
          type: "object",
          required: ["Signature"],
          properties: { Signature: { type: "string", pattern: "^HMACSHA256=" } },
          additionalProperties: true,
        },
      },
      body: {
        key: "dokuVaCreatePaymentCode.response.200.body",
        schema: { type: "object", required: ["order"], properties: { order: { type: "object" } } },
      },
      examples: [],
    },
    { status: "409", description: "replay", contentType: "application/json", examples: [] },
    { status: "default", description: "error", contentType: "application/json", examples: [] },
  ],
};

const operations = [tokenOp, vaOp, codeOp];
const schemas: Record<string, JsonSchema> = {};
for (const op of operations) {
  if (op.request.body) schemas[op.request.body.key] = op.request.body.schema;
  for (const r of op.responses) for (const s of [r.body, r.headers]) if (s) schemas[s.key] = s.schema;
}

export const bundle: SpecBundle = { operations, validators: compileValidators(schemas), document: {} };

const caseOf = (op: Operation, body: unknown, expect: Expectation, label: string): Case => ({
  operationId: op.id,
  phase: expect.kind === "accept" ? "property" : "negative",
  method: op.method,
  path: op.path,
  pathParams: {},
  headers: {},
  body,
  expect,
  label,
});

const alnum = fc.string({
  unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz0123456789"),
  minLength: 1,
  maxLength: 20,
});
const name = fc.string({ unit: fc.constantFrom(..."abcdef XYZ"), minLength: 1, maxLength: 10 });

const valid: Record<string, fc.Arbitrary<unknown>> = {
  snapGetTokenB2b: fc.constant({ grantType: "client_credentials" }),
  snapCreateVa: fc.record({ trxId: alnum, virtualAccountName: name }),
  dokuVaCreatePaymentCode: fc.record({
    order: fc.record({ invoice_number: alnum, amount: fc.integer({ min: 1, max: 999999 }) }),
  }),
};

const reject = (pointer: string, rule: string): Expectation => ({
  kind: "reject",
  pointer,
  rule,
  reason: `${pointer} breaks ${rule}`,
});
const negative: Record<string, fc.Arbitrary<Case>> = {
  snapGetTokenB2b: fc.constant(
    caseOf(
      tokenOp,
      { grantType: "password" },
      reject("/grantType", "enum"),
      "negative: /grantType not in enum",
    ),
  ),
  snapCreateVa: fc
    .record({ trxId: alnum, virtualAccountName: fc.string({ minLength: 11, maxLength: 15 }) })
    .map((body) =>
      caseOf(
        vaOp,
        body,
        reject("/virtualAccountName", "maxLength"),
        `negative: /virtualAccountName ${body.virtualAccountName.length} > 10`,
      ),
    ),
  dokuVaCreatePaymentCode: fc
    .record({ order: fc.record({ invoice_number: alnum, amount: fc.integer({ min: -1000, max: 0 }) }) })
    .map((body) => caseOf(codeOp, body, reject("/order/amount", "minimum"), "negative: /order/amount < 1")),
};

export const caseSource: CaseSource = {
  valid: (op) =>
    (valid[op.id] ?? fc.constant({})).map((body) => caseOf(op, body, { kind: "accept" }, `valid ${op.id}`)),
  negative: (op) => negative[op.id] ?? fc.constant(caseOf(op, {}, reject("", "type"), "negative")),
  boundary: (op) =>
    op.id === "snapCreateVa"
      ? [
          caseOf(
            vaOp,
            { trxId: "b1", virtualAccountName: "x".repeat(10) },
            { kind: "accept" },
            "boundary: /virtualAccountName at maxLength 10",
          ),
          caseOf(
            vaOp,
            { trxId: "b2", virtualAccountName: "x".repeat(11) },
            reject("/virtualAccountName", "maxLength"),
            "boundary: /virtualAccountName at maxLength + 1",
          ),
        ]
      : [],
};

/** A merchant identity for the test server. */
export function identity() {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  });
  return {
    clientId: "BRN-0001-1234567890123",
    secretKey: "SK-test-secret",
    privateKeyPem: privateKey,
    publicKeyPem: publicKey,
  };
}

/** A valid property case of `operationId` with `body`, for the unique-key tests. */
export function bodyCase(operationId: string, body: Record<string, string>): Case {
  return {
    operationId,
    phase: "property",
    method: "POST",
    path: "/",
    pathParams: {},
    headers: {},
    body,
    expect: { kind: "accept" },
    label: "x",
  };
}
