/** `callback` through the same reporter table: html and json for a certification with violations. */
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { certifyHandler } from "../../conformance/vitest.js";
import type { RunSummary } from "../../src/engine/events.js";
import { createReporters } from "../../src/reporters/index.js";

describe("callback reports", () => {
  it("report.html shows every violation of the certification's report.json", async () => {
    const outputDir = await mkdtemp(join(tmpdir(), "doku-callback-html-"));
    const listeners = createReporters(["json", "html", "github"], { write: () => {}, tty: false, env: {} });
    // A receiver that never verifies and always answers 500: certification fails on several checks.
    const handler = async () => new Response("oops", { status: 500 });
    await certifyHandler("doku-va-notification", handler, {
      clientId: "MCH-0001-10791114622547",
      secretKey: "SK-x",
      cases: 2,
      seed: 3,
      outputDir,
      listeners,
    });
    const report = JSON.parse(await readFile(join(outputDir, "report.json"), "utf8")) as RunSummary;
    const html = await readFile(join(outputDir, "report.html"), "utf8");
    expect(report.violations.length).toBeGreaterThan(0);
    const indices = [...html.matchAll(/<article class="violation [a-z]+" id="v(\d+)"/g)].map((m) =>
      Number(m[1]),
    );
    expect(indices).toEqual(report.violations.map((_v, i) => i));
    for (const v of report.violations) expect(html).toContain(`data-check="${v.check}"`);
    expect(html).toContain("HTTP 500");
  }, 60_000);
});
