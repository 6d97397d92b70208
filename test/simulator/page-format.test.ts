/**
 * The simulator page's pure helpers, run from the exact JavaScript text the page embeds (PAGE_HELPERS_JS),
 * table-driven. The page itself is exercised in Chromium (page.browser.test.ts).
 */
import { describe, expect, it } from "vitest";
import { SIMULATOR_PAGE_HTML } from "../../src/simulator/page.js";
import { PAGE_HELPER_NAMES, PAGE_HELPERS_JS } from "../../src/simulator/page-format.js";

type Fn = (...args: unknown[]) => unknown;
const helpers = new Function(
  `"use strict";${PAGE_HELPERS_JS}\nreturn { ${PAGE_HELPER_NAMES.join(", ")} };`,
)() as Record<(typeof PAGE_HELPER_NAMES)[number], Fn>;
const h = helpers;

describe("page helpers", () => {
  it("define every listed name as a function", () => {
    for (const name of PAGE_HELPER_NAMES) expect(typeof helpers[name], name).toBe("function");
  });

  it.each([
    [null, "open amount"],
    [undefined, "open amount"],
    [{ value: "11500.00", currency: "IDR" }, "IDR 11500.00"],
    [{ value: 20000 }, "20000"],
    [{ currency: "IDR" }, "IDR ?"],
    ["150000", "150000"],
  ])("amountText(%j) = %j", (amount, want) => {
    expect(h.amountText(amount)).toBe(want);
  });

  it.each([
    [
      { amount: { value: "11500.00", currency: "IDR" }, amountType: "fixed", reusable: false },
      "IDR 11500.00",
    ],
    [{ amount: null, amountType: "open", reusable: true }, "open amount, reusable"],
    [{ amount: { value: "0", currency: "IDR" }, amountType: "open", reusable: false }, "IDR 0, open"],
    [
      { amount: { value: "50000", currency: "IDR" }, amountType: "limit", reusable: true },
      "IDR 50000, limit, reusable",
    ],
    [{ amount: { value: "10", currency: "IDR" }, reusable: false }, "IDR 10"],
  ])("itemAmountText(%j) = %j", (item, want) => {
    expect(h.itemAmountText(item)).toBe(want);
  });

  it("paymentText writes the item's currency before a bare amount, and the reference", () => {
    const p = { amount: "11500.00", paidAt: "2026-12-07T01:02:03.000Z", reference: "PRI-1" };
    expect(h.paymentText(p, "IDR")).toBe("IDR 11500.00 at 01:02:03.000 UTC ref PRI-1");
    expect(h.paymentText({ ...p, reference: "" }, undefined)).toBe("11500.00 at 01:02:03.000 UTC");
  });

  it.each([
    ["2026-12-07T01:02:03.456Z", "01:02:03.456 UTC"],
    ["2026-12-07T08:02:03+07:00", "01:02:03.000 UTC"],
    [Date.UTC(2026, 11, 7, 23, 59, 59, 9), "23:59:59.009 UTC"],
    [null, ""],
    ["not a time", "not a time"],
  ])("timeText(%j) = %j", (at, want) => {
    expect(h.timeText(at)).toBe(want);
  });

  it.each([
    [0, "0 ms"],
    [12.4, "12 ms"],
    [999, "999 ms"],
    [1234, "1.23 s"],
    [null, ""],
    [Number.NaN, ""],
  ])("durationText(%j) = %j", (ms, want) => {
    expect(h.durationText(ms)).toBe(want);
  });

  it("shows a request and a response as HTTP text, headers in order, repeated headers on their own line", () => {
    const request = {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-SIGNATURE": "abc==" },
      body: '{"a":1}',
    };
    expect(h.requestText("http://127.0.0.1:9/notify", request)).toBe(
      'POST http://127.0.0.1:9/notify\nContent-Type: application/json\nX-SIGNATURE: abc==\n\n{"a":1}',
    );
    expect(h.responseText({ status: 200, headers: { "set-cookie": ["a=1", "b=2"] }, body: "OK" }, null)).toBe(
      "HTTP 200\nset-cookie: a=1\nset-cookie: b=2\n\nOK",
    );
    expect(h.responseText({ status: 500, headers: [["x", "1"]], body: { e: 1 } }, null)).toBe(
      'HTTP 500\nx: 1\n\n{"e":1}',
    );
    expect(h.responseText(null, "connect ECONNREFUSED 127.0.0.1:9")).toBe(
      "no response: connect ECONNREFUSED 127.0.0.1:9",
    );
    expect(h.requestText("u", null)).toBe("(not sent)");
  });

  it.each([
    [{ response: { status: 200 }, sentAt: "t" }, "200"],
    [{ response: null, error: "timeout", sentAt: "t" }, "no answer"],
    [{ response: null, error: null, sentAt: null }, "scheduled"],
  ])("deliveryStatusText(%j) = %j", (d, want) => {
    expect(h.deliveryStatusText(d)).toBe(want);
  });

  it("marks checks and verdicts with a symbol as well as a word (never colour alone)", () => {
    expect(h.checkText({ name: "status-2xx", ok: true })).toBe("✓ status-2xx");
    expect(h.checkText({ name: "ack-body", ok: false, message: "responseCode is 5002500" })).toBe(
      "✗ ack-body: responseCode is 5002500",
    );
    expect([h.verdictText("ok"), h.verdictText("retry"), h.verdictText("failed")]).toEqual([
      "✓ ok",
      "↻ retry",
      "✗ failed",
    ]);
    expect(h.nextAttemptText({ verdict: "retry", nextAttemptAt: "2026-12-07T01:30:00Z" })).toBe(
      "next 01:30:00.000 UTC",
    );
    expect(h.nextAttemptText({ verdict: "failed", nextAttemptAt: "2026-12-07T01:30:00Z" })).toBe("");
    expect(h.nextAttemptText({ verdict: "retry" })).toBe("");
  });

  it.each([
    [[], "no checks"],
    [
      [
        { name: "a", ok: true },
        { name: "b", ok: true },
      ],
      "✓ all 2 passed",
    ],
    [
      [
        { name: "a", ok: true },
        { name: "b", ok: false },
        { name: "c", ok: false },
      ],
      "✗ 2 of 3 failed",
    ],
  ])("checksSummaryText(%j) = %j", (checks, want) => {
    expect(h.checksSummaryText(checks)).toBe(want);
  });

  it.each([
    [{ status: "pending", reusable: false }, false, ["pay", "expire", "fail"]],
    [{ status: "paid", reusable: false }, false, []],
    [{ status: "paid", reusable: false }, true, ["resend"]],
    [{ status: "paid", reusable: true }, true, ["pay", "expire", "resend"]],
    [{ status: "expired", reusable: true }, false, []],
    [{ status: "failed", reusable: false }, false, []],
  ])("actionsFor(%j, notified %j) = %j", (item, notified, want) => {
    expect(h.actionsFor(item, notified)).toEqual(want);
  });

  const va = { id: "va-1", family: "snap-va" };
  it.each([
    ["pay", "", { action: "pay", id: "va-1", family: "snap-va" }],
    ["pay", "  ", { action: "pay", id: "va-1", family: "snap-va" }],
    ["pay", "15000", { action: "pay", id: "va-1", family: "snap-va", amount: "15000" }],
    ["pay", " 150.50 ", { action: "pay", id: "va-1", family: "snap-va", amount: "150.50" }],
    ["pay", "12,5", { action: "pay", id: "va-1", family: "snap-va", amount: "12,5" }],
    ["expire", "15000", { action: "expire", id: "va-1", family: "snap-va" }],
  ])("simulateBody(%j, va-1, %j) sends the typed amount as written", (action, typed, want) => {
    expect(h.simulateBody(action, va, typed)).toEqual(want);
  });

  it("simulateBody leaves family out when the item has none", () => {
    expect(h.simulateBody("fail", { id: "x" }, "")).toEqual({ action: "fail", id: "x" });
  });

  it("says what an action did, or the API's error", () => {
    expect(h.resultText("pay", "8882", { item: { status: "paid" }, deliveries: [{}, {}] })).toBe(
      "Paid 8882: now paid, 2 deliveries",
    );
    expect(h.resultText("expire", "8882", { item: { status: "expired" }, deliveries: [] })).toBe(
      "Expired 8882: now expired, 0 deliveries",
    );
    expect(h.resultText("pay", "8882", { error: "already paid" })).toBe("Could not pay 8882: already paid");
    expect(h.resultText("resend", "8882", { item: { status: "paid" }, deliveries: [{}] })).toBe(
      "Resent the last notification of 8882: now paid, 1 delivery",
    );
  });

  it("orders deliveries newest first, by sent time else scheduled time, then attempt", () => {
    const ds = [
      { id: "a", sentAt: "2026-12-07T01:00:00Z", attempt: 1 },
      { id: "c", sentAt: null, scheduledAt: "2026-12-07T01:30:00Z", attempt: 2 },
      { id: "b", sentAt: "2026-12-07T01:00:05Z", attempt: 1 },
    ];
    expect((h.newestFirst(ds) as { id: string }[]).map((d) => d.id)).toEqual(["c", "b", "a"]);
    expect(ds.map((d) => d.id)).toEqual(["a", "c", "b"]);
  });
});

describe("the page document", () => {
  it("is self-contained: no external script, stylesheet, image or font", () => {
    expect(SIMULATOR_PAGE_HTML).not.toMatch(/<(script|link|img)[^>]*\s(src|href)=/i);
    expect(SIMULATOR_PAGE_HTML).not.toMatch(/https?:\/\//);
    expect(SIMULATOR_PAGE_HTML).not.toMatch(/@import|url\(/);
  });

  it("never writes data through innerHTML, outerHTML, insertAdjacentHTML or document.write", () => {
    expect(SIMULATOR_PAGE_HTML).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
  });

  it("pins its one inline script by hash in the Content-Security-Policy", async () => {
    const { createHash } = await import("node:crypto");
    const scripts = [...SIMULATOR_PAGE_HTML.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? "");
    expect(scripts).toHaveLength(1);
    const hash = createHash("sha256")
      .update(scripts[0] ?? "", "utf8")
      .digest("base64");
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(SIMULATOR_PAGE_HTML)?.[1];
    expect(csp).toContain(`script-src 'sha256-${hash}'`);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("connect-src 'self'");
  });
});
