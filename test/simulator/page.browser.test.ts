/**
 * The /_simulator page in headless Chromium (Debian's `chromium` via puppeteer-core, as
 * test/reporters/html-browser.test.ts does). Part 1 serves the page from a small in-test server whose API
 * answers a fixed state: every field renders, hostile values (markup in names, headers, bodies, check
 * messages) stay text, Pay posts the right body and the page shows the new state, axe-core finds no serious
 * or critical issue. Part 2 is the real loop: the simulator notifying a reference merchant, a VA created
 * through the signed API and paid from the page (see the second describe).
 */
import { mkdir } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import axe from "axe-core";
import puppeteer, { type Browser, type Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSpecBundle } from "../../conformance/bundle.js";
import {
  type PaymentStore,
  createMerchant as snapVaPayment,
  TOKEN_PATH,
} from "../../examples/merchants/snap-va-payment.js";
import { generateIdentityAsync, type MockIdentity } from "../../src/mock/identity.js";
import type { SpecBundle } from "../../src/model/operation.js";
import { formatSnapTimestamp, signRequest } from "../../src/signatures/index.js";
import { type RunningSimulator, startSimulator } from "../../src/simulator/index.js";
import { SIMULATOR_PAGE_HTML } from "../../src/simulator/page.js";
import { dokuPair, type Listening, listen } from "../callbacks/helpers.js";
import { createVaBody, newVa, type Va } from "../mock/fixtures/bodies.js";
import { fetchToken, op, sendSigned, snapInput } from "../mock/helpers.js";
import { chromiumPath } from "../reporters/chromium.js";
import { createPaymentCode } from "./helpers.js";

const SHOTS = join(import.meta.dirname, "..", "..", "reports", "screenshots");
const XSS = `<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>`;

let browser: Browser;
beforeAll(async () => {
  browser = await puppeteer.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
    protocolTimeout: 30_000,
  });
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

