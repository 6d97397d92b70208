/**
 * Step 2 of certifyCallback: the corpus of valid bodies (seeded per flow), the bearer token to start with,
 * and the cases: probe, valid, byte variants, forged, redelivery pairs.
 */
import { deriveSeed } from "../../engine/seed.js";
import { mutatorsFor } from "../../signatures/mutators.js";
import { TOKEN_SCHEME } from "../../signatures/schemes.js";
import { defaultBodySource } from "../bodies.js";
import { buildCorpus } from "../corpus.js";
import { type Plan, planCases, type TokenSource } from "../plan.js";
import { initialBearer } from "../token.js";
import type { Certification } from "./resolve.js";

/** The planned cases and the bearer token they start with. */
export interface CertificationPlan {
  plan: Plan;
  /** Every case the run-started event announces (token cases, the probe, cases, both of each pair). */
  total: number;
  tokenSource: TokenSource;
  /** The bearer token before any handshake (--access-token or the kit's). */
  accessToken: string | undefined;
}

/** Plans the certification's cases; notes what the corpus and token choice imply. */
export function planCertification(c: Certification): CertificationPlan {
  const { o, options, operation, notes } = c;
  const request = { cases: o.cases, seed: deriveSeed(c.seed, o.flow.name) };
  const source = options.bodySource ?? defaultBodySource;
  const { baseline, valid, fresh } = buildCorpus(o.bundle, operation, source, request, options.body, notes);
  const bearer = initialBearer(o, options.accessToken, notes);
  const plan = planCases({
    flow: o.flow,
    operation,
    clientId: options.clientId,
    auth: c.ctx.auth,
    tokenSource: bearer.source,
    baseline,
    valid,
    fresh,
  });
  notes.push(...plan.notes);
  const tokenCases = c.tokenOperation ? 1 + mutatorsFor(TOKEN_SCHEME).length : 0;
  const total = tokenCases + 1 + plan.cases.length + plan.pairs.length * 2;
  return { plan, total, tokenSource: bearer.source, accessToken: bearer.token };
}
