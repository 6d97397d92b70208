/**
 * Callback bodies: what DOKU would send, taken from the webhook's request schema. Examples come from the
 * spec; boundary and property bodies from a BodySource (src/arbitraries, seeded). A --body file replaces
 * the baseline with a reference the merchant knows.
 */
import fc from "fast-check";
import { boundaryCases, caseArbitrary } from "../arbitraries/case.js";
import type { Operation } from "../model/operation.js";
import { headersOfRole } from "../signatures/schemes.js";

/** One valid body DOKU could send, with the non-signature headers generated along (CHANNEL-ID, ...). */
export interface GeneratedBody {
  kind: "example" | "boundary" | "property";
  label: string;
  value: unknown;
  headers?: Record<string, string>;
}

/** How many bodies to make and from which seed; `extra` bodies are reserved for variants and pairs. */
export interface BodyRequest {
  cases: number;
  seed: number;
  extra: number;
}

/** Produces valid request bodies for a webhook operation (examples excluded). */
export type BodySource = (operation: Operation, request: BodyRequest) => GeneratedBody[];

/** The spec's request examples, in spec order. */
export function exampleBodies(operation: Operation): GeneratedBody[] {
  return operation.request.examples.map((e) => ({
    kind: "example" as const,
    label: `example "${e.name}"`,
    value: e.value,
  }));
}

/** A BodySource that makes nothing (examples and --body only). */
export const noGeneratedBodies: BodySource = () => [];

/** Headers the kit sets itself on every callback; generated values for them are dropped. */
const KIT_HEADERS = ["content-type", ...headersOfRole("partnerId", "requestId")];

function mentionsKitHeader(label: string): boolean {
  const lower = label.toLowerCase();
  return KIT_HEADERS.some((h) => lower.includes(`/headers/${h}`));
}

/**
 * The default source (src/arbitraries): every boundary case that must be accepted (except those about a
 * header the kit sets itself, whose value the kit replaces), then `cases + extra` property cases from the
 * seed. Bodies keep the generated non-signature headers (CHANNEL-ID, X-DEVICE-ID, ...).
 */
export const schemaBodySource: BodySource = (operation, request) => {
  if (operation.request.body === undefined) return [];
  const boundary = boundaryCases(operation)
    .filter((c) => c.expect.kind === "accept" && !mentionsKitHeader(c.label))
    .map((c): GeneratedBody => ({ kind: "boundary", label: c.label, value: c.body, headers: c.headers }));
  const arbitrary = caseArbitrary(operation, "valid");
  const numRuns = request.cases + request.extra;
  // The `extra` bodies stand for fresh payments (corpus.ts): they are drawn without fast-check's bias towards
  // small values, so their identifiers are long random values rather than "", "0" or "1", which other bodies
  // often share. (Not a proof of distinctness for fields with a tiny domain.)
  const drawn = [
    ...fc.sample(arbitrary, { seed: request.seed, numRuns: request.cases }),
    ...fc.sample(fc.noBias(arbitrary), { seed: request.seed, numRuns }).slice(request.cases),
  ];
  const property = drawn.map(
    (c, i): GeneratedBody => ({
      kind: "property",
      label: `property #${i + 1}`,
      value: c.body,
      headers: c.headers,
    }),
  );
  return [...boundary, ...property];
};

/** The default source. */
export const defaultBodySource: BodySource = schemaBodySource;
