/** The reference merchants in examples/merchants/ pass the certification of their flow (exit 0). */
import { afterEach, describe, expect, it } from "vitest";
import { createMerchant as dokuVaInquiry } from "../../examples/merchants/doku-va-inquiry.js";
import { createMerchant as dokuVaNotification } from "../../examples/merchants/doku-va-notification.js";
import { CLIENT_ID, certify, errorsOf, type Listening, listen, SECRET_KEY } from "./helpers.js";

const running: Listening[] = [];
afterEach(async () => {
  for (const r of running.splice(0)) await r.close();
});

describe("reference merchants", () => {
  it("doku-va-notification passes", async () => {
    const server = await listen(dokuVaNotification({ clientId: CLIENT_ID, secretKey: SECRET_KEY }));
    running.push(server);
    const summary = await certify({
      url: `${server.base}/payments/notifications`,
      flow: "doku-va-notification",
    });
    expect(errorsOf(summary)).toEqual([]);
    expect(summary.exitCode).toBe(0);
  });

  it("doku-va-inquiry passes", async () => {
    const bills = new Map([
      [
        "7889940000000001",
        {
          invoiceNumber: "MINV20201231468",
          amount: 150000,
          customerName: "Taufik Ismail",
          status: "success" as const,
        },
      ],
    ]);
    const server = await listen(dokuVaInquiry({ clientId: CLIENT_ID, secretKey: SECRET_KEY }, bills));
    running.push(server);
    const summary = await certify({ url: `${server.base}/payments/inquiry`, flow: "doku-va-inquiry" });
    expect(errorsOf(summary)).toEqual([]);
    expect(summary.exitCode).toBe(0);
  });
});
