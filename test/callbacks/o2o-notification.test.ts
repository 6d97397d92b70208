/**
 * Convenience-store notifications (alfa-notification, indomaret-notification): the reference receiver in
 * examples/merchants/ is certified for both flows, and a receiver that skips the signature check or processes a
 * redelivery twice is caught by the right check.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createMerchant, type StoreNotificationStore } from "../../examples/merchants/o2o-notification.js";
import { cli, context } from "../reporters/cli-context.js";
import {
  CLIENT_ID,
  certify,
  checkNames,
  errorsOf,
  type Listening,
  listen,
  SECRET_KEY,
  tempDir,
} from "./helpers.js";
import { type NonSnapFlaws, nonSnapMerchant } from "./merchants/nonsnap.js";

const running: Listening[] = [];
afterEach(async () => {
  for (const r of running.splice(0)) await r.close();
});

describe.each(["alfa-notification", "indomaret-notification"])("%s", (flow) => {
  it("the reference receiver is certified and records what it was sent", async () => {
    const store: StoreNotificationStore = { orders: new Map(), applied: new Set() };
    const server = await listen(createMerchant({ clientId: CLIENT_ID, secretKey: SECRET_KEY }, store));
    running.push(server);
    const summary = await certify({ url: `${server.base}/payments/notifications`, flow });
    expect(errorsOf(summary)).toEqual([]);
    expect(summary.exitCode).toBe(0);
    expect(store.applied.size).toBeGreaterThan(0);
    expect(store.orders.size).toBeGreaterThan(0);
  });

  it.each([
    ["skipVerification", { skipVerification: true }, "forged-rejected"],
    ["doubleProcess", { doubleProcess: true }, "duplicate-consistent"],
  ] as const)("a receiver with %s is caught", async (_name, flaws: NonSnapFlaws, check) => {
    const merchant = nonSnapMerchant("notification", flaws);
    const server = await listen(merchant.server);
    running.push(server);
    const summary = await certify({ url: `${server.base}/payments/notifications`, flow });
    expect(summary.exitCode).toBe(1);
    expect(checkNames(summary)).toContain(check);
  });
});

describe("alfa-notification body", () => {
  it("the spec's example (DOKU's O2O check-status sample) is among the bodies sent and is accepted", async () => {
    const store: StoreNotificationStore = { orders: new Map(), applied: new Set() };
    const server = await listen(createMerchant({ clientId: CLIENT_ID, secretKey: SECRET_KEY }, store));
    running.push(server);
    const summary = await certify({
      url: `${server.base}/payments/notifications`,
      flow: "alfa-notification",
    });
    expect(summary.exitCode).toBe(0);
    expect(store.orders.get("INV-67220100000")).toEqual({
      status: "SUCCESS",
      channel: "ONLINE_TO_OFFLINE_ALFA",
      paymentCode: undefined,
    });
  });
});

describe("doku-conformance callback --flow indomaret-notification", () => {
  it("certifies the reference receiver through the command line (exit 0)", async () => {
    const server = await listen(createMerchant({ clientId: CLIENT_ID, secretKey: SECRET_KEY }));
    running.push(server);
    const c = context(tempDir());
    c.ctx.env = { DOKU_CLIENT_ID: CLIENT_ID, DOKU_SECRET_KEY: SECRET_KEY };
    const args = ["--url", `${server.base}/payments/notifications`, "--flow", "indomaret-notification"];
    const code = await cli(c, ["callback", ...args, "--seed", "3"]);
    expect(code).toBe(0);
    expect(c.out.join("")).toMatch(/CERTIFIED: .*indomaret-notification/);
  });
});
