/** The runner against the real embedded mock and the real bundle: reproducibility of what is sent. */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadSpecBundle } from "../../conformance/bundle.js";
import { createHttpTransport, type Transport } from "../../src/engine/transport.js";
import type { SentRequest } from "../../src/model/case.js";
import type { RunOptions } from "../../src/runner/options.js";
import type { Drawn } from "../../src/runner/plan-thread.js";
import { runSuite } from "../../src/runner/suite.js";
import { fakeThread } from "./fake-plan-thread.js";

async function sentBodies(options: Partial<RunOptions>): Promise<Map<string, string[]>> {
  const bundle = await loadSpecBundle();
  const inner = createHttpTransport({ maxSockets: 8 });
  const sent: SentRequest[] = [];
  const transport: Transport = {
    send(request, options) {
      sent.push(request);
      return inner.send(request, options);
    },
    close: () => inner.close(),
  };
  await runSuite({
    bundle,
    transport,
    cases: 10,
    negativeCases: 5,
    outputDir: mkdtempSync(join(tmpdir(), "doku-mock-run-")),
    phases: ["examples", "boundary", "property", "negative"],
    ...options,
  });
  const byPath = new Map<string, string[]>();
  for (const r of sent) {
    const path = new URL(r.url).pathname;
    if (path.includes("access-token")) continue;
    // A DANA refund is bound to its payment's X-EXTERNAL-ID, which is unique per run by design (setup.ts).
    // An unbinding is bound to its binding's authCode, a UUID the target issues (x-doku-setup from a response).
    const body = r.body
      .replace(/"originalExternalId":"[0-9]+"/, '"originalExternalId":"<bound>"')
      .replace(
        /"tokenId":"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"/,
        '"tokenId":"<bound>"',
      );
    byPath.set(path, [...(byPath.get(path) ?? []), body]);
  }
  for (const list of byPath.values()) list.sort();
  return byPath;
}

describe("runner against the embedded mock", () => {
  it("the same seed sends the same bodies; --operation X with that seed re-sends X's bodies", async () => {
    const first = await sentBodies({ seed: 123 });
    const again = await sentBodies({ seed: 123 });
    expect([...again.entries()]).toEqual([...first.entries()]);
    const other = await sentBodies({ seed: 124 });
    expect([...other.entries()]).not.toEqual([...first.entries()]);
    const only = await sentBodies({ seed: 123, operations: ["dokuVaCreateMerchantPaymentCode"] });
    const path = "/doku-virtual-account/v2/merchant-payment-code";
    expect(only.get(path)).toEqual(first.get(path));
    expect(first.get(path)?.length).toBeGreaterThan(20);
    // Four whole runs against the in-process mock: about 70 s on a loaded 2-core machine.
  }, 240_000);

  it("a plan drawn on a plan thread sends what the in-thread plan sends, and the thread drew cases", async () => {
    const bundle = await loadSpecBundle();
    const drawn: Drawn[] = [];
    const options = { seed: 77, cases: 250, operations: ["snapCreateVa", "dokuVaCreatePaymentCode"] };
    const own = await sentBodies(options);
    const threaded = await sentBodies({ ...options, planThread: fakeThread(bundle, { drawn }) });
    expect([...threaded.entries()]).toEqual([...own.entries()]);
    expect(drawn).toHaveLength(1);
    expect(drawn[0]?.thread).toBeGreaterThan(0);
  }, 240_000);
});
