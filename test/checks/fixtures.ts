/** Tiny inline operations and exchanges for check tests (no generated/ needed). */
import type { CheckContext } from "../../src/checks/check.js";
import { DEFAULT_POLICY } from "../../src/checks/check.js";
import type { Case, Exchange, Expectation, ReceivedResponse } from "../../src/model/case.js";
import type { Operation } from "../../src/model/operation.js";
import { compileValidators } from "../../src/validation/ajv.js";

const envelope = {
  type: "object",
  required: ["responseCode", "responseMessage"],
  properties: {
    responseCode: { type: "string", pattern: "^[0-9]{7}$" },
    responseMessage: { type: "string", maxLength: 150 },
    virtualAccountData: {
      type: "object",
      properties: { virtualAccountName: { type: "string", maxLength: 10 }, trxId: { type: "string" } },
    },
  },
};

export const snapOp: Operation = {
  id: "snapCreateVa",
  kind: "path",
  method: "POST",
  path: "/va/create",
  auth: "snap-symmetric",
  serviceCode: "27",
  source: "002_seed.txt",
  deprecated: false,
  summary: "",
  pointer: "#/paths/~1va~1create/post",
  request: {
    contentType: "application/json",
    body: {
      key: "snapCreateVa.request.body",
      schema: {
        type: "object",
        properties: {
          trxId: { type: "string", maxLength: 64 },
          totalAmount: { type: "object", properties: { currency: { type: "string", enum: ["IDR"] } } },
          virtualAccountTrxType: {
            type: "string",
            enum: ["C"],
            "x-doku-conflict": { id: "va-trx-type-numeric" },
          },
        },
      },
    },
    examples: [],
  },
  responses: [
    {
      status: "200",
      description: "",
      contentType: "application/json",
      body: { key: "snapCreateVa.response.200.body", schema: envelope },
      examples: [],
      caseCodes: ["00"],
    },
    {
      status: "400",
      description: "",
      contentType: "application/json",
      body: { key: "snapCreateVa.response.400.body", schema: envelope },
      examples: [],
      caseCodes: ["00", "01", "02"],
    },
    {
      status: "401",
      description: "",
      contentType: "application/json",
      body: { key: "snapCreateVa.response.401.body", schema: envelope },
      examples: [],
      caseCodes: ["00", "01", "03"],
    },
    { status: "409", description: "", contentType: "application/json", examples: [], caseCodes: ["00"] },
  ],
  rules: [],
  conflicts: [],
};

export const nonSnapOp: Operation = {
  id: "dokuVaCreatePaymentCode",
  kind: "path",
  method: "POST",
  path: "/doku-virtual-account/v2/payment-code",
  auth: "nonsnap-hmac",
  source: "001_seed.txt",
  deprecated: false,
  summary: "",
  pointer: "#/paths/~1doku-virtual-account~1v2~1payment-code/post",
  request: { contentType: "application/json", examples: [] },
  responses: [
    {
      status: "200",
      description: "",
      contentType: "application/json",
      headers: {
        key: "dokuVaCreatePaymentCode.response.200.headers",
        schema: {
          type: "object",
          required: ["Client-Id", "Signature"],
          properties: {
            "Client-Id": { type: "string" },
            Signature: { type: "string", pattern: "^HMACSHA256=" },
          },
          additionalProperties: true,
        },
      },
      examples: [],
    },
    { status: "default", description: "", contentType: "application/json", examples: [] },
  ],
  rules: [],
  conflicts: [],
};

const schemas = Object.fromEntries(
  [snapOp, nonSnapOp].flatMap((op) =>
    op.responses.flatMap((r) =>
      [r.body, r.headers].filter((s) => s !== undefined).map((s) => [s.key, s.schema]),
    ),
  ),
);
export const validators = compileValidators(schemas);

export function ctxFor(operation: Operation, extra: Partial<CheckContext> = {}): CheckContext {
  return { operation, validators, policy: DEFAULT_POLICY, ...extra };
}

export function caseOf(
  operation: Operation,
  expect: Expectation = { kind: "accept" },
  body: unknown = { trxId: "t1" },
): Case {
  return {
    operationId: operation.id,
    phase: expect.kind === "accept" ? "property" : expect.kind === "reject" ? "negative" : "signature",
    method: operation.method,
    path: operation.path,
    pathParams: {},
    headers: {},
    body,
    expect,
    label: "test case",
  };
}

export function exchangeOf(
  operation: Operation,
  response: (Partial<ReceivedResponse> & { json?: unknown }) | undefined,
  options: {
    expect?: Expectation;
    durationMs?: number;
    error?: string;
    requestHeaders?: Record<string, string>;
  } = {},
): Exchange {
  const kase = caseOf(operation, options.expect);
  const body = JSON.stringify(kase.body);
  const exchange: Exchange = {
    case: kase,
    request: {
      method: operation.method,
      url: `http://127.0.0.1:1${operation.path}`,
      headers: options.requestHeaders ?? {},
      body,
    },
    durationMs: options.durationMs ?? 12,
  };
  if (response) {
    const text = response.body ?? (response.json === undefined ? "" : JSON.stringify(response.json));
    exchange.response = {
      status: response.status ?? 200,
      headers: response.headers ?? { "Content-Type": "application/json" },
      body: text,
      ...(response.json !== undefined ? { json: response.json } : {}),
    };
  }
  if (options.error) exchange.error = options.error;
  return exchange;
}
