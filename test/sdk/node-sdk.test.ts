/**
 * DOKU's official Node SDK (doku-nodejs-library, pinned devDependency) against the embedded mock, operation
 * by operation, on the direct debit / e-wallet flow: binding -> payment (the SDK exchanges the authCode for a
 * B2B2C token itself) -> balance -> partial refunds -> check status -> unbinding. Every answer must be the
 * success the request asked for and consistent with it.
 *
 * Runtime workarounds (SDK bugs, not kit choices), each at its use; the hard-coded base URL is in harness.ts.
 * Card registration, jump-app and VA methods: node-sdk-card.test.ts, node-sdk-va.test.ts; coverage.test.ts
 * ties every request-issuing SDK method to the test that runs it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningMock } from "../../src/mock/index.js";
import { type Ctor, type Json, sdk, startSdk, step } from "./harness.js";

const AccountBinding = sdk("_models/accountBindingRequestDTO.js") as unknown as Ctor;
const { AccountUnbindingRequestDto } = sdk("_models/accountUnbindingRequestDTO.js") as {
  AccountUnbindingRequestDto: Ctor;
};
const Payment = sdk("_models/paymentRequestDirectDebitDTO.js") as Record<string, Ctor>;
const Balance = sdk("_models/balanceInquiryRequestDTO.js") as unknown as Ctor;
const Refund = sdk("_models/refundRequestDTO.js") as unknown as Ctor;
const Status = sdk("_models/checkStatusDirectDebitRequestDTO.js") as unknown as Ctor;

const IP = "192.168.100.10";
const CHANNEL = "EMONEY_OVO_SNAP";
let mock: RunningMock;
/** The SDK client methods this test calls (the SDK ships no types). */
interface SnapClient {
  tokenB2b2c: string;
  getTokenB2B(): Promise<Json>;
  doAccountBinding(dto: unknown, ip: string, deviceId: string): Promise<Json>;
  doPayment(dto: unknown, authCode: string, ip: string, deviceId: string): Promise<Json>;
  doBalanceInquiry(dto: unknown, authCode: string, ip: string): Promise<Json>;
  doRefund(dto: unknown, authCode: string, ip: string, deviceId: string): Promise<Json>;
  doCheckStatus(dto: unknown): Promise<Json>;
  doAccountUnbinding(dto: unknown, ip: string): Promise<Json>;
}
let snap: SnapClient;

beforeAll(async () => {
  ({ mock, snap } = await startSdk<SnapClient>());
});
afterAll(async () => {
  await mock?.close();
});

/**
 * Runtime workaround (SDK bug): CheckStatusDirectDebitDTO.toObject() calls additionalInfo.toObject(), yet its
 * validator refuses any key beside deviceId and channel and the SDK exports no class for it; a plain object
 * with toObject on its prototype satisfies both.
 */
class StatusInfo {
  readonly channel = CHANNEL;
  toObject() {
    return { channel: this.channel };
  }
}
const statusInfo = () => new StatusInfo();

const amount = (value: string) => new (Payment.TotalAmountDto as Ctor)(value, "IDR");

describe("doku-nodejs-library against the mock", () => {
  it("getTokenB2B gets a token with expiresIn", async () => {
    const token = await snap.getTokenB2B();
    expect(token).toMatchObject({ responseCode: "2007300", tokenType: "Bearer", expiresIn: 900 });
  });

  it("runs the direct debit flow with answers consistent with the requests", async () => {
    const bound = await step("doAccountBinding", () =>
      snap.doAccountBinding(
        new AccountBinding("62813941306101", {
          channel: CHANNEL,
          custIdMerchant: "cust-001",
          successRegistrationUrl: "https://merchant.example/ok",
          failedRegistrationUrl: "https://merchant.example/failed",
        }),
        IP,
        "device01",
      ),
    );
    expect(bound).toMatchObject({ responseCode: "2000700" });
    const authCode = (bound.additionalInfo as Json).authCode as string;
    expect(authCode).toBeTruthy();

    const ref = `INV-${Date.now()}`;
    const info = new (Payment.PaymentAdditionalInfoRequestDto as Ctor)(
      CHANNEL,
      "remarks",
      "https://m.example/ok",
      "https://m.example/no",
      [],
    );
    const paid = await step("doPayment", () =>
      snap.doPayment(
        new (Payment.PaymentRequestDto as Ctor)(ref, amount("15000.00"), [], info),
        authCode,
        IP,
        "device01",
      ),
    );
    expect(paid).toMatchObject({ responseCode: "2000500", partnerReferenceNo: ref });

    const balance = await step("doBalanceInquiry", () =>
      snap.doBalanceInquiry(new Balance({ channel: CHANNEL }), authCode, IP),
    );
    expect(balance.responseCode).toBe("2001100");
    expect((balance.accountInfos as { amount: Json }[])[0]?.amount).toEqual({
      value: "99985000.00",
      currency: "IDR",
    });

    const refund = (no: string, value: string) =>
      snap.doRefund(
        new Refund(ref, amount(value), no, "", "customer request", { channel: CHANNEL }),
        authCode,
        IP,
        "device01",
      );
    expect(await refund(`RF1-${Date.now()}`, "5000.00")).toMatchObject({
      responseCode: "2000700",
      refundAmount: { value: "5000.00", currency: "IDR" },
      originalPartnerReferenceNo: ref,
    });
    // The SDK rethrows DOKU's error answers (axios): a refund past what was paid is refused, 404 4040713.
    await expect(refund(`RF2-${Date.now()}`, "10000.01")).rejects.toMatchObject({
      response: { status: 404, data: { responseCode: "4040713", responseMessage: "Invalid Amount" } },
    });

    const status = await step("doCheckStatus", () =>
      snap.doCheckStatus(new Status(ref, "", "", "55", "", amount("15000.00"), "", "", "", statusInfo())),
    );
    expect(status, String(status.responseMessage)).toMatchObject({
      responseCode: "2005500",
      originalPartnerReferenceNo: ref,
      latestTransactionStatus: "00",
    });

    const tokenId = snap.tokenB2b2c;
    const unbound = await step("doAccountUnbinding", () =>
      snap.doAccountUnbinding(new AccountUnbindingRequestDto(tokenId, { channel: CHANNEL }), IP),
    );
    expect(unbound).toMatchObject({ responseCode: "2000900" });
  });
});
