/**
 * Documented exceptions: findings of the seed audit the spec makes on purpose, each pointing at the record
 * that explains it (an x-doku-conflict id on the field or the operation, or x-doku-unconfirmed on the field).
 * The test fails on a finding not listed here, on an entry no finding needs any more, and on an entry whose
 * record is missing from the spec. Keys: `<seed> <operationId> <field> <aspect>` (see audit.ts).
 */
export interface SeedException {
  key: string;
  /** The x-doku-conflict id (field-level or operation-level) that records the choice. */
  conflict?: string;
  /** The field (or an enclosing object) carries x-doku-unconfirmed with the reason. */
  unconfirmed?: true;
  why: string;
}

const reusable = (op: string): SeedException => ({
  key: `001 ${op} virtual_account_info.reusable_status type`,
  conflict: "nonsnap-reusable-status-type",
  why: 'table types it "number"; its values true/false and every sample are JSON booleans',
});

const danaAuth = (op: string, aspect: string): SeedException => ({
  key: `004 ${op} Authorization ${aspect}`,
  conflict: "dana-authorization-example",
  why: 'the embed\'s Authorization example "95221" is the placeholder it repeats on three headers, not a Bearer token',
});

const btnAdvice = (field: string): SeedException => ({
  key: `000 snapBtnCreateVaV1 virtual_account_info.${field} advice-field`,
  conflict: "btn-v1-response-field-names",
  why: "the BTN v1.0 page names non-SNAP fields for a SNAP (service 27) response; a copy-paste from the DOKU VA page",
});

export const SEED_EXCEPTIONS: readonly SeedException[] = [
  btnAdvice("how_to_pay_page"),
  btnAdvice("how_to_pay_api"),
  btnAdvice("virtual_account_number"),
  reusable("dokuVaCreatePaymentCode"),
  reusable("dokuVaCreateMerchantPaymentCode"),
  reusable("dokuVaUpdatePaymentCode"),
  {
    key: "001 dokuVaCreateMerchantPaymentCode virtual_account_info.virtual_account_number type",
    conflict: "doku-va-mgpc-va-number-type",
    why: 'table "number", sample and response a string; 16 digits exceed IEEE-754 safe integers',
  },
  {
    key: "001 dokuVaInquiry virtual_account_info.virtual_account_number type",
    conflict: "doku-va-inquiry-va-number-type",
    why: 'table "number", sample a string and the response table types the same field string',
  },
  {
    key: "001 dokuVaUpdatePaymentCode order.invoice_number required-unstated",
    unconfirmed: true,
    why: 'the update table\'s Mandatory cell reads "Same as the generate VA request"; the sample sends it',
  },
  {
    key: "002 snapVaPaymentNotification CHANNEL-ID enum",
    conflict: "callback-channel-id-values",
    why: 'header tables say "Please fill with H2H"; DOKU\'s own callback embeds send VA004',
  },
  {
    key: "002 snapVaInquiry CHANNEL-ID enum",
    conflict: "callback-channel-id-values",
    why: 'header table says "Please fill with H2H"; the inquiry embed and its sample send VA004',
  },
  {
    key: "002 snapVaPaymentNotification paymentRequestId marker-conflict",
    conflict: "notification-required-markers",
    why: 'embed marker Optional, description "| Mandatory |"; spec follows the marker',
  },
  {
    key: "002 snapVaPaymentNotification virtualAccountTrxType marker-conflict",
    conflict: "notification-required-markers",
    why: 'embed marker Optional, description "| Mandatory |"; spec follows the marker',
  },
  {
    key: "002 snapUpdateVa virtualAccountTrxType marker-conflict",
    conflict: "update-trx-type-required",
    why: 'embed marker Optional, description "| Mandatory |"; spec follows the marker',
  },
  {
    key: "002 snapVaInquiry path@896 path",
    conflict: "inquiry-sample-path",
    why: "the inquiry is a callback to a merchant-chosen URL; the page shows the path three ways",
  },
  {
    key: "002 snapVaInquiry http-sample@1055 http-sample",
    conflict: "inquiry-sample-path",
    why: "the inquiry is a callback to a merchant-chosen URL; the page shows the path three ways",
  },
  {
    key: "002 snapVaPaymentNotification http-sample@1202 http-sample",
    conflict: "notification-sample-path",
    why: "the DGPC/MGPC sample posts to /v1.1/transfer-va/payment, the DIPC one to /v1/transfer-va/payment",
  },
  danaAuth("danaPayment", "example"),
  danaAuth("danaPayment", "header-sample"),
  danaAuth("danaRefund", "example"),
  danaAuth("danaRefund", "header-sample"),
  ...["danaPayment", "danaRefund"].map((op) => ({
    key: `004 ${op} X-DEVICE-ID required`,
    conflict: "device-id-required-by-channel",
    why: "one operation serves every channel; DOKU's SDKs require X-DEVICE-ID for DANA and ShopeePay only",
  })),
];
