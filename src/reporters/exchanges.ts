/**
 * The recorded exchange behind each violation, read back from its replay record (<dir>/<replay>) for the
 * HTML report: request and response headers with secrets redacted, body bytes as sent and received, timing.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { redactHeaders } from "../client/redact.js";
import type { ReportedViolation } from "../engine/events.js";

/** One side of a recorded exchange as the report shows it. */
export interface ShownMessage {
  /** "POST https://..." for a request, "HTTP 200" for a response, the transport error otherwise. */
  line: string;
  headers: Record<string, string>;
  body: string;
}

/** A violation's exchange as the report shows it (secrets redacted). */
export interface ShownExchange {
  request: ShownMessage;
  response: ShownMessage;
  durationMs: number;
}

interface ReplayRecord {
  request?: { method?: string; url?: string; headers?: Record<string, string>; body?: string };
  response?: { status?: number; headers?: Record<string, string>; body?: string; error?: string };
  durationMs?: number;
}

/** The exchange of one replay record, redacted; undefined when the record cannot be read. */
export async function readExchange(dir: string, replay: string): Promise<ShownExchange | undefined> {
  let record: ReplayRecord;
  try {
    record = JSON.parse(await readFile(join(dir, replay), "utf8")) as ReplayRecord;
  } catch {
    return undefined;
  }
  const request = record.request ?? {};
  const response = record.response ?? {};
  return {
    request: {
      line: `${request.method ?? "?"} ${request.url ?? "?"}`,
      headers: redactHeaders(request.headers ?? {}),
      body: request.body ?? "",
    },
    response: {
      line:
        response.status === undefined
          ? `no response: ${response.error ?? "unknown"}`
          : `HTTP ${response.status}`,
      headers: redactHeaders(response.headers ?? {}),
      body: response.body ?? "",
    },
    durationMs: record.durationMs ?? 0,
  };
}

/** Every violation's exchange, by index in `violations` (missing when it has no readable replay). */
export async function readExchanges(
  dir: string,
  violations: readonly ReportedViolation[],
): Promise<(ShownExchange | undefined)[]> {
  return Promise.all(violations.map((v) => (v.replay ? readExchange(dir, v.replay) : undefined)));
}
