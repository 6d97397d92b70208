/**
 * The bodies a certification sends: spec examples, boundary and property bodies from the seeded source,
 * `extra` property bodies set aside as fresh payments (notification byte variants, the redelivery pair),
 * and the probe (--body, else the first example, else the first generated body). A generator failure
 * becomes a note: only what was sent is reported.
 */
import { KitError } from "../model/errors.js";
import type { Operation, SpecBundle } from "../model/operation.js";
import { type Baseline, chooseBaseline } from "./baseline.js";
import { type BodyRequest, type BodySource, exampleBodies, type GeneratedBody } from "./bodies.js";

/** Fresh bodies reserved for notification byte variants (3) and the redelivery pair (1). */
export const FRESH_BODIES = 4;

export interface Corpus {
  baseline: Baseline;
  valid: GeneratedBody[];
  fresh: GeneratedBody[];
}

function generate(
  source: BodySource,
  operation: Operation,
  request: BodyRequest,
  notes: string[],
): GeneratedBody[] {
  try {
    return source(operation, request);
  } catch (error) {
    if (!(error instanceof KitError)) throw error;
    notes.push(
      `no boundary or property callbacks were generated (${error.message}); only the spec examples and --body were sent`,
    );
    return [];
  }
}

/** Builds the corpus; `notes` receives what could not be generated. */
export function buildCorpus(
  bundle: SpecBundle,
  operation: Operation,
  source: BodySource,
  request: Omit<BodyRequest, "extra">,
  body: string | undefined,
  notes: string[],
): Corpus {
  const generated = generate(source, operation, { ...request, extra: FRESH_BODIES }, notes);
  const fresh = generated.filter((b) => b.kind === "property").slice(-FRESH_BODIES);
  const candidates = [...exampleBodies(operation), ...generated.filter((b) => !fresh.includes(b))];
  const { baseline, rest } = chooseBaseline(bundle, operation, candidates, body);
  return { baseline, valid: rest, fresh };
}
