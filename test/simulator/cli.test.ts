/**
 * The standalone mock and `simulate`, spawned as a user runs them (the compiled bin; `npm run build` first):
 * the merchant-style end-to-end example (examples/simulator/e2e.ts) and simulate's exit codes.
 */
import { describe, expect, it } from "vitest";
import { runEndToEnd } from "../../examples/simulator/e2e.js";
import { spawnBin } from "../reliability/bin.js";

describe("examples/simulator/e2e.ts (a merchant's CI test)", () => {
  it("creates a SNAP VA and a payment code, pays both with `simulate pay`, and the receivers and check status agree", async () => {
    const result = await runEndToEnd();
    const [snap, nonSnap] = result.payments;
    expect(snap?.deliveries.map((d) => `${d.kind}:${d.verdict}`)).toEqual(["token:ok", "notification:ok"]);
    expect(nonSnap?.deliveries.map((d) => `${d.kind}:${d.verdict}`)).toEqual(["notification:ok"]);
    for (const p of result.payments) expect(p.item.status).toBe("paid");
    expect(result.report.summary).toMatchObject({
      items: 2,
      deliveries: 3,
      acknowledged: 3,
      failedChecks: 0,
    });
  });
});

describe("simulate's exit codes", () => {
  it("2 for an unknown id, 3 when no mock answers (0 is the e2e above)", async () => {
    const mock = spawnBin(["mock"]);
    try {
      const line = await mock.waitFor(/^listening on /);
      const url = line.replace("listening on ", "").trim();
      const unknown = spawnBin(["simulate", "expire", "nope", "--mock", url]);
      expect(await unknown.exit).toBe(2);
      expect(unknown.stderr()).toMatch(/no VA or payment code nope/);
      const state = (await (await fetch(`${url}/_simulator/api/state`)).json()) as { items: unknown[] };
      expect(state.items).toEqual([]);
    } finally {
      mock.child.kill("SIGINT");
      expect(await mock.exit).toBe(0);
    }
    const none = spawnBin(["simulate", "pay", "1", "--mock", "http://127.0.0.1:9"]);
    expect(await none.exit).toBe(3);
    expect(none.stderr()).toMatch(/cannot be reached/);
    const help = spawnBin(["simulate", "--help"]);
    expect(await help.exit).toBe(0);
    expect(help.lines.join("\n")).toMatch(/pay\|expire\|fail\|resend/);
  });
});