/** Opens `${base}/_simulator` at 1280x900; page errors and dialogs (dismissed) are pushed to `errors`. */
async function openSimulatorPage(base: string, errors: string[]): Promise<Page> {
  const page = await browser.newPage();
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("dialog", (d) => {
    errors.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  await page.setViewport({ width: 1280, height: 900 });
  await page.goto(`${base}/_simulator`, { waitUntil: "load" });
  return page;
}

/** Browser-side code is passed as text: the project compiles without the DOM library. */
const inPage = <T>(page: Page, code: string): Promise<T> => page.evaluate(code) as Promise<T>;

async function axeSerious(page: Page): Promise<{ id: string; impact: string | null; nodes: number }[]> {
  // The page's Content-Security-Policy refuses injected <script> tags; DevTools evaluation is not subject to it.
  await inPage<unknown>(page, `${axe.source};undefined`);
  const found = await inPage<{ id: string; impact: string | null; nodes: number }[]>(
    page,
    `axe.run(document).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length })))`,
  );
  return found.filter((v) => v.impact === "serious" || v.impact === "critical");
}

/** Waits until the live region announces something starting with `prefix` (the action's answer arrived). */
const announced = (page: Page, prefix: string) =>
  page.waitForFunction(
    `document.getElementById("announce").textContent.startsWith(${JSON.stringify(prefix)})`,
    {
      timeout: 15_000,
    },
  );

const cellText = (page: Page, selector: string) =>
  inPage<string>(page, `document.querySelector(${JSON.stringify(selector)})?.textContent ?? null`);

// ---------------------------------------------------------------------------------------------------------
// Part 1: a fixed state from an in-test API

interface FixtureServer {
  base: string;
  state: { items: Record<string, unknown>[]; deliveries: Record<string, unknown>[] };
  posted: { body: unknown; origin: string | undefined }[];
  /** When set, the next simulate request is refused with 409 and this error. */
  refuse?: string;
  close(): Promise<void>;
}

const now = Date.parse("2026-12-07T01:00:00.000Z");
const iso = (ms: number) => new Date(ms).toISOString();

function fixtureState(): FixtureServer["state"] {
  return {
    items: [
      {
        id: "va-1",
        family: "snap-va",
        kind: "va",
        number: "98829172000000000001",
        name: XSS,
        amount: { value: "11500.00", currency: "IDR" },
        amountType: "fixed",
        reusable: false,
        status: "pending",
        createdAt: iso(now),
        payments: [],
      },
      {
        id: "pc-1",
        family: "doku-va",
        kind: "payment-code",
        number: "8889940000000001",
        name: "Taufik Ismail",
        amount: null,
        amountType: "open",
        reusable: true,
        status: "paid",
        createdAt: iso(now),
        payments: [{ amount: "5000", paidAt: iso(now + 1000), reference: XSS }],
      },
    ],
    deliveries: [
      {
        id: "d-1",
        itemId: "pc-1",
        flow: XSS,
        kind: "notification",
        attempt: 1,
        scheduledAt: iso(now + 1000),
        sentAt: iso(now + 1000),
        durationMs: 12,
        url: "http://127.0.0.1:9/notify",
        request: { method: "POST", headers: { "X-Evil": XSS }, body: `{"name":${JSON.stringify(XSS)}}` },
        response: { status: 500, headers: { "content-type": "text/html" }, body: XSS },
        error: null,
        checks: [{ name: "status-2xx", ok: false, message: XSS }],
        verdict: "retry",
        nextAttemptAt: iso(now + 1_801_000),
      },
    ],
  };
}

async function fixtureServer(): Promise<FixtureServer> {
  const fixture = { state: fixtureState(), posted: [] } as unknown as FixtureServer;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const json = (status: number, value: unknown) => {
        res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(value));
      };
      if (req.method === "GET" && req.url === "/_simulator") {
        res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(SIMULATOR_PAGE_HTML);
      } else if (req.method === "GET" && req.url === "/_simulator/api/state") {
        json(200, fixture.state);
      } else if (req.method === "POST" && req.url === "/_simulator/api/simulate") {
        const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { action: string; id: string };
        fixture.posted.push({ body, origin: req.headers.origin });
        const item = fixture.state.items.find((i) => i.id === body.id);
        if (item === undefined) return json(404, { error: `no item ${body.id}` });
        if (fixture.refuse !== undefined) return json(409, { error: fixture.refuse });
        if (item.status !== "pending") return json(409, { error: `${body.id} is ${String(item.status)}` });
        item.status = body.action === "pay" ? "paid" : body.action === "expire" ? "expired" : "failed";
        json(200, { item, deliveries: [] });
      } else {
        res.writeHead(404).end();
      }
    });
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  fixture.base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fixture.close = () =>
    new Promise<void>((done) => {
      server.closeAllConnections();
      server.close(() => done());
    });
  return fixture;
}

