/**
 * The matchers as a merchant writes them in their own test file: `expect.extend(dokuMatchers)` once, then
 * plain expectations on bodies, signed requests and an in-process certification of their handler.
 * (A merchant imports "doku-conformance/vitest"; inside the repository that entry is conformance/vitest.ts.)
 */
import { beforeAll, describe, expect, it } from "vitest";
import { signRequest, verifyRequest } from "../../conformance/index.js";
import { certifyHandler, type DokuMatchers, dokuMatchers } from "../../conformance/vitest.js";

declare module "vitest" {
  // biome-ignore lint/suspicious/noExplicitAny: Vitest's own declaration of Matchers uses `any`
  interface Matchers<T = any> extends DokuMatchers<T> {}
}

const CLIENT_ID = "MCH-0001-10791114622547";
const SECRET_KEY = "SK-merchant-matchers-0001";

beforeAll(() => {
  expect.extend(dokuMatchers);
});

/** The merchant's notification endpoint: verify the signature over the raw body, apply each Request-Id once. */
function notificationHandler(options: { verify: boolean }) {
  const applied = new Set<string>();
  return async (request: Request): Promise<Response> => {
    const body = await request.text();
    const check = verifyRequest(
      {
        method: request.method,
        path: new URL(request.url).pathname,
        headers: Object.fromEntries(request.headers),
        body,
      },
      { auth: "nonsnap-hmac", credentials: { clientId: CLIENT_ID, secretKey: SECRET_KEY } },
    );
    if (options.verify && !check.ok) return Response.json({ error: "unauthorized" }, { status: 401 });
    applied.add(request.headers.get("request-id") ?? "");
    return Response.json({ status: "received" });
  };
}

describe("a merchant's tests with doku-conformance/vitest", () => {
  it("checks the bodies it builds against DOKU's contract", () => {
    const body = {
      order: { invoice_number: "INV-1", amount: 15000 },
      virtual_account_info: { billing_type: "FIX_BILL" },
    };
    expect(body).not.toBeValidDokuRequest("snapCreateVa");
    expect({}).not.toBeValidDokuRequest("dokuVaCreatePaymentCode");
    expect(() => expect({ partnerServiceId: 12 }).toBeValidDokuRequest("snapCreateVa")).toThrow(
      /expected the snapCreateVa request body to be valid; \d+ violation\(s\):\n {2}✗ schema · [^\n]+\n {6}where: {4}request /,
    );
    expect(() => expect("{").toBeValidDokuResponse("snapCreateVa", 200)).toThrow(/violation/);
  });

  it("checks the signature of a request it signs", () => {
    const signed = signRequest({
      auth: "nonsnap-hmac",
      method: "POST",
      path: "/payments/notifications",
      body: '{"order":{"invoice_number":"INV-1"}}',
      headers: { "Client-Id": CLIENT_ID, "Request-Id": "req-1" },
      credentials: { clientId: CLIENT_ID, secretKey: SECRET_KEY },
    });
    expect(signed).toHaveValidDokuSignature({ scheme: "nonsnap-hmac", secret: SECRET_KEY });
    expect({ ...signed, body: '{"order":{"invoice_number":"INV-2"}}' }).not.toHaveValidDokuSignature({
      scheme: "nonsnap-hmac",
      secret: SECRET_KEY,
    });
    expect(() =>
      expect(signed).toHaveValidDokuSignature({ scheme: "nonsnap-hmac", secret: "wrong" }),
    ).toThrow(/expected a valid nonsnap-hmac signature: signature-mismatch/);
  });

  it("certifies its notification handler in-process, and catches one that skips verification", async () => {
    const options = { clientId: CLIENT_ID, secretKey: SECRET_KEY, cases: 3, seed: 5 };
    const good = await certifyHandler("doku-va-notification", notificationHandler({ verify: true }), options);
    expect(good).toBeCertified();
    const bad = await certifyHandler("doku-va-notification", notificationHandler({ verify: false }), options);
    expect(bad).not.toBeCertified();
    expect(() => expect(bad).toBeCertified()).toThrow(
      /expected the certification \(seed 5\) to be valid; \d+ violation\(s\):\n {2}[✗!] /,
    );
  }, 60_000);
});
