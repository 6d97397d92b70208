/** The schema slots of an operation (request/response × body/headers/path) and how to validate each. */
import type {
  NamedExample,
  Operation,
  OperationResponse,
  SchemaRef,
  Violation,
} from "../../../src/model/index.js";
import {
  type OperationValidation,
  validateRequest,
  validateResponse,
} from "../../../src/validation/index.js";

export interface Slot {
  label: string;
  ref: SchemaRef;
  part: "body" | "headers" | "path";
  direction: "request" | "response";
  status?: number;
  /** Named examples of this slot (bodies only; DOKU documents no header examples as objects). */
  examples: NamedExample[];
  /** Pointer prefix violations of this slot carry. */
  prefix: string;
  /** Violations of this slot only (its schema check; no x-doku-rules). */
  validate: (target: OperationValidation, doc: unknown) => Violation[];
}

/** A status that selects `response`: its own code, a free code in its range ("4XX"), or one for "default". */
export function statusFor(operation: Operation, response: OperationResponse): number {
  if (/^[1-5][0-9][0-9]$/.test(response.status)) return Number(response.status);
  const taken = new Set(operation.responses.map((r) => r.status));
  const start = /^[1-5]XX$/i.test(response.status) ? Number(response.status[0]) * 100 : 500;
  for (let s = start; s < 600; s++) if (!taken.has(String(s)) && !taken.has(`${String(s)[0]}XX`)) return s;
  return 599;
}

const only = (check: string) => (vs: Violation[]) => vs.filter((v) => v.check === check);

export function slots(operation: Operation): Slot[] {
  const out: Slot[] = [];
  const { request } = operation;
  if (request.body) {
    out.push({
      label: `${operation.id} request body`,
      ref: request.body,
      part: "body",
      direction: "request",
      examples: request.examples,
      prefix: "",
      validate: (t, doc) => only("schema")(validateRequest(t, { body: doc })),
    });
  }
  if (request.headers) {
    out.push({
      label: `${operation.id} request headers`,
      ref: request.headers,
      part: "headers",
      direction: "request",
      examples: [],
      prefix: "/headers",
      validate: (t, doc) => only("headers")(validateRequest(t, { headers: doc as Record<string, string> })),
    });
  }
  if (request.path) {
    out.push({
      label: `${operation.id} path parameters`,
      ref: request.path,
      part: "path",
      direction: "request",
      examples: [],
      prefix: "/path",
      validate: (t, doc) => only("path")(validateRequest(t, { path: doc as Record<string, string> })),
    });
  }
  for (const response of operation.responses) {
    const status = statusFor(operation, response);
    if (response.body) {
      out.push({
        label: `${operation.id} response ${response.status} body`,
        ref: response.body,
        part: "body",
        direction: "response",
        status,
        examples: response.examples,
        prefix: "",
        validate: (t, doc) => only("schema")(validateResponse(t, { status, body: doc })),
      });
    }
    if (response.headers) {
      out.push({
        label: `${operation.id} response ${response.status} headers`,
        ref: response.headers,
        part: "headers",
        direction: "response",
        status,
        examples: [],
        prefix: "/headers",
        validate: (t, doc) =>
          only("headers")(validateResponse(t, { status, headers: doc as Record<string, string> })),
      });
    }
  }
  return out;
}
