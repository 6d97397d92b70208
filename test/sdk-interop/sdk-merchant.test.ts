/**
 * The merchant built from doku-nodejs-library's helpers (examples/merchants/sdk-guarded): with the minimal
 * guards, `callback` certifies it (exit 0) for snap-va-inquiry, snap-va-payment and dana-payment in the
 * snap-hmac mode (the SDK's validateSymmetricSignature) and bearer-only (the SDK README's inquiry, which
 * checks the token alone); without the guards, every error finding carries the fingerprint of a known SDK
 * defect, and the set of those fingerprints is exactly the defects the SDK helpers have.
 */
import { afterEach, describe, expect, it } from "vitest";
import { SDK_BILL, type SdkFlow } from "../../examples/merchants/sdk-guarded/answers.js";
import { createSdkMerchant, TOKEN_PATH } from "../../examples/merchants/sdk-guarded/merchant.js";
import type { CertificationSummary } from "../../src/callbacks/summary.js";
import {
  CLIENT_ID,
  certify,
  dokuPair,
  errorsOf,
  type Listening,
  listen,
  SECRET_KEY,
} from "../callbacks/helpers.js";

const running: Listening[] = [];
afterEach(async () => {
  for (const r of running.splice(0)) await r.close();
});

const PATHS: Record<SdkFlow, string> = {
  "snap-va-inquiry": "/v1.1/transfer-va/inquiry",
  "snap-va-payment": "/v1.1/transfer-va/payment",
  "dana-payment": "/v1.0/debit/notify",
};

/** The inquiry the merchant knows (its one bill). */
const KNOWN_INQUIRY = JSON.stringify({
  ...SDK_BILL,
  virtualAccountNo: `${SDK_BILL.partnerServiceId}${SDK_BILL.customerNo}`,
  trxDateInit: "2024-03-19T14:39:01+07:00",
  inquiryRequestId: "12839218738127830",
  additionalInfo: { channel: "VIRTUAL_ACCOUNT_BNI" },
});

async function run(
  flow: SdkFlow,
  callbackAuth: "snap-hmac" | "bearer-only",
  guards: boolean,
): Promise<CertificationSummary> {
  const dokuPublicKeyPem = dokuPair().publicKey.export({ type: "spki", format: "pem" }).toString();
  const server = await listen(
    createSdkMerchant(flow, {
      clientId: CLIENT_ID,
      secretKey: SECRET_KEY,
      dokuPublicKeyPem,
      callbackAuth,
      guards,
    }),
  );
  running.push(server);
  return certify({
    url: `${server.base}${PATHS[flow]}`,
    flow,
    callbackAuth,
    tokenUrl: `${server.base}${TOKEN_PATH}`,
    ...(flow === "snap-va-inquiry" ? { body: KNOWN_INQUIRY } : {}),
  });
}

const FLOWS = ["snap-va-inquiry", "snap-va-payment", "dana-payment"] as const;

describe("SDK-built merchant with the minimal guards", () => {
  it.each(FLOWS.flatMap((f) => (["snap-hmac", "bearer-only"] as const).map((m) => [f, m] as const)))(
    "%s is certified in %s",
    async (flow, mode) => {
      const summary = await run(flow, mode, true);
      expect(errorsOf(summary)).toEqual([]);
      expect(summary.exitCode).toBe(0);
    },
  );
});

/** check + fingerprint id of every error finding ("none" when it carries no fingerprint). */
function fingerprints(summary: CertificationSummary): string[] {
  return [
    ...new Set(
      summary.violations
        .filter((v) => v.severity === "error")
        .map((v) => `${v.check} ${v.fingerprint?.id ?? "none"}`),
    ),
  ].sort();
}

const COMMON = [
  "byte-variant-accepted sdk-reserialised-body",
  "forged-rejected sdk-case-insensitive-signature",
  "forged-rejected sdk-crash-without-authorization",
  "forged-rejected sdk-no-timestamp-window",
  "no-5xx sdk-crash-without-authorization",
];

/** The error findings of each flow without the guards, as "check fingerprint-id". */
const EXPECTED: Record<SdkFlow, string[]> = {
  // the README's inquiry refusal (4010000, a string) is a documented conflict: a warning, not here
  "snap-va-inquiry": [
    ...COMMON,
    "response-body-valid sdk-crash-without-authorization",
    "response-code sdk-crash-without-authorization",
  ],
  // 4012701 as a refusal code is a recorded conflict (notification-invalid-token-code): its response-code and
  // forged-rejected findings are warnings; sending it as a JSON number stays an error (the body's type)
  "snap-va-payment": [...COMMON, "response-body-valid sdk-numeric-notification-code"],
  // DOKU documents no acknowledgement body for DANA: the numeric code is not a finding there
  "dana-payment": COMMON,
};

describe("the same merchant without the guards", () => {
  it.each(FLOWS)("%s fails with exactly the SDK-defect findings", async (flow) => {
    const summary = await run(flow, "snap-hmac", false);
    expect(summary.exitCode).toBe(1);
    expect(summary.violations.filter((v) => v.severity === "error" && !v.fingerprint)).toEqual([]);
    expect(fingerprints(summary)).toEqual([...EXPECTED[flow]].sort());
  });
});
