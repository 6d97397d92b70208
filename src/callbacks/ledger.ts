/**
 * Optional --ledger-url test hook: what the duplicate pair cannot show from outside (a receiver that
 * credits twice but answers the same both times) the merchant's own test ledger can. After the pair the
 * kit sends `GET <ledger-url>?key=<Request-Id or X-EXTERNAL-ID>` and expects JSON `{"processed": <n>}`:
 * how many times the merchant applied the callback with that key. `duplicate-ledger` requires n = 1.
 */
import { violation } from "../checks/response.js";
import type { Violation } from "../model/violation.js";
import type { Transport } from "../runner/transport.js";
import { headerValue } from "../signatures/headers.js";
import type { CallbackExchange } from "./case.js";
import type { CallbackCheckContext } from "./checks/context.js";
import { idempotencyHeader } from "./ids.js";

/** The ledger URL for one idempotency key. */
export function ledgerQuery(ledgerUrl: string, key: string): string {
  const url = new URL(ledgerUrl);
  url.searchParams.set("key", key);
  return url.toString();
}

/** Asks the ledger how often the pair's callback was applied; a violation unless exactly once. */
export async function ledgerViolations(
  ctx: CallbackCheckContext,
  transport: Transport,
  ledgerUrl: string,
  second: CallbackExchange,
  timeoutMs: number,
): Promise<Violation[]> {
  const header = idempotencyHeader(ctx.flow.family);
  const key = headerValue(second.request.headers, header) ?? "";
  const url = ledgerQuery(ledgerUrl, key);
  const found = (rule: string, expected: unknown, actual: unknown, message: string): Violation[] => [
    violation("duplicate-ledger", second, ctx.operation, {
      pointer: `/headers/${header}`,
      rule,
      expected,
      actual,
      message,
      source: "kit test hook (--ledger-url)",
    }),
  ];
  let processed: unknown;
  try {
    const response = await transport.send({ method: "GET", url, headers: {}, body: "" }, { timeoutMs });
    processed = (response.json as { processed?: unknown } | undefined)?.processed;
    if (response.status !== 200 || typeof processed !== "number") {
      return found(
        "ledger-answer",
        '200 {"processed": <n>}',
        `${response.status} ${response.body.slice(0, 80)}`,
        `the ledger hook ${url} did not answer {"processed": <n>}`,
      );
    }
  } catch (error) {
    return found(
      "ledger-answer",
      '200 {"processed": <n>}',
      String((error as Error).message),
      `the ledger hook ${url} is unreachable`,
    );
  }
  if (processed === 1) return [];
  return found(
    "processed-once",
    1,
    processed,
    `the merchant's ledger says the callback with ${header} ${key} was applied ${processed} times after two deliveries; it must be applied once`,
  );
}
