/**
 * A violation: the API (or a merchant endpoint) broke its contract. Violations are data, never thrown.
 * The shape is fixed by CONTRACT.md ("A violation (JSON)"); fields may be added, never renamed.
 */
export type Direction = "request" | "response";
export type Severity = "error" | "warning";

export interface Violation {
  operationId: string;
  direction: Direction;
  /** Which check produced it: "schema", "x-doku-rules", "headers", "status-code", "signature", ... */
  check: string;
  /** RFC 6901 pointer into the body, or "/headers/X-SIGNATURE" style for headers. "" is the whole body. */
  pointer: string;
  /** JSON Schema keyword ("maxLength", "required", ...) or a kit rule id ("x-doku-va-number-concat", ...). */
  rule: string;
  expected: unknown;
  actual: unknown;
  message: string;
  /** Seed file name or DOKU doc URL the rule comes from. */
  source: string;
  severity: Severity;
  /** Set when the finding touches a field marked x-doku-conflict: what the other source says. */
  conflict?: { id: string; alternative: string };
  /** Forged cases: the signature mutator that built the request; findings of different mutators never merge. */
  mutation?: string;
  /** Set when the finding matches how a known DOKU SDK version behaves (src/checks/sdk/defects.ts). */
  fingerprint?: ViolationFingerprint;
}

/** A known SDK defect a finding matches: which SDK and versions, how to tell, the fix. */
export interface ViolationFingerprint {
  id: string;
  sdk: string;
  versions: string[];
  defect: string;
  howToTell: string;
  fix: string;
}

/** Turns conflict warnings into errors (`--strict`). */
export function strictly(violations: readonly Violation[]): Violation[] {
  return violations.map((v) => (v.severity === "warning" ? { ...v, severity: "error" } : v));
}

/** True when any violation is an error (warnings alone do not fail a run). */
export function hasErrors(violations: readonly Violation[]): boolean {
  return violations.some((v) => v.severity === "error");
}
