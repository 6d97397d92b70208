/**
 * Callback bodies: what DOKU would send, taken from the webhook's request schema. Examples come from the
 * spec; boundary and property bodies from a BodySource (src/arbitraries, seeded). A --body file replaces
 * the baseline with a reference the merchant knows.
 */
import type { Operation } from "../model/operation.js";

/** One valid body DOKU could send. */
export interface GeneratedBody {
  kind: "example" | "boundary" | "property";
  label: string;
  value: unknown;
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

/** A BodySource that makes nothing (used when no generator is wired). */
export const noGeneratedBodies: BodySource = () => [];

/** The default source (wired to src/arbitraries when it lands). */
export const defaultBodySource: BodySource = noGeneratedBodies;
