/** What the mock sends back: a status, headers and the exact body bytes (signed responses sign these). */
export interface Reply {
  status: number;
  headers: Record<string, string>;
  /** Serialised once: a non-SNAP response Signature covers exactly this text. */
  body: string;
}

/** A JSON reply; the body is serialised here and never again. */
export function jsonReply(status: number, value: unknown, headers: Record<string, string> = {}): Reply {
  return { status, headers: { "Content-Type": "application/json", ...headers }, body: JSON.stringify(value) };
}

/**
 * A refusal decided by the mock (not by Prism), independent of the API family: the family renders it as a
 * SNAP envelope (`status` + service code + `caseCode`, `message`) or as a non-SNAP error (`code`, `detail`).
 */
export interface Fault {
  status: number;
  /** SNAP case code, two digits ("01"). */
  caseCode: string;
  /** SNAP responseMessage, DOKU's wording where DOKU has one. */
  message: string;
  /** Non-SNAP machine-readable code (the kit's, DOKU documents none): "invalid_signature", ... */
  code: string;
  /** Longer explanation for non-SNAP bodies and logs; never sent as a header. */
  detail: string;
  /** The field at fault, dotted ("totalAmount.currency") or a header name, when there is one. */
  field?: string;
}

/** A handler's success: status, body value and extra headers (the family adds its own). */
export interface Success {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** True when a handler outcome is a Fault. */
export function isFault(outcome: Success | Fault): outcome is Fault {
  return "caseCode" in outcome;
}
