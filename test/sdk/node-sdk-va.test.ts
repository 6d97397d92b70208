/**
 * DOKU's official Node SDK against the mock, VA methods: createVa -> checkStatusVa -> updateVa -> checkStatusVa
 * -> deletePaymentCode -> checkStatusVa. Every answer must be the success the request asked for and carry the
 * request's VA (partnerServiceId + customerNo, trxId); after the delete the VA is gone.
 *
 * The trxIds avoid the SDK's simulator prefixes (1110..1118: the SDK answers canned bodies itself, no request).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningMock } from "../../src/mock/index.js";
import { type Ctor, type Json, sdk, startSdk, step } from "./harness.js";

const CreateVa = sdk("_models/createVaRequestDto.js") as unknown as Ctor;
const AdditionalInfo = sdk("_models/additionalInfo.js") as unknown as Ctor;
const VaConfig = sdk("_models/virtualAccountConfig.js") as unknown as Ctor;
const TotalAmount = sdk("_models/totalAmount.js") as unknown as Ctor;
const UpdateVa = sdk("_models/updateVaRequestDTO.js") as unknown as Ctor;
const UpdateInfo = sdk("_models/updateVaAdditionalInfoDTO.js") as unknown as Ctor;
const UpdateConfig = sdk("_models/updateVaVirtualAccountConfigDTO.js") as unknown as Ctor;
const DeleteVa = sdk("_models/deleteVaRequestDTO.js") as unknown as Ctor;
const CheckStatusVa = sdk("_models/checkStatusVARequestDTO.js") as unknown as Ctor;

/** The SDK client methods this test calls (the SDK ships no types). */
interface SnapClient {
  createVa(dto: unknown): Promise<Json>;
  updateVa(dto: unknown): Promise<Json>;
  deletePaymentCode(dto: unknown): Promise<Json>;
  checkStatusVa(dto: unknown): Promise<Json>;
}
let mock: RunningMock;
let snap: SnapClient;

beforeAll(async () => {
  ({ mock, snap } = await startSdk<SnapClient>());
});
afterAll(async () => {
  await mock?.close();
});

const CHANNEL = "VIRTUAL_ACCOUNT_BNI";
const PSID = "98829172";
const expiry = () => new Date(Date.now() + 86_400_000).toISOString().replace(/\.\d{3}Z$/, "+00:00");

describe("doku-nodejs-library VA methods against the mock", () => {
  it("creates, updates, checks and deletes one VA, each answer bound to the request", async () => {
    const customerNo = String(Date.now()).slice(-10).padStart(20, "0");
    const vaNo = PSID + customerNo;
    const trxId = `INV-VA-${Date.now()}`;
    const status = () =>
      snap.checkStatusVa(new CheckStatusVa(PSID, customerNo, vaNo, undefined, undefined, undefined));

    const created = await step("createVa", () =>
      snap.createVa(
        new CreateVa(
          PSID,
          customerNo,
          vaNo,
          "Toru Yamashita",
          "toru@example.com",
          "081293912081",
          trxId,
          new TotalAmount("11500.00", "IDR"),
          new AdditionalInfo(CHANNEL, new VaConfig(false, undefined, undefined)),
          "C",
          expiry(),
          [],
        ),
      ),
    );
    expect(created, JSON.stringify(created)).toMatchObject({
      responseCode: "2002700",
      virtualAccountData: { partnerServiceId: PSID, customerNo, virtualAccountNo: vaNo, trxId },
    });

    const before = await step("checkStatusVa", status);
    expect(before, JSON.stringify(before)).toMatchObject({
      responseCode: "2002600",
      virtualAccountData: { virtualAccountNo: vaNo },
    });

    const updated = await step("updateVa", () =>
      snap.updateVa(
        new UpdateVa(
          PSID,
          customerNo,
          vaNo,
          "Toru Yamashita",
          "toru@example.com",
          "081293912081",
          trxId,
          new TotalAmount("12500.00", "IDR"),
          new UpdateInfo(CHANNEL, new UpdateConfig("ACTIVE", undefined, undefined)),
          "C",
          expiry(),
        ),
      ),
    );
    expect(updated, JSON.stringify(updated)).toMatchObject({
      responseCode: "2002800",
      virtualAccountData: { virtualAccountNo: vaNo, trxId },
    });

    const after = await step("checkStatusVa (after update)", status);
    expect(after, JSON.stringify(after)).toMatchObject({
      responseCode: "2002600",
      virtualAccountData: {
        virtualAccountNo: vaNo,
        billDetails: [{ billAmount: { value: "12500.00", currency: "IDR" } }],
      },
    });

    const deleted = await step("deletePaymentCode", () =>
      snap.deletePaymentCode(new DeleteVa(PSID, customerNo, vaNo, trxId, CHANNEL)),
    );
    expect(deleted, JSON.stringify(deleted)).toMatchObject({
      responseCode: "2003100",
      virtualAccountData: { virtualAccountNo: vaNo, trxId },
    });

    // The deleted VA is gone: its status is refused (the SDK rethrows DOKU's error answer).
    await expect(status()).rejects.toMatchObject({ response: { status: 404 } });
  });
});
