/** The known pages are spec data (specs/doc-pages.yaml, bundled as x-doku-pages); a malformed entry is a SpecError. */
import { describe, expect, it } from "vitest";
import { knownPagesOf } from "../../src/docs/known-pages.js";
import { SpecError } from "../../src/model/errors.js";
import { KNOWN_PAGES } from "../specs/seeds/load.js";

const page = { id: "009", file: "f.txt", title: "T", marker: "M", headings: [{ text: "H", ops: ["op"] }] };

describe("knownPagesOf", () => {
  it("reads the five seed pages from the bundled specs, with their statement targets", () => {
    expect(KNOWN_PAGES.map((p) => p.id)).toEqual(["000", "001", "002", "003", "004"]);
    expect(KNOWN_PAGES[0]?.paymentCodeLimit).toEqual({ op: "snapVaInquiry", channel: "VIRTUAL_ACCOUNT_BTN" });
    expect(KNOWN_PAGES[1]?.adviceTargets?.map((t) => t.op)).toEqual([
      "dokuVaCreatePaymentCode",
      "dokuVaCreateMerchantPaymentCode",
    ]);
  });

  it("is empty without x-doku-pages, and keeps a well-formed entry as written", () => {
    expect(knownPagesOf({})).toEqual([]);
    expect(knownPagesOf({ "x-doku-pages": [page] })).toEqual([page]);
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
  ])("refuses %s as a SpecError at its pointer", (_name, document, pointer) => {
    expect(() => knownPagesOf(document)).toThrow(SpecError);
    expect(() => knownPagesOf(document)).toThrow(pointer);
  });
});
