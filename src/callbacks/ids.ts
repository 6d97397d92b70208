/**
 * Idempotency keys the kit generates as DOKU: non-SNAP `Request-Id` (UUID, max 128) and SNAP
 * `X-EXTERNAL-ID` (numeric string, unique per day). They are random, not seeded: a rerun with the same
 * --seed must not look like a redelivery of the previous run's callbacks.
 */
import { randomInt, randomUUID } from "node:crypto";
import type { FlowFamily } from "./flows.js";

/** A 20-digit numeric X-EXTERNAL-ID: epoch milliseconds (13) + 7 random digits. */
export function newExternalId(now: number = Date.now()): string {
  return `${String(now).padStart(13, "0").slice(-13)}${String(randomInt(0, 10_000_000)).padStart(7, "0")}`;
}

/** The idempotency header of a family and a fresh value for it. */
export function newIdempotencyKey(family: FlowFamily): { header: string; value: string } {
  return family === "snap"
    ? { header: "X-EXTERNAL-ID", value: newExternalId() }
    : { header: "Request-Id", value: randomUUID() };
}

/** The idempotency header name of a family. */
export function idempotencyHeader(family: FlowFamily): string {
  return family === "snap" ? "X-EXTERNAL-ID" : "Request-Id";
}
