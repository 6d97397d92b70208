/**
 * The DOKU facts extensions: the generator refuses malformed ones with a SpecError naming the pointer, and the
 * DOKU specs declare exactly the facts the engine used to hard-code (flows, token operations, read-only ones).
 */
import { describe, expect, it } from "vitest";
import { loadSpecBundle } from "../../conformance/bundle.js";
import { callbackTokenOperation, flowsOf, requireFlow } from "../../src/callbacks/flows.js";
import type { OpenApiDocument } from "../../src/generator/bundle.js";
import { buildOperations } from "../../src/generator/operations.js";
import { startMock } from "../../src/mock/index.js";
import { SpecError, UsageError } from "../../src/model/errors.js";
import { docOperation } from "../generator/doc-operation.js";

const op = docOperation;

/** A document with a create at /a, the operation under test at /b/{no}, and a webhook. */
const doc = (extra: Record<string, unknown>, webhook: Record<string, unknown> = {}): OpenApiDocument => ({
  openapi: "3.1.0",
  paths: {
    "/a": { post: op("create", {}) },
    "/b/{no}": {
      parameters: [{ name: "no", in: "path", required: true, schema: { type: "string" } }],
      get: op("subject", extra),
    },
  },
  webhooks: { hook: { post: op("hook", webhook) } },
});

const at = "#/paths/~1b~1{no}/get";

describe("x-doku-* facts in the generator", () => {
  it.each<[string, Record<string, unknown>, string]>([
    ["setup without bind", { "x-doku-setup": { creates: "create" } }, `${at}/x-doku-setup`],
    [
      "setup from an unknown place",
      { "x-doku-setup": { creates: "create", bind: [{ from: "body:/x", to: "/x" }] } },
      `${at}/x-doku-setup`,
    ],
    [
      "setup into a missing path parameter",
      { "x-doku-setup": { creates: "create", bind: [{ from: "request:/x", to: "path:nope" }] } },
      `${at}/x-doku-setup`,
    ],
    [
      "setup creating an unknown operation",
      { "x-doku-setup": { creates: "nope", bind: [{ from: "request:/x", to: "path:no" }] } },
      `${at}/x-doku-setup/creates`,
    ],
    ["unique keys without pointers", { "x-doku-unique-keys": [{ space: "s" }] }, `${at}/x-doku-unique-keys`],
    [
      "unique keys with a bad space",
      { "x-doku-unique-keys": [{ space: "S S", pointers: ["/x"] }] },
      `${at}/x-doku-unique-keys`,
    ],
    ["read-only false", { "x-doku-read-only": false }, `${at}/x-doku-read-only`],
    ["an unknown role", { "x-doku-role": "admin" }, `${at}/x-doku-role`],
    [
      "a flow on a path",
      { "x-doku-flow": { name: "f", kind: "inquiry", summary: "s" } },
      `${at}/x-doku-flow`,
    ],
    ["a mock behaviour in camelCase", { "x-doku-mock": "createVa" }, `${at}/x-doku-mock`],
  ])("%s is a SpecError at its pointer", (_name, extra, pointer) => {
    const error = (() => {
      try {
        buildOperations(doc(extra));
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(SpecError);
    expect((error as SpecError).message).toMatch(/^operation subject: x-doku-/);
    expect((error as SpecError).pointer).toBe(pointer);
  });

  it("a flow of an unknown kind on a webhook is a SpecError", () => {
    expect(() =>
      buildOperations(doc({}, { "x-doku-flow": { name: "f", kind: "ping", summary: "s" } })),
    ).toThrow(/x-doku-flow kind must be one of inquiry, notification/);
  });

  it("carries well-formed facts into the table", () => {
    const { operations } = buildOperations(
      doc(
        {
          "x-doku-setup": { creates: "create", bind: [{ from: "request:/no", to: "path:no" }] },
          "x-doku-read-only": true,
          "x-doku-mock": "lookup",
        },
        { "x-doku-flow": { name: "hook-flow", kind: "notification", summary: "s" }, "x-doku-role": "token" },
      ),
    );
    const [, subject, hook] = operations;
    expect(subject).toMatchObject({ readOnly: true, mock: "lookup", setup: { creates: "create" } });
    expect(hook).toMatchObject({ role: "token", flow: { name: "hook-flow", kind: "notification" } });
    expect(operations[0]).not.toHaveProperty("setup");
  });
});

describe("the DOKU specs' facts", () => {
  it("declare the five CONTRACT.md flows, as the kit played them before they were data", async () => {
    const bundle = await loadSpecBundle();
    expect(flowsOf(bundle)).toEqual({
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
      "direct-debit-payment": {
        name: "direct-debit-payment",
        operationId: "directDebitPaymentNotification",
        family: "snap",
        kind: "notification",
        summary:
          "SNAP direct debit / e-wallet payment notification (any channel) to the merchant's Notification URL",
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
      "checkout-notification": {
        name: "checkout-notification",
        operationId: "checkoutNotification",
        family: "non-snap",
        kind: "notification",
        summary: "non-SNAP HTTP Notification of a DOKU Checkout order to the merchant's Notification URL",
      },
      "alfa-notification": {
        name: "alfa-notification",
        operationId: "alfaNotification",
        family: "non-snap",
        kind: "notification",
        summary: "non-SNAP HTTP Notification after an Alfa Group store payment",
      },
      "indomaret-notification": {
        name: "indomaret-notification",
        operationId: "indomaretNotification",
        family: "non-snap",
        kind: "notification",
        summary: "non-SNAP HTTP Notification after an Indomaret store payment",
      },
    });
    expect(() => requireFlow(bundle, "doku-va-refund")).toThrow(UsageError);
    expect(() => requireFlow(bundle, "toString")).toThrow(/unknown flow; expected one of snap-va-inquiry, /);
  });

  it("name the token operations and the read-only ones", async () => {
    const { operations } = await loadSpecBundle();
    expect(callbackTokenOperation({ operations }).id).toBe("snapMerchantToken");
    expect(operations.filter((o) => o.role === "token").map((o) => o.id)).toEqual([
      "snapGetTokenB2b",
      "snapMerchantToken",
    ]);
    expect(operations.filter((o) => o.readOnly).map((o) => o.id)).toEqual([
      "snapGetTokenB2b",
      "snapCheckVaStatus",
      "ddBalanceInquiry",
      "ddDebitStatus",
      "orderStatus",
      "tokenizationGetTokenList",
    ]);
  });

  it("name mock behaviours the mock has; an unknown one stops the mock at start", async () => {
    const bundle = await loadSpecBundle();
    const operations = bundle.operations.map((o) =>
      o.mock === "create-va" ? { ...o, mock: "create-widget" } : o,
    );
    await expect(startMock({ bundle: { ...bundle, operations } })).rejects.toThrow(
      /operation snapCreateVa: x-doku-mock "create-widget" is not a mock behaviour; known: create-va, /,
    );
  });
});
