/**
 * What the SDK-built merchant answers per flow. Guarded: string response codes with the callback's service
 * code (24 inquiry, 25 VA payment, 56 DANA payment). Unguarded: the SDK's generateNotificationResponse /
 * generateInvalidTokenResponse for notifications (numeric 2002700 / 4012701) and its README's 4010000 for
 * a refused inquiry.
 */
import { notificationService } from "./sdk.js";

/** The flows the SDK-built merchant serves. */
export type SdkFlow = "snap-va-inquiry" | "snap-va-payment" | "dana-payment";

/** The reference bill: partnerServiceId + customerNo (23 digits, within BNI's limit). */
export const SDK_BILL = { partnerServiceId: "98827340", customerNo: "000000000000001" };

const SERVICE: Record<SdkFlow, string> = {
  "snap-va-inquiry": "24",
  "snap-va-payment": "25",
  "dana-payment": "56",
};

interface Callback {
  partnerServiceId?: string;
  customerNo?: string;
  virtualAccountNo?: string;
  virtualAccountName?: string;
  inquiryRequestId?: string;
  paymentRequestId?: string;
}

function inquiryAnswer(body: Callback): { status: number; body: unknown } {
  const known =
    body.partnerServiceId === SDK_BILL.partnerServiceId && body.customerNo === SDK_BILL.customerNo;
  if (!known) return { status: 404, body: { responseCode: "4042412", responseMessage: "Bill not found" } };
  return {
    status: 200,
    body: {
      responseCode: "2002400",
      responseMessage: "Successful",
      virtualAccountData: {
        partnerServiceId: body.partnerServiceId,
        customerNo: body.customerNo,
        virtualAccountNo: `${body.partnerServiceId}${body.customerNo}`,
        virtualAccountName: "Toru Yamashita",
        totalAmount: { value: "11500.00", currency: "IDR" },
        virtualAccountTrxType: "C",
        inquiryStatus: "00",
        inquiryReason: { english: "Success", indonesia: "Sukses" },
        inquiryRequestId: body.inquiryRequestId ?? "",
      },
    },
  };
}

/** The merchant's answer to a callback it accepted (`ok`) or refused. */
export function answer(
  flow: SdkFlow,
  ok: boolean,
  json: unknown,
  guarded: boolean,
): { status: number; body: unknown } {
  const body = (typeof json === "object" && json !== null ? json : {}) as Callback;
  const svc = SERVICE[flow];
  if (!ok) {
    if (guarded)
      return { status: 401, body: { responseCode: `401${svc}01`, responseMessage: "Unauthorized" } };
    if (flow === "snap-va-inquiry")
      return { status: 401, body: { responseCode: "4010000", responseMessage: "Unauthorized" } };
    return { status: 401, body: notificationService.generateInvalidTokenResponse(body) };
  }
  if (flow === "snap-va-inquiry") return inquiryAnswer(body);
  if (!guarded) return { status: 200, body: notificationService.generateNotificationResponse(body) };
  if (flow === "dana-payment")
    return { status: 200, body: { responseCode: "2005600", responseMessage: "Successful" } };
  return {
    status: 200,
    body: {
      responseCode: "2002500",
      responseMessage: "Success",
      virtualAccountData: {
        partnerServiceId: body.partnerServiceId,
        customerNo: body.customerNo,
        virtualAccountNo: body.virtualAccountNo,
        virtualAccountName: body.virtualAccountName,
        ...(body.paymentRequestId === undefined ? {} : { paymentRequestId: body.paymentRequestId }),
      },
    },
  };
}
