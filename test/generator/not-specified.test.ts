import { describe, expect, it } from "vitest";
import { notSpecifiedRows } from "../../src/generator/not-specified.js";
import { SpecError } from "../../src/model/errors.js";

const ROW = { family: "snap-va", operation: "Old create", docUrl: "https://x.test/p", reason: "not visible" };
const doc = (rows: unknown) => ({ paths: { "/spec": { post: {} } }, "x-doku-not-specified": rows });

describe("notSpecifiedRows", () => {
  it("is empty without x-doku-not-specified and trims valid rows", () => {
    expect(notSpecifiedRows({})).toEqual([]);
    expect(
      notSpecifiedRows(
        doc([
          { ...ROW, reason: " spaced \n" },
          { ...ROW, operation: "B", method: "GET", path: "/spec" },
        ]),
      ),
    ).toEqual([
      { ...ROW, reason: "spaced" },
      { ...ROW, operation: "B", method: "GET", path: "/spec" },
    ]);
  });

  it.each([
    ["not a list", { a: 1 }, /must be a list/, "#/x-doku-not-specified"],
    ["not an object", ["x"], /must be an object/, "#/x-doku-not-specified/0"],
    ["an unknown key", [{ ...ROW, url: "u" }], /unknown key "url"/, "#/x-doku-not-specified/0/url"],
    [
      "no reason",
      [{ ...ROW, reason: " " }],
      /reason must be a non-empty string/,
      "#/x-doku-not-specified/0/reason",
    ],
    ["a non-kebab family", [{ ...ROW, family: "Snap VA" }], /kebab-case/, "#/x-doku-not-specified/0/family"],
    ["an http docUrl", [{ ...ROW, docUrl: "http://x" }], /https:\/\//, "#/x-doku-not-specified/0/docUrl"],
    ["a bad method", [{ ...ROW, method: "post" }], /method "post"/, "#/x-doku-not-specified/0/method"],
    [
      "a relative path",
      [{ ...ROW, method: "POST", path: "x" }],
      /must start with \//,
      "#/x-doku-not-specified/0/path",
    ],
    [
      "a path without method",
      [{ ...ROW, path: "/x" }],
      /needs its method/,
      "#/x-doku-not-specified/0/method",
    ],
    ["a duplicate row", [ROW, ROW], /duplicate not-specified row/, "#/x-doku-not-specified/1"],
    [
      "a row the specs specify",
      [{ ...ROW, method: "POST", path: "/spec" }],
      /remove the row/,
      "#/x-doku-not-specified/0/path",
    ],
  ])("rejects %s with a SpecError at its pointer", (_name, rows, message, pointer) => {
    let error: unknown;
    try {
      notSpecifiedRows(doc(rows));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SpecError);
    expect((error as SpecError).message).toMatch(message);
    expect((error as SpecError).pointer).toBe(pointer);
  });
});
