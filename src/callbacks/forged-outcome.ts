/**
 * What became of a forged case, for the console's "forged" rows: refused as documented, accepted (the
 * merchant took the forgery as genuine: insecure), crashed (5xx or no answer: not a refusal), or refused
 * with a non-conforming answer (a 4xx other than the documented one). An accepted forgery that is only a
 * warning (forgery-severity.ts) is not counted as insecure. A single "failed" count lumped the
 * three together, although only the first is a security hole.
 */
import type { CallbackExchange } from "../model/callback-case.js";
import type { Violation } from "../model/violation.js";

/** Counts per outcome of the forged cases of one kind. */
export interface ForgedOutcomes {
  accepted: number;
  crashed: number;
  nonConforming: number;
}

/** The outcome of one forged case, or undefined when it was refused as documented. */
export function forgedOutcome(
  exchange: CallbackExchange,
  violations: readonly Violation[],
): keyof ForgedOutcomes | undefined {
  const status = exchange.response?.status;
  if (status === undefined || status >= 500) return "crashed";
  const failed = violations.some((v) => v.severity === "error");
  if (!failed) return undefined;
  return status < 400 ? "accepted" : "nonConforming";
}

/** Adds one forged case's outcome to the tally's counts. */
export function countForged(
  outcomes: ForgedOutcomes | undefined,
  exchange: CallbackExchange,
  violations: readonly Violation[],
): ForgedOutcomes {
  const next = outcomes ?? { accepted: 0, crashed: 0, nonConforming: 0 };
  const outcome = forgedOutcome(exchange, violations);
  if (outcome !== undefined) next[outcome]++;
  return next;
}

/** The console's words for the counts, e.g. "2 accepted (insecure) · 1 crashed · 3 refused non-conforming". */
export function describeForged(outcomes: ForgedOutcomes): string {
  return [
    `${outcomes.accepted} accepted (insecure)`,
    `${outcomes.crashed} crashed`,
    `${outcomes.nonConforming} refused non-conforming`,
  ].join(" · ");
}
