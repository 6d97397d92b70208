/**
 * x-doku-simulate: the generator refuses a malformed declaration with a SpecError at its pointer, checks the
 * flows it names, and the DOKU specs declare the two VA families the simulator implements.
 */
import { describe, expect, it } from "vitest";
import { loadSpecBundle } from "../../conformance/bundle.js";
import type { OpenApiDocument } from "../../src/generator/bundle.js";
import { buildOperations } from "../../src/generator/operations.js";
import { SpecError } from "../../src/model/errors.js";
import { SIMULATOR_FAMILIES, startSimulator } from "../../src/simulator/index.js";
import { docOperation } from "../generator/doc-operation.js";

const op = docOperation;

const good = {
  family: "widget-va",
  kind: "va",
  notification: "widget-paid",
  inquiry: "widget-ask",
  retryAfterSeconds: [1800, 21600, 43200],
};

/** A creating operation with `simulate` (and a mock behaviour unless `mock` is false), two webhooks. */
const doc = (simulate: unknown, mock = true): OpenApiDocument => ({
  openapi: "3.1.0",
  paths: {
    "/a": {
      post: op("create", {
        ...(mock ? { "x-doku-mock": "create-widget" } : {}),
        "x-doku-simulate": simulate,
      }),
    },
  },
  webhooks: {
    paid: {
      post: op("paid", { "x-doku-flow": { name: "widget-paid", kind: "notification", summary: "s" } }),
    },
    ask: { post: op("ask", { "x-doku-flow": { name: "widget-ask", kind: "inquiry", summary: "s" } }) },
  },
});

const errorOf = (d: OpenApiDocument): SpecError => {
  try {
    buildOperations(d);
  } catch (e) {
    return e as SpecError;
  }
  throw new Error("no SpecError");
};

describe("x-doku-simulate in the generator", () => {
  it.each<[string, unknown, boolean, RegExp, string]>([
    ["not an object", "snap-va", true, /must be \{family/, ""],
    ["a camelCase family", { ...good, family: "widgetVa" }, true, /family is missing or not kebab-case/, ""],
    ["no notification", { ...good, notification: undefined }, true, /notification is missing/, ""],
    ["descending retries", { ...good, retryAfterSeconds: [60, 30] }, true, /retryAfterSeconds/, ""],
    ["fractional retries", { ...good, retryAfterSeconds: [1.5] }, true, /retryAfterSeconds/, ""],
    ["no mock behaviour", good, false, /x-doku-mock behaviour only/, ""],
    [
      "a notification that is an inquiry",
      { ...good, notification: "widget-ask" },
      true,
      /not a webhook x-doku-flow of kind notification/,
      "/notification",
    ],
    [
      "an unknown inquiry flow",
      { ...good, inquiry: "nope" },
      true,
      /not a webhook x-doku-flow of kind inquiry/,
      "/inquiry",
    ],
    [
      "a notificationBy without a pointer",
      { ...good, notificationBy: { pointer: "channel", flows: { A: "widget-paid" } } },
      true,
      /notificationBy is not \{pointer/,
      "",
    ],
    [
      "a notificationBy flow that is an inquiry",
      { ...good, notificationBy: { pointer: "/channel", flows: { A: "widget-ask" } } },
      true,
      /notificationBy A "widget-ask" is not a webhook x-doku-flow of kind notification/,
      "/notificationBy/flows/A",
    ],
  ])("%s is a SpecError at its pointer", (_name, simulate, mock, message, suffix) => {
    const error = errorOf(doc(simulate, mock));
    expect(error).toBeInstanceOf(SpecError);
    expect(error.message).toMatch(message);
    expect(error.pointer).toBe(`#/paths/~1a/post/x-doku-simulate${suffix}`);
  });

  it("carries a well-formed declaration into the table", () => {
    const { operations } = buildOperations(doc(good));
    expect(operations[0]?.simulate).toEqual(good);
    const by = { ...good, notificationBy: { pointer: "/channel", flows: { A: "widget-paid" } } };
    expect(buildOperations(doc(by)).operations[0]?.simulate).toEqual(by);
  });
});

describe("the DOKU specs' simulate facts", () => {
  it("declare snap-va, direct-debit, non-snap-va, checkout and the stores with DOKU's retry schedule, and every family is implemented", async () => {
    const bundle = await loadSpecBundle();
    const declared = bundle.operations.flatMap((o) =>
      o.simulate ? [[o.id, o.simulate.family, o.simulate.notification]] : [],
    );
    expect(declared).toEqual([
      ["snapCreateVa", "snap-va", "snap-va-payment"],
      ["danaPayment", "direct-debit", "direct-debit-payment"],
      ["dokuVaCreatePaymentCode", "non-snap-va", "doku-va-notification"],
      ["dokuVaCreateMerchantPaymentCode", "non-snap-va", "doku-va-notification"],
      ["checkoutCreatePayment", "checkout", "checkout-notification"],
      ["alfaCreatePaymentCode", "o2o-alfa", "alfa-notification"],
      ["indomaretCreatePaymentCode", "o2o-indomaret", "indomaret-notification"],
    ]);
    for (const o of bundle.operations)
      if (o.simulate) {
        expect(o.simulate.retryAfterSeconds).toEqual([1800, 21600, 43200]);
        expect(Object.keys(SIMULATOR_FAMILIES)).toContain(o.simulate.family);
      }
  });

  it("give DANA its own notification flow by channel (data, not code)", async () => {
    const bundle = await loadSpecBundle();
    const dana = bundle.operations.find((o) => o.id === "danaPayment");
    expect(dana?.simulate?.notificationBy).toEqual({
      pointer: "/additionalInfo/channel",
      flows: { EMONEY_DANA_SNAP: "dana-payment" },
    });
  });

  it("an unknown family stops the simulator at start", async () => {
    const bundle = await loadSpecBundle();
    const operations = bundle.operations.map((o) =>
      o.id === "snapCreateVa" && o.simulate
        ? { ...o, simulate: { ...o.simulate, family: "snap-widget" } }
        : o,
    );
    await expect(startSimulator({ bundle: { ...bundle, operations } })).rejects.toThrow(
      /x-doku-simulate family "snap-widget" is not a simulator family/,
    );
  });
});
