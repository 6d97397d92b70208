/**
 * A recorded conflict that covers a value: one whose summary or a source's words quote the value itself
 * (e.g. `inquiry-decline-http-status` quotes the SDK's 401 answer `4010000`; `dipc-payment-code-length`
 * quotes the 28-digit BNI sample). A finding on such a value is a warning naming the conflict (the kit's
 * policy for documented disagreements); `--strict` turns it back into an error.
 */
import type { DokuConflict } from "../model/operation.js";
import { alternativeSentence } from "./conflicts.js";

/** Values shorter than this are too common to be quoted on purpose ("00", "true"). */
const MIN_QUOTED = 4;

function quotes(text: string, value: string): boolean {
  let from = text.indexOf(value);
  while (from >= 0) {
    const before = text[from - 1] ?? " ";
    const after = text[from + value.length] ?? " ";
    if (!/[0-9A-Za-z]/.test(before) && !/[0-9A-Za-z]/.test(after)) return true;
    from = text.indexOf(value, from + 1);
  }
  return false;
}

/** The first conflict quoting `value` word for word; undefined for non-scalar or too short values. */
export function conflictCovering(
  conflicts: readonly DokuConflict[],
  value: unknown,
): DokuConflict | undefined {
  if (typeof value !== "string" && typeof value !== "number") return undefined;
  const text = String(value);
  if (text.length < MIN_QUOTED) return undefined;
  return conflicts.find(
    (c) =>
      quotes(String(c.summary ?? ""), text) ||
      (Array.isArray(c.sources) && c.sources.some((s) => quotes(String(s.says ?? ""), text))),
  );
}

/** The violation fields of a finding a conflict covers: a warning whose message names the conflict. */
export function coveredBy(
  conflict: DokuConflict,
  message: string,
): { severity: "warning"; message: string; conflict: { id: string; alternative: string } } {
  const alternative = alternativeSentence(conflict);
  return {
    severity: "warning",
    message: `${message} (a warning: the value is one DOKU's sources record, see x-doku-conflict ${conflict.id})`,
    conflict: { id: conflict.id, alternative },
  };
}