describe("/_simulator against a fixed state", () => {
  let fx: FixtureServer;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    fx = await fixtureServer();
    page = await openSimulatorPage(fx.base, errors);
    await page.waitForSelector('#items tr[data-id="va-1"]', { timeout: 10_000 });
  }, 30_000);
  afterAll(async () => {
    await page?.close();
    await fx?.close();
  });

  it("lists every item with number, name, amount, status and payments", async () => {
    expect(await cellText(page, '#items tr[data-id="va-1"] th')).toBe("98829172000000000001");
    expect(await cellText(page, '#items tr[data-id="va-1"] [data-field=amount]')).toBe("IDR 11500.00");
    expect(await cellText(page, '#items tr[data-id="va-1"] [data-field=status]')).toBe("pending");
    expect(await cellText(page, '#items tr[data-id="pc-1"] [data-field=amount]')).toBe(
      "open amount, reusable",
    );
    expect(await cellText(page, '#items tr[data-id="pc-1"] [data-field=payments]')).toBe(
      `5000 at 01:00:01.000 UTC ref ${XSS}`,
    );
    expect(await cellText(page, "#counts")).toBe("2 items, 1 delivery");
  });

  it("renders hostile values as text: no element, no script ran", async () => {
    expect(await cellText(page, '#items tr[data-id="va-1"] [data-field=name]')).toBe(XSS);
    expect(await inPage<number>(page, `document.querySelectorAll("main img, tbody script").length`)).toBe(0);
    expect(await inPage<unknown>(page, "window.__xss ?? null")).toBeNull();
    const row = '#deliveries tbody[data-id="d-1"]';
    expect(await cellText(page, `${row} [data-field=checks]`)).toBe(`✗ status-2xx: ${XSS}`);
    expect(await cellText(page, `${row} [data-field=request]`)).toBe(
      `POST http://127.0.0.1:9/notify\nX-Evil: ${XSS}\n\n{"name":${JSON.stringify(XSS)}}`,
    );
    expect(await cellText(page, `${row} [data-field=response]`)).toBe(
      `HTTP 500\ncontent-type: text/html\n\n${XSS}`,
    );
    expect(errors).toEqual([]);
  });

  it("shows each attempt's flow, kind, attempt, status, timing and verdict", async () => {
    const cells = await inPage<string[]>(
      page,
      `[...document.querySelectorAll('#deliveries tbody[data-id="d-1"] > tr:first-child > *')].slice(0, 8).map((c) => c.textContent)`,
    );
    expect(cells).toEqual([
      "01:00:01.000 UTC",
      "8889940000000001",
      XSS,
      "notification",
      "1",
      "500",
      "12 ms",
      "↻ retry next 01:30:01.000 UTC",
    ]);
  });

  it("offers Pay / Expire / Fail on a pending item, Pay / Expire on a paid reusable one, Resend once notified", async () => {
    const enabled = (id: string) =>
      inPage<string[]>(
        page,
        `[...document.querySelectorAll('#items tr[data-id="${id}"] button:not(:disabled)')].map((b) => b.dataset.action)`,
      );
    expect(await enabled("va-1")).toEqual(["pay", "expire", "fail"]);
    expect(await enabled("pc-1")).toEqual(["pay", "expire", "resend"]);
  });

  it("opens an attempt's bytes with a button, and keeps them open and focused across a re-render", async () => {
    const bytesShown = () =>
      inPage<[boolean, string | null]>(
        page,
        `(() => { const b = document.querySelector('#deliveries tbody[data-id="d-1"] button[data-toggle]');
          return [!document.getElementById(b.getAttribute("aria-controls")).hidden, b.getAttribute("aria-expanded")]; })()`,
      );
    expect(await bytesShown()).toEqual([false, "false"]);
    await page.click('#deliveries tbody[data-id="d-1"] button[data-toggle]');
    expect(await bytesShown()).toEqual([true, "true"]);
    fx.state.deliveries[0] = { ...fx.state.deliveries[0], durationMs: 13 };
    await page.waitForFunction(
      `document.querySelector('#deliveries tbody[data-id="d-1"] tr').children[6].textContent === "13 ms"`,
      { timeout: 10_000 },
    );
    expect(await bytesShown()).toEqual([true, "true"]);
    expect(await inPage<string>(page, "document.activeElement.dataset.toggle")).toBe("bytes");
  });

  it("Pay posts {action, id, amount} from the same origin, announces the result and shows the new status", async () => {
    await page.type("#amount-va-1", "11500");
    await page.click('#items tr[data-id="va-1"] button[data-action=pay]');
    await page.waitForFunction(
      `document.querySelector('#items tr[data-id="va-1"]').dataset.status === "paid"`,
      {
        timeout: 10_000,
      },
    );
    expect(fx.posted.at(-1)).toEqual({
      body: { action: "pay", id: "va-1", family: "snap-va", amount: "11500" },
      origin: fx.base,
    });
    await announced(page, "Paid ");
    expect(await cellText(page, "#announce")).toBe("Paid 98829172000000000001: now paid, 0 deliveries");
    const enabled = await inPage<number>(
      page,
      `document.querySelectorAll('#items tr[data-id="va-1"] :is(button, input):not(:disabled)').length`,
    );
    expect(enabled).toBe(0);
  });

  it("reads on a phone (no horizontal page scroll at 390 px; the tables scroll); screenshots", async () => {
    await mkdir(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, "simulator-desktop.png"), fullPage: true });
    await page.setViewport({ width: 390, height: 844, isMobile: true, deviceScaleFactor: 1 });
    const widths = await inPage<number[]>(page, "[document.documentElement.scrollWidth, window.innerWidth]");
    expect(widths[0]).toBeLessThanOrEqual(widths[1] ?? 0);
    await page.screenshot({ path: join(SHOTS, "simulator-phone.png") });
    await page.setViewport({ width: 1280, height: 900 });
  });

  it("says what the API refused", async () => {
    fx.refuse = "va-1 is already failed";
    fx.state.items[0] = { ...fx.state.items[0], status: "pending" };
    await page.waitForSelector('#items tr[data-id="va-1"][data-status=pending]', { timeout: 10_000 });
    await page.click('#items tr[data-id="va-1"] button[data-action=fail]');
    await page.waitForFunction(`document.getElementById("announce").textContent.startsWith("Could not")`, {
      timeout: 10_000,
    });
    expect(await cellText(page, "#announce")).toBe(
      "Could not fail 98829172000000000001: va-1 is already failed",
    );
  });

  it("says when the mock cannot be reached", async () => {
    await fx.close();
    await page.waitForFunction(
      `document.getElementById("connection").textContent.startsWith("Cannot reach")`,
      {
        timeout: 10_000,
      },
    );
  });

  it("has no serious or critical accessibility issue (axe-core)", async () => {
    expect(await axeSerious(page)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Part 2: the real loop. The simulator (the mock with /_simulator) notifies the reference SNAP merchant
// (examples/merchants/snap-va-payment.ts, token handshake first); VAs are created through the mock's signed
// SNAP API the way a merchant's backend would; the page pays one; the merchant's store, the delivery log and
// SNAP check status agree.

describe("/_simulator on the real mock with a reference merchant", () => {
  let bundle: SpecBundle;
  let sim: RunningSimulator;
  let merchant: Listening;
  /** A non-SNAP merchant whose notification endpoint always answers 500. */
  let failing: Listening;
  let failingHits = 0;
  let page: Page;
  let token: string;
  const store: PaymentStore = { paid: new Map(), answers: new Map() };
  const errors: string[] = [];
  const plain = { ...newVa(), name: "Toru Yamashita" };
  const hostile = { ...newVa(), name: XSS };

  async function snap(identity: MockIdentity, id: string, body: unknown) {
    return sendSigned(sim.url, signRequest(snapInput(op(bundle, id), identity, token, body)));
  }

  async function createVa(identity: MockIdentity, va: Va & { name: string }) {
    const { name, ...key } = va;
    const body = createVaBody(bundle, key);
    body.virtualAccountName = name;
    body.expiredDate = formatSnapTimestamp(Date.now() + 24 * 3600_000).replace(/\.\d+/, "");
    body.additionalInfo = { channel: "VIRTUAL_ACCOUNT_BNI", virtualAccountConfig: { reusableStatus: false } };
    const answer = await snap(identity, "snapCreateVa", body);
    if (answer.status !== 200) throw new Error(`create VA: ${answer.status} ${answer.text}`);
  }

  async function itemOfNumber(number: string): Promise<Record<string, unknown>> {
    const state = (await (await fetch(`${sim.url}/_simulator/api/state`)).json()) as {
      items: Record<string, unknown>[];
    };
    const item = state.items.find((i) => String(i.number).replace(/\s/g, "") === number);
    if (item === undefined) throw new Error(`the simulator does not list ${number}`);
    return item;
  }
  const itemOf = (va: Va) => itemOfNumber(va.virtualAccountNo);

  const row = (id: unknown) => `#items tr[data-id=${JSON.stringify(String(id))}]`;

  beforeAll(async () => {
    bundle = await loadSpecBundle();
    const identity = await generateIdentityAsync();
    const keys = dokuPair();
    merchant = await listen(
      snapVaPayment(
        {
          clientId: identity.clientId,
          secretKey: identity.secretKey,
          dokuPublicKey: keys.publicKey,
          callbackAuth: "snap-hmac",
        },
        store,
      ),
    );
    failing = await listen(
      createServer((req, res) => {
        failingHits += 1;
        req.resume();
        req.on("end", () => res.writeHead(500, { "Content-Type": "text/plain" }).end("database is down"));
      }),
    );
    sim = await startSimulator({
      bundle,
      identity,
      dokuPrivateKey: keys.privateKey,
      callbackAuth: "snap-hmac",
      notifyUrls: {
        "snap-va": `${merchant.base}/v1.1/transfer-va/payment`,
        "non-snap-va": `${failing.base}/payments/notifications`,
      },
      tokenUrls: { "snap-va": `${merchant.base}${TOKEN_PATH}` },
      retryScale: 0.001,
      timeoutMs: 5_000,
    });
    token = await fetchToken(sim.url, bundle, identity);
    await createVa(identity, plain);
    await createVa(identity, hostile);
    page = await openSimulatorPage(sim.url, errors);
  }, 60_000);

  afterAll(async () => {
    await page?.close();
    await sim?.close();
    await merchant?.close();
    await failing?.close();
  });

  it("lists the VAs created through the API, pending, with the name and amount they were created with", async () => {
    const item = await itemOf(plain);
    await page.waitForSelector(row(item.id), { timeout: 10_000 });
    expect(await cellText(page, `${row(item.id)} [data-field=name]`)).toBe("Toru Yamashita");
    expect(await cellText(page, `${row(item.id)} [data-field=amount]`)).toBe("IDR 11500.00");
    expect(await cellText(page, `${row(item.id)} [data-field=status]`)).toBe("pending");
  });

  it("Pay on the page: the notification reaches the merchant, its ack is checked ok, the VA is paid and check-status agrees", async () => {
    const item = await itemOf(plain);
    await page.click(`${row(item.id)} button[data-action=pay]`);
    const notification = `#deliveries tbody[data-item=${JSON.stringify(String(item.id))}][data-verdict=ok]`;
    await page.waitForFunction(
      `[...document.querySelectorAll(${JSON.stringify(notification)})].some((t) => t.querySelector("td:nth-child(4)").textContent === "notification")`,
      { timeout: 15_000 },
    );
    await page.waitForSelector(`${row(item.id)}[data-status=paid]`, { timeout: 10_000 });
    expect(await cellText(page, `${row(item.id)} [data-field=payments]`)).toMatch(
      /^IDR 11500\.00 at .+ UTC ref /,
    );
    await announced(page, "Paid ");
    expect(await cellText(page, "#announce")).toMatch(/^Paid .+: now paid, \d+ deliver(y|ies)$/);

    // What the page shows for the notification is what the merchant got and answered.
    const shown = await inPage<{ cells: string[]; checks: string[]; request: string; response: string }>(
      page,
      `(() => { const t = [...document.querySelectorAll(${JSON.stringify(notification)})].find((t) => t.querySelector("td:nth-child(4)").textContent === "notification");
        return { cells: [...t.querySelector("tr").children].map((c) => c.textContent),
          checks: [...t.querySelectorAll("[data-field=checks] li")].map((l) => l.textContent),
          request: t.querySelector("[data-field=request]").textContent, response: t.querySelector("[data-field=response]").textContent }; })()`,
    );
    expect(shown.cells[4]).toBe("1");
    expect(shown.cells[5]).toBe("200");
    expect(shown.cells[7]).toBe("✓ ok");
    expect(shown.checks.length).toBeGreaterThan(0);
    expect(shown.checks.every((c) => c.startsWith("✓ "))).toBe(true);
    expect(shown.request).toMatch(new RegExp(`^POST ${merchant.base}/v1\\.1/transfer-va/payment\\n`));
    expect(shown.request).toMatch(/\nX-SIGNATURE: /i);
    expect(shown.request).toContain(`"virtualAccountNo":"${plain.virtualAccountNo}"`);
    expect(shown.response).toMatch(/^HTTP 200\n/);
    expect(shown.response).toContain('"responseCode":"2002500"');

    // The merchant credited it once, and the mock's state and SNAP check status say paid.
    expect(store.paid.get(plain.trxId)).toBe("11500.00");
    expect((await itemOf(plain)).status).toBe("paid");
    const { name: _name, trxId: _trxId, ...key } = plain;
    const status = await snap(sim.identity, "snapCheckVaStatus", key);
    expect(status.status).toBe(200);
    const data = status.json.virtualAccountData as Record<string, Record<string, string>>;
    expect(data.paidAmount?.value).toBe("11500.00");
    expect(data.paymentFlagReason?.english).toBe("Success");
    expect(errors).toEqual([]);
  });

  it("Resend on the page: the same notification again (DOKU's manual retry), acknowledged the same way", async () => {
    const item = await itemOf(plain);
    const notifications = `[...document.querySelectorAll('#deliveries tbody[data-item=${JSON.stringify(String(item.id))}]')].filter((t) => t.querySelector("td:nth-child(4)").textContent === "notification")`;
    await page.waitForSelector(`${row(item.id)} button[data-action=resend]:not(:disabled)`, {
      timeout: 10_000,
    });
    await page.click(`${row(item.id)} button[data-action=resend]`);
    await page.waitForFunction(`${notifications}.length === 2`, { timeout: 15_000 });
    const shown = await inPage<{ attempt: string; status: string; verdict: string; summary: string }[]>(
      page,
      `${notifications}.map((t) => ({ attempt: t.querySelector("[data-field=attempt]").textContent,
        status: t.querySelector("[data-field=status]").textContent, verdict: t.querySelector("[data-field=verdict]").textContent,
        summary: t.querySelector("[data-field=summary]").textContent }))`,
    );
    expect(shown.map((d) => [d.attempt, d.status, d.verdict])).toEqual([
      ["2", "200", "✓ ok"],
      ["1", "200", "✓ ok"],
    ]);
    expect(shown[0]?.summary).toMatch(/^✓ all \d+ passed$/);
    await announced(page, "Resent ");
    expect(await cellText(page, "#announce")).toMatch(
      /^Resent the last notification of .+: now paid, \d+ deliver(y|ies)$/,
    );
    expect(store.paid.get(plain.trxId)).toBe("11500.00");
  });

  it("a merchant answering 500: the page shows the failed checks, the retry time, then DOKU's retry (compressed schedule)", async () => {
    const code = await createPaymentCode(sim.url, bundle, sim.identity);
    const item = await itemOfNumber(code.number);
    await page.waitForSelector(row(item.id), { timeout: 10_000 });
    expect(await cellText(page, `${row(item.id)} [data-field=amount]`)).toMatch(/150000/);
    await page.click(`${row(item.id)} button[data-action=pay]`);
    const attempts = (n: number) =>
      `[...document.querySelectorAll('#deliveries tbody[data-item=${JSON.stringify(String(item.id))}]')].filter((t) => t.querySelector("td:nth-child(4)").textContent === "notification").length >= ${n}`;
    await page.waitForFunction(attempts(2), { timeout: 15_000 });
    const shown = await inPage<{ attempt: string; status: string; verdict: string; checks: string[] }[]>(
      page,
      `[...document.querySelectorAll('#deliveries tbody[data-item=${JSON.stringify(String(item.id))}]')].map((t) => ({
        attempt: t.querySelector("[data-field=attempt]").textContent, status: t.querySelector("[data-field=status]").textContent,
        verdict: t.querySelector("[data-field=verdict]").textContent,
        checks: [...t.querySelectorAll("[data-field=checks] li")].map((l) => l.textContent) })).reverse()`,
    );
    expect(shown.slice(0, 2).map((d) => [d.attempt, d.status])).toEqual([
      ["1", "500"],
      ["2", "500"],
    ]);
    expect(shown[0]?.verdict).toMatch(/^↻ retry next \d\d:\d\d:\d\d\.\d{3} UTC$/);
    expect(shown[0]?.checks.some((c) => c.startsWith("✗ "))).toBe(true);
    expect(failingHits).toBeGreaterThanOrEqual(2);
    // The page's status is the mock's.
    const now = await itemOfNumber(code.number);
    await page.waitForSelector(`${row(item.id)}[data-status=${String(now.status)}]`, { timeout: 10_000 });
    expect(errors).toEqual([]);
  });

  it("shows a customer name with markup as text (created through the API): no element, no script ran", async () => {
    const item = await itemOf(hostile);
    await page.waitForSelector(row(item.id), { timeout: 10_000 });
    expect(await cellText(page, `${row(item.id)} [data-field=name]`)).toBe(XSS);
    expect(await inPage<number>(page, `document.querySelectorAll("main img, tbody script").length`)).toBe(0);
    expect(await inPage<unknown>(page, "window.__xss ?? null")).toBeNull();
    expect(errors).toEqual([]);
  });

  it("has no serious or critical accessibility issue with real data (axe-core); screenshot", async () => {
    for (const b of await page.$$('#deliveries button[data-toggle][aria-expanded="false"]')) await b.click();
    await mkdir(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, "simulator-real.png"), fullPage: true });
    expect(await axeSerious(page)).toEqual([]);
  });
});
