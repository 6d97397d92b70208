/**
 * Optional --ledger-url test hook, for what answers cannot show: a receiver that credits a redelivery twice
 * but answers the same both times, or one that processes a forged callback and only then refuses it. The
 * kit sends `GET <ledger-url>?key=<Request-Id or X-EXTERNAL-ID>` and expects `200 {"processed": <n>}`: how
 * many times the merchant applied the callback with that key. The `ledger` check requires n = 1 after the
 * redelivery pair (rule `processed-once`) and n = 0 after a forged callback (rule `processed-never`).
 */

import type { CallbackCheckContext } from "../checks/callback/context.js";
import { violation } from "../checks/response.js";
import type { Transport } from "../engine/transport.js";
import type { CallbackExchange } from "../model/callback-case.js";
import type { Violation } from "../model/violation.js";
import { headerValue } from "../signatures/headers.js";
import { idempotencyHeader } from "./ids.js";

/** The check name ledger findings carry. */
export const LEDGER_CHECK = "ledger";

/** The ledger URL for one idempotency key. */
export function ledgerQuery(ledgerUrl: string, key: string): string {
  const url = new URL(ledgerUrl);
  url.searchParams.set("key", key);
  return url.toString();
}

export interface LedgerProbe {
  transport: Transport;
  ledgerUrl: string;
  timeoutMs: number;
}

/** Asks the ledger how often `exchange`'s callback was applied; a violation unless exactly `expected` times. */
export async function ledgerViolations(
  ctx: CallbackCheckContext,
  probe: LedgerProbe,
  exchange: CallbackExchange,
  expected: 0 | 1,
): Promise<Violation[]> {
  const header = idempotencyHeader(ctx.flow.family);
  const key = headerValue(exchange.request.headers, header) ?? "";
  const url = ledgerQuery(probe.ledgerUrl, key);
  const found = (rule: string, want: unknown, actual: unknown, message: string): Violation[] => [
    violation(LEDGER_CHECK, exchange, ctx.operation, {
      pointer: `/headers/${header}`,
      rule,
      expected: want,
      actual,
      message,
      source: "kit test hook (--ledger-url)",
    }),
  ];
  const shape = '200 {"processed": <n>}';
  let processed: unknown;
  try {
    const request = { method: "GET" as const, url, headers: {}, body: "" };
    const response = await probe.transport.send(request, { timeoutMs: probe.timeoutMs });
    processed = (response.json as { processed?: unknown } | undefined)?.processed;
    if (response.status !== 200 || typeof processed !== "number") {
      const got = `${response.status} ${response.body.slice(0, 80)}`;
      return found("ledger-answer", shape, got, `the ledger hook ${url} did not answer ${shape}`);
    }
  } catch (error) {
    return found("ledger-answer", shape, (error as Error).message, `the ledger hook ${url} is unreachable`);
  }
  if (processed === expected) return [];
  const what =
    expected === 1
      ? `was applied ${processed} times after two deliveries; a redelivery must be applied once`
      : `was applied ${processed} times although it was forged; refuse before processing`;
  const rule = expected === 1 ? "processed-once" : "processed-never";
  return found(
    rule,
    expected,
    processed,
    `the merchant's ledger says the callback with ${header} ${key} ${what}`,
  );
}
