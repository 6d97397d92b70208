import { describe, expect, it } from "vitest";
import { loadSpecBundle } from "../../conformance/bundle.js";

// CONTRACT.md "Operation ids": id, method, path (paths) and the documented service codes.
const PATHS: [string, string, string, string | undefined][] = [
  ["snapGetTokenB2b", "POST", "/authorization/v1/access-token/b2b", "73"],
  ["snapCreateVa", "POST", "/virtual-accounts/bi-snap-va/v1.1/transfer-va/create-va", "27"],
  ["snapUpdateVa", "PUT", "/virtual-accounts/bi-snap-va/v1.1/transfer-va/update-va", "28"],
  ["snapDeleteVa", "DELETE", "/virtual-accounts/bi-snap-va/v1.1/transfer-va/delete-va", "31"],
  ["snapCheckVaStatus", "POST", "/orders/v1.0/transfer-va/status", "26"],
  ["snapBtnCreateVaV1", "POST", "/bi-snap-va/btn/v1/transfer-va/create-va", "27"],
  ["danaPayment", "POST", "/direct-debit/core/v1/debit/payment-host-to-host", "05"],
  ["danaRefund", "POST", "/direct-debit/core/v1/debit/refund", "07"],
  ["dokuVaCreatePaymentCode", "POST", "/doku-virtual-account/v2/payment-code", undefined],
  ["dokuVaUpdatePaymentCode", "PATCH", "/doku-virtual-account/v2/payment-code", undefined],
  ["dokuVaCreateMerchantPaymentCode", "POST", "/doku-virtual-account/v2/merchant-payment-code", undefined],
  ["orderStatus", "GET", "/orders/v1/status/{invoiceNumber}", undefined],
];
const WEBHOOKS: [string, string | undefined][] = [
  ["snapMerchantToken", "73"],
  ["snapVaInquiry", "24"],
  ["snapVaPaymentNotification", "25"],
  ["danaPaymentNotification", undefined],
  ["dokuVaInquiry", undefined],
  ["dokuVaNotification", undefined],
];
const NON_SNAP = new Set([
  "dokuVaCreatePaymentCode",
  "dokuVaUpdatePaymentCode",
  "dokuVaCreateMerchantPaymentCode",
  "orderStatus",
  "dokuVaInquiry",
  "dokuVaNotification",
]);
// Issue 15: the remaining paths DOKU's five SDKs call, and the any-channel payment notification.
const ADDED: [string, "path" | "webhook", string, string | undefined][] = [
  ["snapGetTokenB2b2c", "path", "/authorization/v1/access-token/b2b2c", "74"],
  ["ddAccountBinding", "path", "/direct-debit/core/v1/registration-account-binding", undefined],
  ["ddAccountUnbinding", "path", "/direct-debit/core/v1/registration-account-unbinding", undefined],
  ["ddCardRegistration", "path", "/direct-debit/core/v1/registration-card-bind", undefined],
  ["ddCardUnbinding", "path", "/direct-debit/core/v1/registration-card-unbind", undefined],
  ["ddBalanceInquiry", "path", "/direct-debit/core/v1/balance-inquiry", undefined],
  ["ddDebitStatus", "path", "/orders/v1.0/debit/status", "55"],
  ["directDebitPaymentNotification", "webhook", "/v1.0/debit/notify", undefined],
];
// Issue 16 (checkout helper): DOKU Checkout, its notification, the card payment page and token list (non-SNAP).
const CHECKOUT: [string, "path" | "webhook", string][] = [
  ["checkoutCreatePayment", "path", "/checkout/v1/payment"],
  ["cardsCreatePaymentPage", "path", "/credit-card/v1/payment-page"],
  ["tokenizationGetTokenList", "path", "/tokenization/v1/tokens"],
  ["checkoutNotification", "webhook", "/payments/notifications"],
];
// Issue 16, QRIS and convenience stores: id, kind, path (webhooks: sample path), service code, auth.
const QRIS_O2O: [string, "path" | "webhook", string, string | undefined, string][] = [
  ["snapQrisGenerate", "path", "/snap-adapter/b2b/v1.0/qr/qr-mpm-generate", "47", "snap-symmetric"],
  ["alfaCreatePaymentCode", "path", "/alfa-virtual-account/v2/payment-code", undefined, "nonsnap-hmac"],
  [
    "indomaretCreatePaymentCode",
    "path",
    "/indomaret-online-to-offline/v2/payment-code",
    undefined,
    "nonsnap-hmac",
  ],
  ["alfaNotification", "webhook", "/payments/notifications", undefined, "nonsnap-hmac"],
  ["indomaretNotification", "webhook", "/payments/notifications", undefined, "nonsnap-hmac"],
];
// Issue 16 (ewallet): non-SNAP e-wallets, PayLater and digital banking.
const EWALLET: [string, string, string][] = [
  ["dokuWalletPayment", "/dokuwallet-emoney/v1/payment", "non-snap-ewallet"],
  ["ovoPushPayment", "/ovo-emoney/v1/payment", "non-snap-ewallet"],
  ["shopeePayOrder", "/shopeepay-emoney/v2/order", "non-snap-ewallet"],
  ["linkAjaPayment", "/linkaja-emoney/v2/ServiceRequestPayment", "non-snap-ewallet"],
  ["akulakuGenerateOrder", "/akulaku-peer-to-peer/v2/generate-order", "non-snap-paylater"],
  ["kredivoGenerateOrder", "/kredivo-peer-to-peer/v2/generate-order", "non-snap-paylater"],
  ["indodanaGenerateOrder", "/indodana-peer-to-peer/v2/generate-order", "non-snap-paylater"],
  ["jeniusPayPayment", "/jenius-digital-banking/v2/ServiceRequestPayment", "non-snap-digital-banking"],
];
const { operations } = await loadSpecBundle();

