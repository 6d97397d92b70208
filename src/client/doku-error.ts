/**
 * DokuError: what the client throws when a call did not succeed. A SNAP `responseCode` is seven digits,
 * HTTP status (3) + service code (2) + case code (2) (research §5: `4012701` = 401, service 27, case 01);
 * non-SNAP errors carry `error.code` / `error.message` instead. Every error names the operation.
 */
import { KitError } from "../model/errors.js";
import type { Violation } from "../model/violation.js";

/**
 * Why the call failed: DOKU answered non-2xx (`response`), no answer in time (`timeout`), no answer at all
 * (`network`), or the client's validation found errors before sending / after receiving.
 */
export type DokuErrorKind = "response" | "timeout" | "network" | "invalid-request" | "invalid-response";

/** The three parts of a SNAP responseCode. */
export interface ResponseCodeParts {
  httpStatus: number;
  serviceCode: string;
  caseCode: string;
}

/** `"4012701"` -> `{ httpStatus: 401, serviceCode: "27", caseCode: "01" }`; undefined unless 7 digits. */
export function parseResponseCode(code: unknown): ResponseCodeParts | undefined {
  if (typeof code !== "string" || !/^[1-5]\d{6}$/.test(code)) return undefined;
  return { httpStatus: Number(code.slice(0, 3)), serviceCode: code.slice(3, 5), caseCode: code.slice(5, 7) };
}

export interface DokuErrorInit {
  kind: DokuErrorKind;
  operationId: string;
  /** HTTP status of DOKU's answer (absent for timeout / network / invalid-request). */
  status?: number;
  /** The parsed answer body (JSON), or its text when it is not JSON. */
  body?: unknown;
  violations?: readonly Violation[];
  cause?: unknown;
  /** Overrides the generated message. */
  message?: string;
}

const field = (body: unknown, ...path: string[]): string | undefined => {
  let value: unknown = body;
  for (const key of path) {
    if (typeof value !== "object" || value === null) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return typeof value === "string" || typeof value === "number" ? String(value) : undefined;
};

/** A failed DOKU call. Exit code 2 for a request the client refused to send, 3 otherwise (CONTRACT.md). */
export class DokuError extends KitError {
  readonly kind: DokuErrorKind;
  /** The operation (OpenAPI operationId) that failed. */
  readonly operationId: string;
  /** HTTP status of the answer, when there was one. */
  readonly status: number | undefined;
  /** SNAP `responseCode`, as answered. */
  readonly responseCode: string | undefined;
  /** SNAP: the responseCode's first three digits. */
  readonly httpStatus: number | undefined;
  /** SNAP: the responseCode's service code (two digits). */
  readonly serviceCode: string | undefined;
  /** SNAP: the responseCode's case code (two digits). */
  readonly caseCode: string | undefined;
  /** SNAP `responseMessage`, or non-SNAP `error.message`. */
  readonly responseMessage: string | undefined;
  /** Non-SNAP `error.code`. */
  readonly code: string | undefined;
  /** The answer body (parsed JSON, or text). */
  readonly body: unknown;
  /** What validation found (invalid-request / invalid-response). */
  readonly violations: readonly Violation[];

  constructor(init: DokuErrorInit) {
    const responseCode = field(init.body, "responseCode");
    const parts = parseResponseCode(responseCode);
    const responseMessage = field(init.body, "responseMessage") ?? field(init.body, "error", "message");
    const code = field(init.body, "error", "code");
    super(
      init.message ?? describe(init, responseCode, responseMessage, code),
      init.kind === "invalid-request" ? 2 : 3,
      init.cause === undefined ? undefined : { cause: init.cause },
    );
    this.name = "DokuError";
    this.kind = init.kind;
    this.operationId = init.operationId;
    this.status = init.status;
    this.responseCode = responseCode;
    this.httpStatus = parts?.httpStatus;
    this.serviceCode = parts?.serviceCode;
    this.caseCode = parts?.caseCode;
    this.responseMessage = responseMessage;
    this.code = code;
    this.body = init.body;
    this.violations = init.violations ?? [];
  }
}

function describe(
  init: DokuErrorInit,
  responseCode: string | undefined,
  message: string | undefined,
  code: string | undefined,
): string {
  const op = init.operationId;
  const listed = (init.violations ?? [])
    .filter((v) => v.severity === "error")
    .map((v) => v.message)
    .join("; ");
  switch (init.kind) {
    case "invalid-request":
      return `${op}: request not sent, it violates the spec: ${listed}`;
    case "invalid-response":
      return `${op}: DOKU's answer (HTTP ${init.status}) violates the spec: ${listed}`;
    case "timeout":
      return `${op}: no answer in time`;
    case "network":
      return `${op}: cannot reach DOKU (${init.cause instanceof Error ? init.cause.message : String(init.cause)})`;
    case "response": {
      const detail = [responseCode ?? code, message].filter((v) => v !== undefined).join(" ");
      return `${op}: DOKU answered HTTP ${init.status}${detail === "" ? "" : ` (${detail})`}`;
    }
  }
}
