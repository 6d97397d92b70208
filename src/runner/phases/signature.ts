/**
 * signature: one valid request per operation, broken after (or while) signing by every mutator that applies
 * to the operation's auth scheme (src/signatures mutators: tampered body, wrong secret/key, stale timestamp,
 * foreign token, missing headers, ...), plus a replayed request id: SNAP X-EXTERNAL-ID (unique per day) with
 * another valid body, non-SNAP Request-Id with the same body (DOKU's idempotency: 409 with the same answer),
 * for operations whose spec documents that 409.
 */
import fc from "fast-check";
import type { Case } from "../../model/case.js";
import type { Operation } from "../../model/operation.js";
import { mutatorsFor } from "../../signatures/mutators.js";
import { SCHEMES } from "../../signatures/schemes.js";
import type { PlannedCase } from "../planned.js";
import type { PhasePlanner } from "./context.js";

/**
 * The replayed-id case (the scheme's `requestId.replay`: two requests, so not a signature mutator) applies
 * where the spec documents the 409 it must get (data-driven: DOKU documents the conflict per operation).
 */
export function reusedIdMutator(operation: Operation): string | undefined {
  if (!operation.responses.some((r) => r.status === "409")) return undefined;
  const replay = SCHEMES[operation.auth].requestId?.replay;
  if (replay === undefined || (replay.sameBody && operation.method === "GET")) return undefined;
  return replay.mutator;
}

export const signature: PhasePlanner = (ctx) => {
  const { operation } = ctx;
  const [base, other] = fc.sample(ctx.source.valid(operation), { seed: ctx.seed, numRuns: 2 });
  if (!base || !other) return [];
  const planned: PlannedCase[] = mutatorsFor(operation.auth).map((mutator, index) => ({
    operation,
    phase: "signature",
    index,
    case: relabel(
      base,
      { kind: "reject-auth", mutator: mutator.name, reason: mutator.description },
      `signature: ${mutator.name}`,
    ),
    mutator,
  }));
  const reused = reusedIdMutator(operation);
  if (reused) {
    const replay = SCHEMES[operation.auth].requestId?.replay;
    const second = replay?.sameBody ? base : other;
    const reason = replay?.reason ?? reused;
    planned.push({
      operation,
      phase: "signature",
      index: planned.length,
      case: relabel(second, { kind: "reject-auth", mutator: reused, reason }, `signature: ${reused}`),
      first: { case: { ...base, phase: "signature", label: `signature: ${reused} (first request)` } },
    });
  }
  return planned;
};

function relabel(kase: Case, expect: Case["expect"], label: string): Case {
  return { ...kase, phase: "signature", expect, label };
}
