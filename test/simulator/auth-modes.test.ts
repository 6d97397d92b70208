/** SNAP notifications signed in each --callback-auth mode reach the reference merchant configured for it. */
import { describe, expect, it } from "vitest";
import { createMerchant as snapVaPayment, TOKEN_PATH } from "../../examples/merchants/snap-va-payment.js";
import { startSimulator } from "../../src/simulator/index.js";
import type { Delivery } from "../../src/simulator/types.js";
import { dokuPair, listen } from "../callbacks/helpers.js";
import { createSnapVa, sharedIdentity, simulateHttp, useSimulatorFixture } from "./helpers.js";

const fx = useSimulatorFixture();
const open = fx.open;

describe("SNAP callback auth modes", () => {
  it.each(["snap-hmac", "snap-rsa", "bearer-only"] as const)(
    "%s: handshake and notification accepted",
    async (mode) => {
      const identity = sharedIdentity();
      const paid = new Map<string, string>();
      const merchant = await listen(
        snapVaPayment(
          {
            clientId: identity.clientId,
            secretKey: identity.secretKey,
            dokuPublicKey: dokuPair().publicKey,
            callbackAuth: mode,
          },
          { paid, answers: new Map() },
        ),
      );
      open.push(merchant);
      const sim = await startSimulator({
        bundle: fx.bundle,
        identity,
        dokuPrivateKey: dokuPair().privateKey,
        callbackAuth: mode,
        notifyUrls: { "snap-va": `${merchant.base}/v1.1/transfer-va/payment` },
        tokenUrls: { "snap-va": `${merchant.base}${TOKEN_PATH}` },
      });
      open.push(sim);
      const va = await createSnapVa(sim.url, fx.bundle, identity);
      const { json } = await simulateHttp(sim.url, { action: "pay", id: va.number });
      const deliveries = json.deliveries as Delivery[];
      expect(deliveries.map((d) => `${d.kind}:${d.response?.status}:${d.verdict}`)).toEqual([
        "token:200:ok",
        "notification:200:ok",
      ]);
      expect(deliveries.flatMap((d) => d.checks.filter((c) => !c.ok))).toEqual([]);
      expect(paid.get(va.trxId)).toBe("11500.00");
    },
  );

  it("without a token URL, a merchant that requires its own token refuses the kit's bearer (401, failed check)", async () => {
    const identity = sharedIdentity();
    const merchant = await listen(
      snapVaPayment({
        clientId: identity.clientId,
        secretKey: identity.secretKey,
        dokuPublicKey: dokuPair().publicKey,
        callbackAuth: "snap-hmac",
      }),
    );
    open.push(merchant);
    const sim = await startSimulator({
      bundle: fx.bundle,
      identity,
      notifyUrls: { "snap-va": `${merchant.base}/v1.1/transfer-va/payment` },
      retryScale: 1,
    });
    open.push(sim);
    const va = await createSnapVa(sim.url, fx.bundle, identity);
    const { json } = await simulateHttp(sim.url, { action: "pay", id: va.number });
    const [notification] = json.deliveries as Delivery[];
    expect(notification?.response?.status).toBe(401);
    expect(notification?.verdict).toBe("retry");
    expect(notification?.checks.find((c) => c.name === "valid-accepted")?.ok).toBe(false);
  });
});