describe("specs cover every CONTRACT.md operation", () => {
  const byId = new Map(operations.map((op) => [op.id, op]));

  it("has exactly the 18 operation ids, plus the issue-15 ones", () => {
    expect([...byId.keys()].sort()).toEqual(
      [
        ...PATHS.map((p) => p[0]),
        ...WEBHOOKS.map((w) => w[0]),
        ...ADDED.map((a) => a[0]),
        ...CHECKOUT.map((c) => c[0]),
        ...QRIS_O2O.map((q) => q[0]),
        ...EWALLET.map((e) => e[0]),
      ].sort(),
    );
  });

  it.each(QRIS_O2O)("%s is a %s at %s", (id, kind, path, serviceCode, auth) => {
    const op = byId.get(id);
    expect(op).toMatchObject({ kind, method: "POST", auth });
    expect(op?.path).toBe(path);
    expect(op?.serviceCode).toBe(serviceCode);
  });

  it.each(ADDED)("%s is a %s at %s", (id, kind, path, serviceCode) => {
    const op = byId.get(id);
    expect(op).toMatchObject({ kind, method: "POST", path });
    if (serviceCode) expect(op?.serviceCode).toBe(serviceCode);
    expect(op?.auth).toBe(id === "snapGetTokenB2b2c" ? "snap-asymmetric-token" : "snap-symmetric");
  });

  it.each(EWALLET)("%s is a non-SNAP POST %s", (id, path) => {
    expect(byId.get(id)).toMatchObject({ kind: "path", method: "POST", path, auth: "nonsnap-hmac" });
    expect(byId.get(id)?.serviceCode).toBeUndefined();
    expect(byId.get(id)?.coverage?.status).toBe("partial");
  });

  it.each(operations.map((op) => [op.id, op] as const))(
    "%s says whether its sources were complete",
    (_, op) => {
      expect(op.coverage?.status).toMatch(/^(complete|partial)$/);
      if (op.coverage?.status === "partial") expect(op.coverage.missing.length).toBeGreaterThan(20);
    },
  );

  it.each(CHECKOUT)("%s is a non-SNAP %s at %s", (id, kind, path) => {
    const op = byId.get(id);
    expect(op).toMatchObject({ kind, method: "POST", path, auth: "nonsnap-hmac" });
    expect(op?.serviceCode).toBeUndefined();
  });

  it.each(PATHS)("%s is %s %s", (id, method, path, serviceCode) => {
    const op = byId.get(id);
    expect(op).toMatchObject({ kind: "path", method, path });
    if (serviceCode) expect(op?.serviceCode).toBe(serviceCode);
  });

  it.each(WEBHOOKS)("%s is a webhook", (id, serviceCode) => {
    const op = byId.get(id);
    expect(op?.kind).toBe("webhook");
    if (serviceCode) expect(op?.serviceCode).toBe(serviceCode);
  });

  it.each([...PATHS.map((p) => p[0]), ...WEBHOOKS.map((w) => w[0])])("%s names its source and auth", (id) => {
    const op = byId.get(id);
    expect(op?.source).toMatch(/^(00[0-4]_[0-9a-f]{16}\.txt|https:\/\/)/);
    if (id === "snapGetTokenB2b" || id === "snapMerchantToken")
      expect(op?.auth).toBe("snap-asymmetric-token");
    else expect(op?.auth).toBe(NON_SNAP.has(id) ? "nonsnap-hmac" : "snap-symmetric");
    // A SNAP service code is two digits where DOKU documents one; none is invented where it does not.
    if (op?.serviceCode !== undefined) expect(op.serviceCode).toMatch(/^[0-9]{2}$/);
    if (NON_SNAP.has(id)) expect(op?.serviceCode).toBeUndefined();
  });

  it("marks the BTN v1.0 archive operation deprecated", () => {
    expect(byId.get("snapBtnCreateVaV1")?.deprecated).toBe(true);
  });

  it("records how DOKU authenticates SNAP callbacks as a conflict", () => {
    for (const id of ["snapVaInquiry", "snapVaPaymentNotification"]) {
      expect(byId.get(id)?.conflicts.length, id).toBeGreaterThan(0);
    }
  });
});
