/**
 * The probe body: the --body text (exact bytes, a reference the merchant knows), else the spec's first
 * request example, else the first generated body (webhooks without a doc sample, e.g. DANA). A --body that DOKU would never send (it breaks the webhook's request schema) is a
 * UsageError: certifying against it would prove nothing.
 */
import { SpecError, UsageError } from "../model/errors.js";
import type { Operation, SpecBundle } from "../model/operation.js";
import { validateRequest } from "../validation/validate.js";
import type { GeneratedBody } from "./bodies.js";

export interface Baseline {
  kind: "pinned" | GeneratedBody["kind"];
  label: string;
  raw: string;
  value: unknown;
}

/** The probe body and the candidates left for the valid cases (examples first, then generated). */
export function chooseBaseline(
  bundle: SpecBundle,
  operation: Operation,
  candidates: readonly GeneratedBody[],
  body: string | undefined,
): { baseline: Baseline; rest: GeneratedBody[] } {
  if (body !== undefined) {
    const raw = body.replace(/\s+$/, "");
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      throw new UsageError(`--body is not JSON: ${(error as Error).message}`);
    }
    const errors = validateRequest({ operation, validators: bundle.validators }, { body: value }).filter(
      (v) => v.severity === "error",
    );
    const first = errors[0];
    if (first !== undefined) {
      throw new UsageError(
        `--body is not a ${operation.id} body DOKU would send: ${first.message} (${errors.length} problem${errors.length === 1 ? "" : "s"}; check it with doku-conformance validate --operation ${operation.id} --request <file>)`,
      );
    }
    return { baseline: { kind: "pinned", label: "the --body callback", raw, value }, rest: [...candidates] };
  }
  const first = candidates.find((c) => c.kind === "example") ?? candidates.find((c) => c.kind === "property");
  if (first === undefined) {
    throw new SpecError(
      `webhook ${operation.id} has no request example and no generated body to probe with; give --body <file>`,
      operation.pointer,
    );
  }
  const baseline = {
    kind: first.kind,
    label: first.label,
    raw: JSON.stringify(first.value),
    value: first.value,
  };
  return { baseline, rest: candidates.filter((c) => c !== first) };
}
