/**
 * Delivery like DOKU's: a merchant that does not answer 2xx gets DOKU's retries (30 min, 6 h, 12 h after the
 * original) on a compressed clock; a 2xx stops them; a merchant that credits a redelivery twice is caught by
 * the ledger hook, one that answers a redelivery differently by duplicate-consistent; stop cancels retries
 * and writes the report.
 */
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { verifyDokuCallback } from "../../conformance/index.js";
import { createMerchant as dokuVaNotification } from "../../examples/merchants/doku-va-notification.js";
import { rawBody, sendJson } from "../../examples/merchants/lib/http.js";
import { type RunningSimulator, type SimulatorOptions, startSimulator } from "../../src/simulator/index.js";
import type { Delivery } from "../../src/simulator/types.js";
import { type Listening, listen, tempDir } from "../callbacks/helpers.js";
import { createPaymentCode, sharedIdentity, simulateHttp, until, useSimulatorFixture } from "./helpers.js";

const fx = useSimulatorFixture();
const open = fx.open;

/**
 * A non-SNAP receiver that verifies DOKU's signature, then answers `answers[n]` to the n-th delivery (the last
 * one after that). `dedupe: false` credits every delivery (the double-crediting bug). GET /ledger?key= says
 * how often a Request-Id was applied (the kit's --ledger-url hook).
 */
function receiver(
  answers: number[],
  dedupe: boolean,
  redelivery?: number,
): { server: Server; credits: Map<string, number> } {
  const identity = sharedIdentity();
  const credits = new Map<string, number>();
  let n = 0;
  const server = createServer(async (req, res) => {
    if (req.method === "GET" && req.url?.startsWith("/ledger")) {
      const key = new URL(req.url, "http://x").searchParams.get("key") ?? "";
      sendJson(res, 200, { processed: credits.get(key) ?? 0 });
      return;
    }
    const body = await rawBody(req);
    const verdict = verifyDokuCallback({
      method: req.method ?? "POST",
      path: req.url ?? "/",
      headers: req.headers,
      rawBody: body,
      credentials: { clientId: identity.clientId, secretKey: identity.secretKey },
      scheme: "nonsnap-hmac",
    });
    if (!verdict.ok) return sendJson(res, 401, { error: verdict.reason });
    const id = String(req.headers["request-id"]);
    const seen = credits.has(id);
    if (seen && redelivery !== undefined) return sendJson(res, redelivery, { error: "already paid" });
    if (!seen || !dedupe) credits.set(id, (credits.get(id) ?? 0) + 1);
    const status = answers[Math.min(n, answers.length - 1)] ?? 200;
    n += 1;
    sendJson(res, status, status < 300 ? { status: "received" } : { error: "database down" });
  });
  return { server, credits };
}

async function start(
  server: Server,
  options: Partial<SimulatorOptions> = {},
): Promise<{ sim: RunningSimulator; base: string }> {
  const merchant: Listening = await listen(server);
  open.push(merchant);
  const sim = await startSimulator({
    bundle: fx.bundle,
    identity: sharedIdentity(),
    notifyUrls: { "non-snap-va": `${merchant.base}/payments/notifications` },
    ...options,
  });
  open.push(sim);
  return { sim, base: merchant.base };
}

const attemptsOf = (sim: RunningSimulator, itemId: string) =>
  sim.simulator.deliveries.filter((d) => d.itemId === itemId && d.kind === "notification");

describe("retries on DOKU's schedule, compressed", () => {
  it("a merchant answering 500 gets the original and 3 retries at 30 min, 6 h and 12 h (scaled), then failed", async () => {
    const scale = 0.00005; // 30 min -> 90 ms, 6 h -> 1.08 s, 12 h -> 2.16 s
    const { sim } = await start(receiver([500], true).server, { retryScale: scale });
    const code = await createPaymentCode(sim.url, fx.bundle, sim.identity);
    const first = await simulateHttp(sim.url, { action: "pay", id: code.number });
    expect((first.json.deliveries as Delivery[])[0]?.verdict).toBe("retry");
    await until(() => attemptsOf(sim, code.number).length === 4, 15_000);
    const attempts = attemptsOf(sim, code.number);
    expect(attempts.map((d) => d.verdict)).toEqual(["retry", "retry", "retry", "failed"]);
    expect(attempts.map((d) => d.response?.status)).toEqual([500, 500, 500, 500]);
    const original = Date.parse(attempts[0]?.sentAt ?? "");
    const offsets = attempts.slice(1).map((d) => Date.parse(d.sentAt) - original);
    const planned = [1800, 21600, 43200].map((s) => s * 1000 * scale);
    offsets.forEach((offset, i) => {
      expect(offset).toBeGreaterThanOrEqual((planned[i] ?? 0) - 5);
      expect(offset).toBeLessThan((planned[i] ?? 0) + 1000);
    });
    // Same Request-Id and body every time, re-signed: a retry is the same notification.
    expect(new Set(attempts.map((d) => d.request.headers["Request-Id"])).size).toBe(1);
    expect(new Set(attempts.map((d) => d.request.body)).size).toBe(1);
    expect(attempts[0]?.checks.find((c) => c.name === "no-5xx")?.ok).toBe(false);
    expect(sim.simulator.items().find((i) => i.id === code.number)?.status).toBe("paid");
  });

  it("a 2xx stops the retries", async () => {
    const { sim } = await start(receiver([503, 200], true).server, { retryScale: 0.00005 });
    const code = await createPaymentCode(sim.url, fx.bundle, sim.identity);
    await simulateHttp(sim.url, { action: "pay", id: code.number });
    await until(() => attemptsOf(sim, code.number).length === 2, 10_000);
    await new Promise((r) => setTimeout(r, 1500));
    expect(attemptsOf(sim, code.number).map((d) => d.verdict)).toEqual(["retry", "ok"]);
  });

  it("stop cancels pending retries and writes the report", async () => {
    const file = join(tempDir(), "simulator.json");
    const { sim } = await start(receiver([500], true).server, { retryScale: 1, reportFile: file });
    const code = await createPaymentCode(sim.url, fx.bundle, sim.identity);
    await simulateHttp(sim.url, { action: "pay", id: code.number });
    await sim.close();
    const report = JSON.parse(readFileSync(file, "utf8"));
    expect(report.summary).toMatchObject({ deliveries: 1, acknowledged: 0, pendingRetries: 1 });
    expect(report.deliveries[0].request.body).toBe(attemptsOf(sim, code.number)[0]?.request.body);
    expect(report.items.some((i: { id: string }) => i.id === code.number)).toBe(true);
  });
});

