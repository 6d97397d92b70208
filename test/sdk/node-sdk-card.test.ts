/**
 * DOKU's official Node SDK against the mock: card registration (BRI, the SDK's only card channel), payment with
 * the card's authCode, card unbinding, and the jump-app payment (doPaymentJumpApp, a B2B token only). Every
 * answer must be the success the request asked for and consistent with it.
 *
 * Runtime workarounds (SDK bugs), each at its use: CardRegistrationRequestDTO.toObject() calls
 * additionalInfo.toObject() but the SDK exports no additional-info class for it; doRegistrationCardBind resolves
 * the whole axios response instead of its body (the test reads `.data`).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningMock } from "../../src/mock/index.js";
import { type Ctor, type Json, sdk, startSdk, step } from "./harness.js";

const CardRegistration = sdk("_models/cardRegistrationRequestDTO.js") as unknown as Ctor;
const CardUnbind = sdk("_models/cardUnregistUnbindRequestDTO.js") as unknown as Ctor;
const JumpApp = sdk("_models/paymentJumpAppRequestDTO.js") as unknown as Ctor;
const Payment = sdk("_models/paymentRequestDirectDebitDTO.js") as Record<string, Ctor>;

const IP = "192.168.100.10";
const CARD_CHANNEL = "DIRECT_DEBIT_BRI_SNAP";
/** The SDK client methods this test calls (the SDK ships no types). */
interface SnapClient {
  doRegistrationCardBind(dto: unknown): Promise<Json>;
  doUnRegistCardUnBind(dto: unknown): Promise<Json>;
  doPayment(dto: unknown, authCode: string, ip: string, deviceId: string): Promise<Json>;
  doPaymentJumpApp(dto: unknown, ip: string, deviceId: string): Promise<Json>;
}
let mock: RunningMock;
let snap: SnapClient;

beforeAll(async () => {
  ({ mock, snap } = await startSdk<SnapClient>());
});
afterAll(async () => {
  await mock?.close();
});

/** Runtime workaround (SDK bug): the card DTO calls additionalInfo.toObject(), a class the SDK does not export. */
class CardInfo {
  readonly channel = CARD_CHANNEL;
  readonly successRegistrationUrl = "https://merchant.example/ok";
  readonly failedRegistrationUrl = "https://merchant.example/failed";
  toObject() {
    return { ...this };
  }
}

const amount = (value: string) => new (Payment.TotalAmountDto as Ctor)(value, "IDR");

describe("doku-nodejs-library card and jump-app operations against the mock", () => {
  it("registers a card, pays with its authCode, then unbinds it", async () => {
    const cardData = { bankCardNo: "5221843000000001", bankCardType: "D", expiryDate: "1229" };
    const registered = await step("doRegistrationCardBind", () =>
      snap.doRegistrationCardBind(
        new CardRegistration(cardData, "cust001", "62813941306101", new CardInfo()),
      ),
    );
    // SDK bug: the answer is the axios response; DOKU's body is its data.
    const body = (registered.data ?? registered) as Json;
    expect(body, JSON.stringify(body)).toMatchObject({ responseCode: "2000100" });
    const authCode = String(body.authCode ?? (body.additionalInfo as Json | undefined)?.authCode ?? "");
    expect(authCode).not.toBe("");

    const ref = `CARD-${Date.now()}`;
    // A fresh additionalInfo per call: the SDK adds an origin to the one it sends, then its validator refuses it.
    const info = () =>
      new (Payment.PaymentAdditionalInfoRequestDto as Ctor)(
        CARD_CHANNEL,
        "remarks",
        "https://m.example/ok",
        "https://m.example/no",
        [],
      );
    const paid = await step("doPayment (card)", () =>
      snap.doPayment(
        new (Payment.PaymentRequestDto as Ctor)(ref, amount("25000.00"), [], info()),
        authCode,
        IP,
        "device01",
      ),
    );
    expect(paid, JSON.stringify(paid)).toMatchObject({ responseCode: "2000500", partnerReferenceNo: ref });

    const unbound = await step("doUnRegistCardUnBind", () =>
      snap.doUnRegistCardUnBind(new CardUnbind(authCode, { channel: CARD_CHANNEL })),
    );
    expect(unbound, JSON.stringify(unbound)).toMatchObject({ responseCode: "2000500" });
    // Unbinding ends the binding: the card's authCode no longer pays (the SDK rethrows DOKU's error answer).
    const again = new (Payment.PaymentRequestDto as Ctor)(`${ref}-2`, amount("1000.00"), [], info());
    await expect(snap.doPayment(again, authCode, IP, "device01")).rejects.toMatchObject({
      response: { status: 401 },
    });
  });

  it("doPaymentJumpApp pays on a B2B token alone, answered for its own partnerReferenceNo", async () => {
    const ref = `JUMP-${Date.now()}`;
    const validUpTo = new Date(Date.now() + 3_600_000).toISOString();
    const dto = new JumpApp(
      ref,
      { value: "12000.00", currency: "IDR" },
      [{ url: "https://merchant.example/return", type: "PAY_RETURN", isDeepLink: "N" }],
      validUpTo,
      "app",
      { channel: "EMONEY_SHOPEE_PAY_SNAP", orderTitle: "order" },
    );
    const paid = await step("doPaymentJumpApp", () => snap.doPaymentJumpApp(dto, IP, "device01"));
    expect(paid, JSON.stringify(paid)).toMatchObject({ responseCode: "2000500", partnerReferenceNo: ref });
  });
});
