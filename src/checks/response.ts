/** Small shared readers over a response: the documented response for a status, headers, the SNAP envelope. */
import type { Exchange } from "../model/case.js";
import type { Operation, OperationResponse } from "../model/operation.js";
import type { Severity, Violation } from "../model/violation.js";
import { isSnapScheme } from "../signatures/schemes.js";
import { selectResponse } from "../validation/validate.js";

/** The documented response for a status: exact ("400"), then range ("4XX"), then "default". */
export const documentedResponse: (operation: Operation, status: number) => OperationResponse | undefined =
  selectResponse;

/** The SNAP envelope fields when the body is a JSON object carrying them. */
export function snapEnvelope(
  json: unknown,
): { responseCode?: unknown; responseMessage?: unknown } | undefined {
  if (typeof json !== "object" || json === null || Array.isArray(json)) return undefined;
  const body = json as Record<string, unknown>;
  return { responseCode: body.responseCode, responseMessage: body.responseMessage };
}

/**
 * The request target (path and query) of an absolute URL exactly as written: no "." / ".." segment removal,
 * no re-encoding (WHATWG URL parsing would do both, and the signature covers the raw target).
 */
export function requestTarget(url: string): string {
  const afterScheme = url.slice(url.indexOf("//") + 2);
  const at = afterScheme.search(/[/?]/);
  const target = at < 0 ? "/" : afterScheme.slice(at);
  return target.startsWith("?") ? `/${target}` : target;
}

/** True for the SNAP family (the scheme table's family of the operation's x-doku-auth). */
export function isSnap(operation: Operation): boolean {
  return isSnapScheme(operation.auth);
}

export interface Finding {
  /** Where `pointer` points: the response (default) or the request (the field a negative case broke). */
  direction?: "request" | "response";
  pointer: string;
  rule: string;
  expected: unknown;
  actual: unknown;
  message: string;
  severity?: Severity;
  source?: string;
}

/** Builds a violation for `check` (response direction unless the finding says otherwise), citing the operation's source unless told otherwise. */
export function violation(
  check: string,
  exchange: Exchange,
  operation: Operation,
  finding: Finding,
): Violation {
  return {
    operationId: exchange.case.operationId,
    direction: finding.direction ?? "response",
    check,
    pointer: finding.pointer,
    rule: finding.rule,
    expected: finding.expected,
    actual: finding.actual,
    message: finding.message,
    source: finding.source ?? operation.source,
    severity: finding.severity ?? "error",
  };
}
