/**
 * The callback flows the kit plays as DOKU (CONTRACT.md `callback --flow`): which webhook operation DOKU
 * sends, which family signs it, and whether it is an inquiry (the answer carries a bill) or a notification
 * (the answer only acknowledges).
 */
export type FlowName =
  | "snap-va-inquiry"
  | "snap-va-payment"
  | "dana-payment"
  | "doku-va-inquiry"
  | "doku-va-notification";

/** SNAP callbacks use a bearer token and a --callback-auth mode; non-SNAP ones the HMAC component lines. */
export type FlowFamily = "snap" | "non-snap";

/** An inquiry answer carries data (a bill); a notification answer only acknowledges. */
export type CallbackKind = "inquiry" | "notification";

export interface Flow {
  name: FlowName;
  /** The webhook operation DOKU sends (generated/operations.ts id). */
  operationId: string;
  family: FlowFamily;
  kind: CallbackKind;
  summary: string;
}

/** The SNAP webhook DOKU calls first to get a bearer token from the merchant (--token-url). */
export const TOKEN_OPERATION_ID = "snapMerchantToken";

/** Every flow, by its CLI name. */
export const FLOWS: Readonly<Record<FlowName, Flow>> = {
  "snap-va-inquiry": {
    name: "snap-va-inquiry",
    operationId: "snapVaInquiry",
    family: "snap",
    kind: "inquiry",
    summary: "SNAP VA direct inquiry (service 24) to the merchant's Inquiry URL",
  },
  "snap-va-payment": {
    name: "snap-va-payment",
    operationId: "snapVaPaymentNotification",
    family: "snap",
    kind: "notification",
    summary: "SNAP VA payment notification (service 25) to the merchant's Notification URL",
  },
  "dana-payment": {
    name: "dana-payment",
    operationId: "danaPaymentNotification",
    family: "snap",
    kind: "notification",
    summary: "SNAP e-wallet (DANA) payment notification to the merchant's Notification URL",
  },
  "doku-va-inquiry": {
    name: "doku-va-inquiry",
    operationId: "dokuVaInquiry",
    family: "non-snap",
    kind: "inquiry",
    summary: "non-SNAP DOKU VA direct inquiry to the merchant's Inquiry URL (merchant signs its answer)",
  },
  "doku-va-notification": {
    name: "doku-va-notification",
    operationId: "dokuVaNotification",
    family: "non-snap",
    kind: "notification",
    summary: "non-SNAP HTTP Notification to the merchant's Notification URL",
  },
};

/** The flow names in CLI order. */
export const FLOW_NAMES = Object.keys(FLOWS) as FlowName[];

/** True when `value` names a flow. */
export function isFlowName(value: string): value is FlowName {
  return Object.hasOwn(FLOWS, value);
}
