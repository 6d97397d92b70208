/**
 * The HTML report in a real browser: Debian's headless Chromium (`chromium`, installed by .ci/run when
 * missing) driven through puppeteer-core (no browser download) loads report.html from file:// for a run
 * with known violations; every violation of report.json is on the page with its fields, a filter hides
 * the others, axe-core finds no serious or critical accessibility issue, and screenshots are taken at
 * desktop and phone widths (reports/screenshots/, for a human to look at).
 */
import { mkdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import axe from "axe-core";
import puppeteer, { type Browser, type Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunSummary } from "../../src/engine/events.js";
import { shownValue } from "../../src/reporters/html-escape.js";
import { createReporters } from "../../src/reporters/index.js";
import { runAgainst } from "../runner/helpers.js";
import { chromiumPath } from "./chromium.js";

const SHOTS = join(import.meta.dirname, "..", "..", "reports", "screenshots");

let browser: Browser;
let page: Page;
let report: RunSummary;
let url: string;

beforeAll(async () => {
  const listeners = createReporters(["json", "html"], { write: () => {}, tty: false });
  const defects = [
    "too-long-field",
    "accept-negative",
    "undocumented-status",
    "accept-bad-signature",
  ] as const;
  const { dir } = await runAgainst([...defects], { listeners, shrinkBudget: 0 });
  report = JSON.parse(await readFile(join(dir, "report", "report.json"), "utf8")) as RunSummary;
  url = pathToFileURL(join(dir, "report", "report.html")).href;
  browser = await puppeteer.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
  page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  await page.goto(url, { waitUntil: "load" });
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

/** Browser-side code is passed as text: the project compiles without the DOM library. */
const inPage = <T>(code: string): Promise<T> => page.evaluate(code) as Promise<T>;

const visible = () =>
  inPage<string[]>(
    `[...document.querySelectorAll("article.violation")].filter((a) => !a.hidden).map((a) => a.dataset.index)`,
  );

interface ShownArticle {
  index: string;
  operation: string;
  check: string;
  severity: string;
  phase: string;
  fields: Record<string, string>;
  pre: string[];
}

const ARTICLES = `[...document.querySelectorAll("article.violation")].map((a) => ({
  ...a.dataset,
  fields: Object.fromEntries([...a.querySelectorAll("[data-field]")].map((f) => [f.dataset.field, f.innerText.trim()])),
  pre: [...a.querySelectorAll("pre")].map((p) => p.textContent),
}))`;

describe("report.html in Chromium", () => {
  it("shows every violation of report.json with its fields, and the run's seed, target and version", async () => {
    expect(report.violations.length).toBeGreaterThanOrEqual(4);
    const text = (id: string) => inPage<string>(`document.getElementById(${JSON.stringify(id)}).textContent`);
    expect(await text("seed")).toBe(String(report.seed));
    expect(await text("target")).toBe(report.target);
    expect(await text("version")).toBe(report.version);
    const shown = await inPage<ShownArticle[]>(ARTICLES);
    expect(shown).toHaveLength(report.violations.length);
    report.violations.forEach((v, i) => {
      const s = shown[i];
      expect(s?.index).toBe(String(i));
      expect([s?.operation, s?.check, s?.severity, s?.phase]).toEqual([
        v.operationId,
        v.check,
        v.severity,
        v.phase,
      ]);
      expect(s?.fields.operationId).toBe(v.operationId);
      expect(s?.fields.message).toBe(v.message);
      expect(s?.fields.rule).toBe(v.rule);
      expect(s?.fields.pointer).toBe(`${v.direction} ${v.pointer || "(whole body)"}`);
      expect(s?.fields.expected).toBe(shownValue(v.expected));
      expect(s?.fields.actual).toBe(shownValue(v.actual));
      expect(s?.fields.source).toBe(v.source);
      if (v.conflict) expect(s?.fields.conflict).toContain(v.conflict.alternative);
      expect(s?.pre).toContain(v.curl);
      expect(s?.pre).toContain(v.rerun);
    });
  });

  it("filters by check, then shows all again", async () => {
    const check = report.violations[report.violations.length - 1]?.check ?? "";
    const want = report.violations.flatMap((v, i) => (v.check === check ? [String(i)] : []));
    expect(want.length).toBeLessThan(report.violations.length);
    await page.select("#filter-check", check);
    expect(await visible()).toEqual(want);
    expect(await inPage<string>(`document.getElementById("shown-count").textContent`)).toBe(
      `${want.length} of ${report.violations.length} violations shown`,
    );
    await page.click("button[type=reset]");
    await page.waitForFunction(
      `document.querySelectorAll("article.violation:not([hidden])").length === ${report.violations.length}`,
    );
  });

  it("redacts secrets in the recorded request and shows the response", async () => {
    const text = await inPage<string>(
      `(() => { for (const d of document.querySelectorAll("details")) d.open = true; return document.querySelector("main").innerText; })()`,
    );
    expect(text).toMatch(/Authorization: Bearer <redacted>/i);
    expect(text).not.toMatch(/Authorization: Bearer [A-Za-z0-9]{8}/i);
    expect(text).toMatch(/HTTP \d{3}/);
  });

  it("has no serious or critical accessibility issue (axe-core)", async () => {
    await page.addScriptTag({ content: axe.source });
    const found = await inPage<{ id: string; impact: string | null }[]>(
      `axe.run(document).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length })))`,
    );
    expect(found.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
  });

  it("reads on a phone: no horizontal page scroll at 390 px; screenshots", async () => {
    await mkdir(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, "report-desktop.png") });
    await page.setViewport({ width: 390, height: 844, isMobile: true, deviceScaleFactor: 1 });
    await page.goto(url, { waitUntil: "load" });
    const widths = await inPage<number[]>("[document.documentElement.scrollWidth, window.innerWidth]");
    expect(widths[0]).toBeLessThanOrEqual(widths[1] ?? 0);
    await inPage<void>(`document.getElementById("violations").scrollIntoView()`);
    await page.screenshot({ path: join(SHOTS, "report-phone.png") });
  });
});
