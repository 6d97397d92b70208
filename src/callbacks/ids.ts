/**
 * Idempotency keys the kit generates as DOKU: non-SNAP `Request-Id` (UUID, max 128) and SNAP
 * `X-EXTERNAL-ID` (numeric string, unique per day). They are random, not seeded: a rerun with the same
 * --seed must not look like a redelivery of the previous run's callbacks.
 */
import { randomInt, randomUUID } from "node:crypto";
import { DEFAULT_CALLBACK_AUTH_MODE } from "../signatures/callback-modes.js";
import type { RequestIdRule } from "../signatures/scheme.js";
import { callbackScheme, headerOf } from "../signatures/schemes.js";
import type { FlowFamily } from "./flows.js";

/** A 20-digit numeric X-EXTERNAL-ID: epoch milliseconds (13) + 7 random digits. */
export function newExternalId(now: number = Date.now()): string {
  return `${String(now).padStart(13, "0").slice(-13)}${String(randomInt(0, 10_000_000)).padStart(7, "0")}`;
}

const NEW_ID: Readonly<Record<RequestIdRule["format"], () => string>> = {
  numeric: () => newExternalId(),
  text: () => randomUUID(),
};

/** The idempotency header of a family's callbacks (the scheme table's requestId header) and a fresh value. */
export function newIdempotencyKey(family: FlowFamily): { header: string; value: string } {
  const scheme = callbackScheme(family, DEFAULT_CALLBACK_AUTH_MODE);
  return { header: headerOf(scheme.name, "requestId"), value: NEW_ID[scheme.requestId?.format ?? "text"]() };
}

/** The idempotency header name of a family (the same for every --callback-auth mode). */
export function idempotencyHeader(family: FlowFamily): string {
  return headerOf(callbackScheme(family, DEFAULT_CALLBACK_AUTH_MODE).name, "requestId");
}