/** Pays a code to a merchant answering 500 then 200 (crediting each delivery unless `dedupe`), ledger hook on; the retry. */
async function retriedPayment(dedupe: boolean): Promise<Delivery> {
  const merchant = await listen(receiver([500, 200], dedupe).server);
  open.push(merchant);
  const simulator = await startSimulator({
    bundle: fx.bundle,
    identity: sharedIdentity(),
    notifyUrls: { "non-snap-va": `${merchant.base}/payments/notifications` },
    ledgerUrl: `${merchant.base}/ledger`,
    retryScale: 0.00005,
  });
  open.push(simulator);
  const code = await createPaymentCode(simulator.url, fx.bundle, simulator.identity);
  await simulateHttp(simulator.url, { action: "pay", id: code.number });
  await until(() => attemptsOf(simulator, code.number).length === 2, 10_000);
  return attemptsOf(simulator, code.number)[1] as Delivery;
}

describe("redeliveries the merchant must not process twice", () => {
  it("a merchant that credits the notification, answers 500, and credits the retry again is caught (ledger)", async () => {
    const retry = await retriedPayment(false);
    expect(retry.verdict).toBe("ok");
    const ledger = retry.checks.find((c) => c.name === "ledger");
    expect(ledger?.ok).toBe(false);
    expect(ledger?.message).toMatch(/2/);
  });

  it("the same scenario with a merchant that de-duplicates on Request-Id passes the ledger check", async () => {
    const retry = await retriedPayment(true);
    expect(retry.checks.find((c) => c.name === "ledger")).toEqual({ name: "ledger", ok: true });
  });

  it("resend (DOKU's manual retry): a merchant answering 'already paid' is caught by duplicate-consistent; the reference merchant passes", async () => {
    const { sim } = await start(receiver([200], true, 409).server);
    const code = await createPaymentCode(sim.url, fx.bundle, sim.identity);
    await simulateHttp(sim.url, { action: "pay", id: code.number });
    const resent = await simulateHttp(sim.url, { action: "resend", id: code.number });
    const second = (resent.json.deliveries as Delivery[])[0] as Delivery;
    expect(second.attempt).toBe(2);
    const dup = second.checks.find((c) => c.name === "duplicate-consistent");
    expect(dup?.ok).toBe(false);
    expect(dup?.message).toMatch(/redelivery/);

    const identity = sharedIdentity();
    const reference = dokuVaNotification({ clientId: identity.clientId, secretKey: identity.secretKey });
    const { sim: sim2 } = await start(reference);
    const code2 = await createPaymentCode(sim2.url, fx.bundle, sim2.identity);
    await simulateHttp(sim2.url, { action: "pay", id: code2.number });
    const again = await simulateHttp(sim2.url, { action: "resend", id: code2.number });
    const checks = ((again.json.deliveries as Delivery[])[0] as Delivery).checks;
    expect(checks.find((c) => c.name === "duplicate-consistent")).toEqual({
      name: "duplicate-consistent",
      ok: true,
    });
  });
});

describe("the admin routes are off unless the mock listens on loopback", () => {
  it("answers 404 on 0.0.0.0 and serves with --simulator", async () => {
    const off = await startSimulator({ bundle: fx.bundle, identity: sharedIdentity(), host: "0.0.0.0" });
    open.push(off);
    const port = off.port;
    const answer = await fetch(`http://127.0.0.1:${port}/_simulator/api/state`);
    expect(answer.status).toBe(404);
    expect(((await answer.json()) as { error: string }).error).toMatch(/simulator is off/);
    const on = await startSimulator({
      bundle: fx.bundle,
      identity: sharedIdentity(),
      host: "0.0.0.0",
      forceSimulator: true,
    });
    open.push(on);
    expect((await fetch(`http://127.0.0.1:${on.port}/_simulator/api/state`)).status).toBe(200);
  });
});
