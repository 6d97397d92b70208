/**
 * Headers and path parameters as case parts. Signature and auth headers are left to the signer, which
 * fills them when the case is sent; they are removed from the generated part (and from its checks).
 */
import type { ObjectShape, Shape } from "./shape.js";

/** Headers the signer fills (SNAP: X-SIGNATURE, X-TIMESTAMP, Authorization; non-SNAP: Signature, Request-Timestamp, Digest). */
export const SIGNER_HEADERS: readonly string[] = [
  "X-SIGNATURE",
  "X-TIMESTAMP",
  "Authorization",
  "Signature",
  "Request-Timestamp",
  "Digest",
];

export function isSignerHeader(name: string): boolean {
  return SIGNER_HEADERS.some((h) => h.toLowerCase() === name.toLowerCase());
}

/** The header object shape without the signer's headers. */
export function withoutSignerHeaders(shape: Shape): Shape {
  if (shape.kind !== "object") return shape;
  const reduced: ObjectShape = { ...shape, props: shape.props.filter((p) => !isSignerHeader(p.name)) };
  return reduced;
}

/** What a header or path parameter negative may break: strings on the wire have no "type" to break. */
export const HEADER_NEGATIVES: ReadonlySet<string> = new Set([
  "minLength",
  "maxLength",
  "pattern",
  "format",
  "enum",
  "const",
  "required",
]);
export const PATH_NEGATIVES: ReadonlySet<string> = new Set([
  "minLength",
  "maxLength",
  "pattern",
  "format",
  "enum",
  "const",
]);

/** Header and path values as strings (how they travel). */
export function asStrings(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries((value ?? {}) as Record<string, unknown>)) out[k] = String(v);
  return out;
}
