/**
 * `doku-conformance simulate pay|expire|fail|resend <id> [--amount <n>] [--family <f>] [--mock <url>]
 * [--format text|json]`: drives the payment simulator of a running mock (POST /_simulator/api/simulate).
 * Exit 0: done, and every delivery it caused was acknowledged with every check passing; 1: done but the
 * merchant did not acknowledge or failed a check, or DOKU refused the action (409: already paid, expired,
 * amount outside the limits, inquiry declined); 2: bad input (unknown id, bad amount, bad flag);
 * 3: the mock cannot be reached.
 */
import { parseArgs } from "node:util";
import { TargetError, UsageError } from "../../model/errors.js";
import type { Delivery, SimulateResult } from "../../simulator/index.js";
import type { Command } from "../context.js";

/** Where `simulate` looks for the mock without --mock or DOKU_MOCK_URL (start it with `mock --port 4010`). */
export const DEFAULT_MOCK_URL = "http://127.0.0.1:4010";

const SIMULATE_HELP = `Usage: doku-conformance simulate pay|expire|fail|resend <id> [--amount <n>] [--family <family>]
                              [--mock <url>] [--format text|json]

Acts as the customer / DOKU on a running mock (doku-conformance mock --notify-url ...):
  pay      pay what <id> names on the mock: a VA or payment code (VA number, payment code, invoice number or
           trxId), a Checkout order (invoice number, Request-Id or token), a store code, or a direct debit /
           e-wallet payment (partnerReferenceNo); DOKU asks the merchant's Inquiry URL first for a VA number
           the mock does not hold (DIPC), then sends the payment notification, retrying on DOKU's schedule
           until the merchant answers 2xx
  expire   mark it expired (check status reports it; DOKU documents no notification for it)
  fail     mark it failed (same)
  resend   send its last notification again, same Request-Id / X-EXTERNAL-ID and body (DOKU Back Office's
           manual retry): a merchant that processes it twice is caught (duplicate-consistent, --ledger-url)
  --amount <n>       amount paid (open / limit-amount VAs; a closed bill defaults to its amount)
  --family <family>  for an unknown number: which family's Inquiry URL to ask (snap-va, non-snap-va)
  --mock <url>       the mock (default: DOKU_MOCK_URL, else ${DEFAULT_MOCK_URL})
  --format text|json json prints the API answer: {"item": ..., "deliveries": [...]} or {"error": ...}
Exit: 0 done and acknowledged, 1 merchant failed a check / not acknowledged / DOKU refused, 2 bad input,
3 mock unreachable. See docs/simulator.md.
`;

export const simulate: Command = async (args, ctx) => {
  const { values, positionals } = parseArgs({
    args,
    strict: true,
    allowPositionals: true,
    options: {
      amount: { type: "string" },
      family: { type: "string" },
      mock: { type: "string" },
      format: { type: "string", default: "text" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    ctx.stdout(SIMULATE_HELP);
    return 0;
  }
  const [action, id, ...rest] = positionals;
  if (action === undefined || id === undefined || rest.length > 0)
    throw new UsageError("simulate takes an action and one id: simulate pay|expire|fail|resend <id>");
  if (!["pay", "expire", "fail", "resend"].includes(action))
    throw new UsageError(`simulate ${action}: unknown action; expected pay, expire, fail or resend`);
  if (values.format !== "text" && values.format !== "json")
    throw new UsageError(`--format ${values.format}: expected text or json`);
  const base = (values.mock ?? ctx.env.DOKU_MOCK_URL ?? DEFAULT_MOCK_URL).replace(/\/+$/, "");
  let url: URL;
  try {
    url = new URL(`${base}/_simulator/api/simulate`);
  } catch {
    throw new UsageError(`--mock ${base}: not a URL (http://127.0.0.1:<port>)`);
  }
  const body = JSON.stringify({
    action,
    id,
    ...(values.amount === undefined ? {} : { amount: values.amount }),
    ...(values.family === undefined ? {} : { family: values.family }),
  });
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body,
      signal: ctx.signal,
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
    throw new TargetError(
      `the mock at ${base} cannot be reached (${cause}); start it with doku-conformance mock, and pass --mock <url> or set DOKU_MOCK_URL`,
    );
  }
  const text = await response.text();
  let answer: unknown;
  try {
    answer = JSON.parse(text);
  } catch {
    throw new TargetError(`${base} answered ${response.status} without JSON: is it a doku-conformance mock?`);
  }
  if (values.format === "json") ctx.stdout(`${JSON.stringify(answer, null, 2)}\n`);
  if (!response.ok) {
    const message = (answer as { error?: unknown }).error ?? text;
    if (values.format === "text")
      ctx.stderr(`doku-conformance: simulate ${action} ${id}: ${String(message)}\n`);
    if (response.status === 409) return 1;
    if (response.status === 403 || (response.status === 404 && /simulator is off/.test(String(message))))
      throw new TargetError(`${base}: ${String(message)}`);
    return 2;
  }
  const result = answer as SimulateResult;
  if (values.format === "text") ctx.stdout(describe(action, result));
  return result.deliveries.every(passed) ? 0 : 1;
};

function passed(d: Delivery): boolean {
  return d.verdict === "ok" && d.checks.every((c) => c.ok);
}

function describe(action: string, { item, deliveries }: SimulateResult): string {
  const paid = item.payments.at(-1);
  const lines = [
    `${action}: ${item.family} ${item.kind} ${item.id} is ${item.status}${
      action === "pay" && paid !== undefined ? ` (paid ${paid.amount}, reference ${paid.reference})` : ""
    }`,
  ];
  if (deliveries.length === 0) lines.push("no request was sent to the merchant");
  for (const d of deliveries) {
    const answer = d.response === null ? `no answer (${d.error ?? "?"})` : `HTTP ${d.response.status}`;
    const failed = d.checks.filter((c) => !c.ok);
    const checks =
      failed.length === 0
        ? `${d.checks.length} checks passed`
        : `failed: ${failed.map((c) => `${c.name}${c.message ? ` (${c.message})` : ""}`).join("; ")}`;
    const next = d.nextAttemptAt === undefined ? "" : `; next attempt ${d.nextAttemptAt}`;
    lines.push(
      `${d.kind} ${d.flow} attempt ${d.attempt} -> ${d.url}: ${answer} in ${Math.round(d.durationMs)} ms, ${d.verdict}${next}; ${checks}`,
    );
  }
  return `${lines.join("\n")}\n`;
}
