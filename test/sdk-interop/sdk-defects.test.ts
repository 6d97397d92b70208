/**
 * Each SDK defect the fingerprints name (src/checks/sdk/defects.ts) reproduced on the pinned SDK
 * (devDependency doku-nodejs-library 1.0.52), so the data cannot drift from the SDK it describes: when a
 * new SDK version fixes one, its test fails and the fingerprint's `versions` must be revisited.
 */
import { createHash } from "node:crypto";
import { once } from "node:events";
import { createServer, type IncomingHttpHeaders } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { SDK_DEFECTS } from "../../src/checks/sdk/defects.js";

const require = createRequire(import.meta.url);
const sdk = (path: string) => require(`doku-nodejs-library/${path}`);
const sdkVersion = (require("doku-nodejs-library/package.json") as { version: string }).version;

const TokenService = sdk("_services/tokenService.js");
const TokenController = sdk("_controllers/tokenController.js");
const notificationService = sdk("_services/notificationService.js");
const requestHeader = sdk("_commons/requestHeader.js");
const directDebitService = sdk("_services/directDebitService.js");
const Config = sdk("_commons/config.js");

const seenIn = (id: string) => SDK_DEFECTS.find((d) => d.id === id)?.versions ?? [];

describe(`doku-nodejs-library ${sdkVersion}`, () => {
  it("is a version every fingerprint was seen in", () => {
    for (const d of SDK_DEFECTS) expect(d.versions).toContain(sdkVersion);
  });

  it("sdk-case-insensitive-signature: a case-swapped signature compares equal", () => {
    expect(seenIn("sdk-case-insensitive-signature")).toContain(sdkVersion);
    const signature = "AbCdEf0123+/==";
    const swapped = signature.replace(/[a-z]/gi, (c) =>
      c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase(),
    );
    expect(TokenService.compareSignaturesSymmetric(swapped, signature)).toBe(true);
    expect(TokenService.compareSignaturesV2(swapped, signature)).toBe(true);
  });

  it("sdk-crash-without-authorization: validateTokenB2B throws on a missing Authorization", () => {
    expect(() => new TokenController().validateTokenB2B(undefined, "key")).toThrow(TypeError);
  });

  it("sdk-numeric-notification-code: the acknowledgements carry numeric service-27 codes", () => {
    expect(notificationService.generateNotificationResponse({}).responseCode).toBe(2002700);
    expect(notificationService.generateInvalidTokenResponse({}).responseCode).toBe(4012701);
  });

  it("sdk-token-never-refreshed: a token issued 3 hours ago with a 900 s lifetime is still valid", () => {
    const threeHoursAgo = Date.now() - 3 * 3600_000;
    expect(new TokenController().isTokenInvalid("eyJ.token", 900, threeHoursAgo)).toBe(false);
    // the helper itself, called with the arguments it declares, would have said "expired"
    expect(TokenService.isTokenExpired(900, threeHoursAgo)).toBe(true);
  });

  it("sdk-no-timestamp-window: an hour-old X-TIMESTAMP verifies like a fresh one", () => {
    const stale = "2020-01-01T00:00:00+07:00";
    const secret = "SK-test";
    const body = { a: 1 };
    const path = "/v1.1/transfer-va/payment";
    const signed = TokenService.generateSymmetricSignature("POST", path, "tok", body, stale, secret);
    const request = {
      get: (name: string) => ({ "x-timestamp": stale, "x-signature": signed })[name.toLowerCase()],
      body,
    };
    expect(new TokenController().validateSignatureSymmetric(request, "tok", secret, path)).toBe(true);
  });

  it("sdk-reserialised-body: a body signed over its escaped bytes fails, the same value compact passes", () => {
    const secret = "SK-test";
    const path = "/v1.1/transfer-va/payment";
    const ts = "2026-01-01T00:00:00+07:00";
    const value = { virtualAccountName: "Toru" };
    const escaped = '{"virtualAccountName":"\\u0054oru"}';
    expect(JSON.parse(escaped)).toEqual(value);
    const hmac = (text: string) =>
      TokenService.generateExpectedSignature(
        `POST:${path}:tok:${createHash("sha256").update(text).digest("hex")}:${ts}`,
        secret,
      );
    const verifies = (signature: string) =>
      new TokenController().validateSignatureSymmetric(
        {
          get: (n: string) => ({ "x-timestamp": ts, "x-signature": signature })[n.toLowerCase()],
          body: value,
        },
        "tok",
        secret,
        path,
      );
    expect(verifies(hmac(JSON.stringify(value)))).toBe(true);
    expect(verifies(hmac(escaped))).toBe(false);
  });

  it("sdk-jumpapp-no-device-id: doPaymentJumpApp's request carries no X-DEVICE-ID (SDK as a client)", async () => {
    let seen: IncomingHttpHeaders | undefined;
    const server = createServer((req, res) => {
      seen = req.headers;
      req.resume();
      req.on("end", () => {
        res.setHeader("content-type", "application/json");
        res.end(JSON.stringify({ responseCode: "2000500", responseMessage: "Successful" }));
      });
    });
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    const saved = Config.CORE_SANDBOX_BASE_URL;
    // documented runtime workaround: the SDK's base URL is a static field, pointed at a local server
    Config.CORE_SANDBOX_BASE_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const header = requestHeader.generateRequestHeader({
        timestamp: "2026-01-01T00:00:00+07:00",
        signature: "sig",
        clientId: "MCH-1",
        externalId: "1",
        ipAddress: "127.0.0.1",
        channelId: "DH",
        tokenB2B: "tok",
        deviceId: "device-1",
        endPointUrl: Config.DIRECT_DEBIT_PAYMENT_URL,
      });
      await directDebitService.doPaymentJumpAppProcess(header, { additionalInfo: {} }, false);
    } finally {
      Config.CORE_SANDBOX_BASE_URL = saved;
      server.close();
    }
    expect(seen?.["x-partner-id"]).toBe("MCH-1");
    expect(seen?.["x-device-id"]).toBeUndefined();
  });
});
