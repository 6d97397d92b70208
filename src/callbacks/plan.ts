/**
 * The certification plan: which callbacks the kit sends, in order.
 * 1. the probe: the --body callback, else the spec's first example (also the base of forged cases);
 * 2. valid callbacks: the other examples, boundary and property bodies;
 * 3. byte variants (inquiries: the probe's body; notifications: a fresh payment per variant, so a receiver
 *    that declines a second payment for the same bill is not mistaken for one that re-serialises);
 * 4. a duplicate pair (notifications: a fresh payment);
 * 5. forged callbacks: every signature mutator that applies to the scheme, on the probe's body.
 * Every case gets its own Request-Id / X-EXTERNAL-ID, except the two deliveries of the pair.
 */

import { type CallbackCase, type CaseKind, PHASE_OF } from "../model/callback-case.js";
import type { Operation } from "../model/operation.js";
import { findMutator, mutatorsFor, optionalTokenMutators } from "../signatures/mutators.js";
import type { SignatureAuth } from "../signatures/types.js";
import type { Baseline } from "./baseline.js";
import type { GeneratedBody } from "./bodies.js";
import { BYTE_VARIANTS } from "./byte-variants.js";
import type { Flow } from "./flows.js";
import { callbackHeaders } from "./headers.js";

/** Where the bearer token of SNAP callbacks comes from (see certify.ts). */
export type TokenSource = "handshake" | "given" | "kit" | "none";

export interface PlanInput {
  flow: Flow;
  operation: Operation;
  clientId: string;
  auth: SignatureAuth;
  tokenSource: TokenSource;
  /** The probe body: --body text (exact bytes) or the first example. */
  baseline: Baseline;
  /** Other valid bodies: remaining examples, boundary, property. */
  valid: readonly GeneratedBody[];
  /** Fresh bodies reserved for notification byte variants and the duplicate pair. */
  fresh: readonly GeneratedBody[];
}

export interface Plan {
  probe: CallbackCase;
  cases: CallbackCase[];
  pairs: [CallbackCase, CallbackCase][];
  /** What was left out and why (reported, never counted as passed). */
  notes: string[];
}

/** The forged-case mutators for the scheme and token situation. */
export function forgedMutators(
  auth: SignatureAuth,
  tokenSource: TokenSource,
): { names: string[]; notes: string[] } {
  const names = mutatorsFor(auth).map((m) => m.name);
  const notes: string[] = [];
  if (tokenSource !== "none") names.push(...optionalTokenMutators(auth).map((m) => m.name));
  if (tokenSource === "kit" && names.includes("foreign-token")) {
    names.splice(names.indexOf("foreign-token"), 1);
    notes.push(
      "foreign-token not sent: without --token-url or --access-token the merchant cannot know which token is genuine",
    );
  }
  return { names, notes };
}

function makeCase(
  input: PlanInput,
  kind: CaseKind,
  label: string,
  raw: string,
  value: unknown,
  generated: Readonly<Record<string, string>> | undefined,
): CallbackCase {
  return {
    operationId: input.operation.id,
    phase: PHASE_OF[kind],
    method: input.operation.method,
    path: input.operation.path,
    pathParams: {},
    headers: callbackHeaders(
      input.flow,
      input.operation,
      input.clientId,
      generated ?? templateHeaders(input),
    ),
    body: value,
    rawBody: raw,
    kind,
    expect: { kind: "accept" },
    label,
  };
}

const compact = (body: GeneratedBody) => JSON.stringify(body.value);

/** Generated headers to use where a body came without any (examples, --body): the first generated case's. */
function templateHeaders(input: PlanInput): Record<string, string> {
  return [...input.valid, ...input.fresh].find((b) => b.headers !== undefined)?.headers ?? {};
}

export function planCases(input: PlanInput): Plan {
  const { baseline, flow } = input;
  const notes: string[] = [];
  const probe = makeCase(
    input,
    baseline.kind,
    `${baseline.label} (probe)`,
    baseline.raw,
    baseline.value,
    undefined,
  );
  const cases = input.valid.map((b) => makeCase(input, b.kind, b.label, compact(b), b.value, b.headers));
  const fresh = [...input.fresh];
  const nextFresh = (): FreshBody =>
    flow.kind === "notification" && fresh.length > 0
      ? (fresh.shift() as GeneratedBody)
      : { label: baseline.label, value: baseline.value };
  if (flow.kind === "notification" && input.fresh.length < BYTE_VARIANTS.length + 1) {
    notes.push(
      "too few generated bodies: some byte variants or the duplicate pair reuse the probe's payment",
    );
  }
  cases.push(...byteVariantCases(input, nextFresh, notes));
  const pair = duplicatePair(input, nextFresh());
  cases.push(...forgedCases(input, notes));
  return { probe, cases, pairs: [pair], notes };
}

/** A body the byte variants and the redelivery pair are built from (a fresh one for notifications). */
type FreshBody = { label: string; value: unknown; headers?: Record<string, string> };

/** One case per byte variant, each over the next fresh body; a body with nothing to vary is noted. */
function byteVariantCases(input: PlanInput, nextFresh: () => FreshBody, notes: string[]): CallbackCase[] {
  const cases: CallbackCase[] = [];
  for (const variant of BYTE_VARIANTS) {
    const base = nextFresh();
    const raw = variant.render(base.value);
    if (raw === undefined) {
      notes.push(`byte variant ${variant.name} not sent: ${base.label} has nothing to vary`);
      continue;
    }
    const c = makeCase(
      input,
      "byte-variant",
      `byte variant ${variant.name} of ${base.label}: ${variant.description}`,
      raw,
      base.value,
      base.headers,
    );
    cases.push({ ...c, variant: variant.name });
  }
  return cases;
}

/** The same callback delivered twice (same id and body). */
function duplicatePair(input: PlanInput, dup: FreshBody): [CallbackCase, CallbackCase] {
  const first = {
    ...makeCase(
      input,
      "duplicate",
      `first delivery of ${dup.label}`,
      JSON.stringify(dup.value),
      dup.value,
      dup.headers,
    ),
    variant: "first",
    group: "duplicate",
  };
  const second = { ...first, variant: "second", label: `second delivery (same id and body) of ${dup.label}` };
  return [first, second];
}

/** One forged case per signature mutator that applies to the flow's scheme and token source. */
function forgedCases(input: PlanInput, notes: string[]): CallbackCase[] {
  const { baseline, flow } = input;
  const forged = forgedMutators(input.auth, input.tokenSource);
  notes.push(...forged.notes);
  return forged.names.map((name) => {
    const c = makeCase(
      input,
      "forged",
      `forged ${flow.kind} (${name})`,
      baseline.raw,
      baseline.value,
      undefined,
    );
    const reason = findMutator(name)?.description ?? name;
    return { ...c, variant: name, expect: { kind: "reject-auth" as const, mutator: name, reason } };
  });
}
