/**
 * The standalone mock and `simulate`, spawned as a user runs them (the compiled bin; `npm run build` first):
 * the merchant-style end-to-end example (examples/simulator/e2e.ts) and simulate's exit codes.
 */
import { describe, expect, it } from "vitest";
import { runEndToEnd } from "../../examples/simulator/e2e.js";
import { signRequest } from "../../src/signatures/request-signer.js";
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
  it("0 done, 1 refused, 2 unknown id, 3 no mock; mock --help lists the simulator flags", async () => {
    const env = { DOKU_CLIENT_ID: "BRN-0001-1234567890123", DOKU_SECRET_KEY: "SK-simulate-exit-codes" };
    const mock = spawnBin(["mock"], { env });
    try {
      const line = await mock.waitFor(/^listening on /);
      const url = line.replace("listening on ", "").trim();
      const unknown = spawnBin(["simulate", "expire", "nope", "--mock", url]);
      expect(await unknown.exit).toBe(2);
      expect(unknown.stderr()).toMatch(
        /no VA number, payment code, invoice number or trxId nope on this mock/,
      );
      const state = (await (await fetch(`${url}/_simulator/api/state`)).json()) as { items: unknown[] };
      expect(state.items).toEqual([]);
      const path = "/doku-virtual-account/v2/payment-code";
      const signed = signRequest({
        auth: "nonsnap-hmac",
        method: "POST",
        path,
        body: JSON.stringify({
          order: { invoice_number: "INV-EXIT-CODES-1", amount: 150000 },
          virtual_account_info: { billing_type: "FIX_BILL", expired_time: 60, reusable_status: false },
          customer: { name: "Anton Budiman" },
        }),
        headers: { "Content-Type": "application/json" },
        credentials: { clientId: env.DOKU_CLIENT_ID, secretKey: env.DOKU_SECRET_KEY },
      });
      const created = await fetch(url + path, { method: "POST", headers: signed.headers, body: signed.body });
      expect(created.status).toBe(200);
      const first = spawnBin(["simulate", "pay", "INV-EXIT-CODES-1"], { env: { DOKU_MOCK_URL: url } });
      expect(await first.exit).toBe(0);
      expect(first.lines.join("\n")).toMatch(/is paid \(paid 150000/);
      const again = spawnBin(["simulate", "pay", "INV-EXIT-CODES-1", "--mock", url]);
      expect(await again.exit).toBe(1);
      expect(again.stderr()).toMatch(/already paid and not reusable/);
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
    const mockHelp = spawnBin(["mock", "--help"]);
    expect(await mockHelp.exit).toBe(0);
    expect(mockHelp.lines.join("\n")).toMatch(/--notify-url[\s\S]*--retry-scale[\s\S]*--report/);
  });
});
