/** The known pages are spec data (specs/doc-pages.yaml, bundled as x-doku-pages); a malformed entry is a SpecError. */
import { describe, expect, it } from "vitest";
import { knownPagesOf } from "../../src/docs/known-pages.js";
import { SpecError } from "../../src/model/errors.js";
import { KNOWN_PAGES } from "../specs/seeds/load.js";

const OVERVIEW = {
  billingTypeRules: ["a"],
  billingTypeEnum: { op: "b", field: "x.y" },
  binRules: "a",
  reusableDefault: { op: "a", field: "z" },
  bankChannels: { BCA: ["VIRTUAL_ACCOUNT_BCA"] },
};
const page = { id: "009", file: "f.txt", title: "T", marker: "M", headings: [{ text: "H", ops: ["op"] }] };

describe("knownPagesOf", () => {
  it("reads the five seed pages from the bundled specs, with their statement targets", () => {
    expect(KNOWN_PAGES.map((p) => p.id)).toEqual(["000", "001", "002", "003", "004"]);
    expect(KNOWN_PAGES[0]?.paymentCodeLimit).toEqual({ op: "snapVaInquiry", channel: "VIRTUAL_ACCOUNT_BTN" });
    expect(KNOWN_PAGES[1]?.adviceTargets?.map((t) => t.op)).toEqual([
      "dokuVaCreatePaymentCode",
      "dokuVaCreateMerchantPaymentCode",
    ]);
    expect(KNOWN_PAGES[2]?.openAmountOp).toBe("snapCreateVa");
    expect(KNOWN_PAGES[3]?.overview).toMatchObject({
      billingTypeRules: ["snapCreateVa", "snapUpdateVa"],
      billingTypeEnum: { op: "dokuVaCreatePaymentCode", field: "virtual_account_info.billing_type" },
      binRules: "snapCreateVa",
      reusableDefault: { op: "snapCreateVa" },
    });
    expect(KNOWN_PAGES[3]?.overview?.bankChannels.BCA).toEqual(["VIRTUAL_ACCOUNT_BCA"]);
  });

  it("is empty without x-doku-pages, and keeps a well-formed entry as written", () => {
    expect(knownPagesOf({})).toEqual([]);
    expect(knownPagesOf({ "x-doku-pages": [page] })).toEqual([page]);
    const full = { ...page, openAmountOp: "a", overview: OVERVIEW };
    expect(knownPagesOf({ "x-doku-pages": [full] })).toEqual([full]);
  });

  it.each([
    ["not a list", { "x-doku-pages": {} }, "#/x-doku-pages"],
    ["a page without a marker", { "x-doku-pages": [{ ...page, marker: 1 }] }, "#/x-doku-pages/0"],
    [
      "a heading whose ops are not strings",
      { "x-doku-pages": [{ ...page, headings: [{ text: "H", ops: [1] }] }] },
      "#/x-doku-pages/0/headings/0",
    ],
    [
      "advice targets that are not a list",
      { "x-doku-pages": [{ ...page, adviceTargets: {} }] },
      "#/x-doku-pages/0/adviceTargets",
    ],
    [
      "an open-amount target that is not a string",
      { "x-doku-pages": [{ ...page, openAmountOp: 1 }] },
      "#/x-doku-pages/0/openAmountOp",
    ],
    [
      "an overview without its BIN rules operation",
      { "x-doku-pages": [{ ...page, overview: { ...OVERVIEW, binRules: undefined } }] },
      "#/x-doku-pages/0/overview/binRules",
    ],
    [
      "an overview field target without a field",
      { "x-doku-pages": [{ ...page, overview: { ...OVERVIEW, reusableDefault: { op: "a" } } }] },
      "#/x-doku-pages/0/overview/reusableDefault",
    ],
    [
      "bank channels that are not lists",
      { "x-doku-pages": [{ ...page, overview: { ...OVERVIEW, bankChannels: { BCA: "X" } } }] },
      "#/x-doku-pages/0/overview/bankChannels",
    ],
  ])("refuses %s as a SpecError at its pointer", (_name, document, pointer) => {
    expect(() => knownPagesOf(document)).toThrow(SpecError);
    expect(() => knownPagesOf(document)).toThrow(pointer);
  });
});
