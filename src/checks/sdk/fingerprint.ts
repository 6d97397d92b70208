/**
 * Matches a finding against the known SDK defects (defects.ts) and names the defect on the violation: a
 * `fingerprint` field (id, SDK, versions, how to tell, fix) that the JSON and HTML reports carry, and a
 * message suffix the console shows. A match says "this is how a known SDK version behaves", not "you use
 * the SDK": `howToTell` says how to be sure.
 */
import type { Violation, ViolationFingerprint } from "../../model/violation.js";
import { SDK_DEFECTS, type SdkDefect, type SeenAs } from "./defects.js";

/** What a matcher knows of the exchange behind a finding. */
export interface FingerprintInput {
  /** The merchant's HTTP status, when it answered. */
  status?: number;
  /** The answer's parsed JSON body. */
  json?: unknown;
  /** The forged case's mutator, when the case was forged. */
  mutator?: string;
  /** The byte variant's name, when the case was a byte variant. */
  variant?: string;
}

function statusClass(status: number | undefined): SeenAs["answered"] | undefined {
  if (status === undefined) return undefined;
  if (status >= 500) return "5xx";
  if (status >= 400) return "4xx";
  return status >= 200 && status < 300 ? "2xx" : undefined;
}

function matches(seen: SeenAs, v: Violation, input: FingerprintInput): boolean {
  if (!seen.checks.includes(v.check)) return false;
  if (seen.mutators && (input.mutator === undefined || !seen.mutators.includes(input.mutator))) return false;
  if (seen.variants && (input.variant === undefined || !seen.variants.includes(input.variant))) return false;
  if (seen.answered && statusClass(input.status) !== seen.answered) return false;
  if (seen.numericResponseCode) {
    const code = (input.json as { responseCode?: unknown } | undefined)?.responseCode;
    if (typeof code !== "number") return false;
  }
  if (seen.header && v.pointer.toLowerCase() !== `/headers/${seen.header.toLowerCase()}`) return false;
  return true;
}

/** The defect a finding matches, first in table order; undefined when none does. */
export function matchDefect(v: Violation, input: FingerprintInput): SdkDefect | undefined {
  return SDK_DEFECTS.find((d) => d.seenAs !== undefined && matches(d.seenAs, v, input));
}

/** The violation with its fingerprint and message suffix, or unchanged when no defect matches. */
export function fingerprinted(v: Violation, input: FingerprintInput): Violation {
  const defect = matchDefect(v, input);
  if (defect === undefined) return v;
  const fingerprint: ViolationFingerprint = {
    id: defect.id,
    sdk: defect.sdk,
    versions: [...defect.versions],
    defect: defect.defect,
    howToTell: defect.howToTell,
    fix: defect.fix,
  };
  const versions = defect.versions.join(", ");
  return {
    ...v,
    message: `${v.message} [known SDK defect ${defect.id}, ${defect.sdk} ${versions}: ${defect.defect}; fix: ${defect.fix}]`,
    fingerprint,
  };
}
