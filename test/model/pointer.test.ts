/** RFC 6901 JSON Pointers (src/model/pointer.ts): every layer parses, formats and reads pointers here. */
import { describe, expect, it } from "vitest";
import {
  childPointer,
  dottedPath,
  escapeToken,
  parsePointer,
  toPointer,
  unescapeToken,
  valueAt,
  valueAtTokens,
} from "../../src/model/pointer.js";

const doc = {
  a: { b: "ab" },
  "a/b": "slash",
  "m~n": "tilde",
  "~1": "escaped-looking key",
  "": "empty key",
  list: [10, { x: 1 }],
  nothing: null,
};

describe("escapeToken / unescapeToken", () => {
  it.each([
    ["plain", "plain"],
    ["a/b", "a~1b"],
    ["m~n", "m~0n"],
    ["~1", "~01"],
    ["/~", "~1~0"],
    ["", ""],
  ])("%j <-> %j", (token, escaped) => {
    expect(escapeToken(token)).toBe(escaped);
    expect(unescapeToken(escaped)).toBe(token);
  });
});

describe("parsePointer / toPointer", () => {
  it.each<[string, string[]]>([
    ["", []],
    ["/", [""]],
    ["/a/b", ["a", "b"]],
    ["/a~1b", ["a/b"]],
    ["/m~0n", ["m~n"]],
    ["/~01", ["~1"]],
    ["/list/0", ["list", "0"]],
    ["/headers/X-SIGNATURE", ["headers", "X-SIGNATURE"]],
  ])("%j", (pointer, tokens) => {
    expect(parsePointer(pointer)).toEqual(tokens);
    expect(toPointer(tokens)).toBe(pointer);
  });

  it("rejects a string that is not a pointer", () => {
    expect(() => parsePointer("a/b")).toThrow(/not a JSON pointer: "a\/b"/);
  });

  it("returns a fresh array each time (the memo cannot be mutated by a caller)", () => {
    const first = parsePointer("/a/b");
    first.push("c");
    expect(parsePointer("/a/b")).toEqual(["a", "b"]);
  });

  it("formats numeric tokens", () => {
    expect(toPointer(["list", 1, "x"])).toBe("/list/1/x");
  });
});

describe("childPointer", () => {
  it.each<[string, string | number, string]>([
    ["", "a", "/a"],
    ["/a", "b/c", "/a/b~1c"],
    ["/a", "~", "/a/~0"],
    ["/list", 3, "/list/3"],
  ])("%j + %j", (pointer, token, want) => {
    expect(childPointer(pointer, token)).toBe(want);
  });
});

describe("valueAt", () => {
  it.each<[string, unknown]>([
    ["", doc],
    ["/a/b", "ab"],
    ["/a~1b", "slash"],
    ["/m~0n", "tilde"],
    ["/~01", "escaped-looking key"],
    ["/", "empty key"],
    ["/list/0", 10],
    ["/list/1/x", 1],
    ["/nothing", null],
    ["/missing", undefined],
    ["/a/b/c", undefined],
    ["/nothing/x", undefined],
    ["/list/2", undefined],
    ["/list/01", undefined],
    ["/list/-", undefined],
    ["/list/length", undefined],
    ["/a/toString", undefined],
  ])("%j", (pointer, want) => {
    expect(valueAt(doc, pointer)).toEqual(want);
  });

  it("stops after `upTo` tokens (the parent of a pointer)", () => {
    expect(valueAtTokens(doc, ["list", "1", "x"], 2)).toEqual({ x: 1 });
  });
});

describe("dottedPath", () => {
  it.each([
    ["", "the body"],
    ["/customer/name", "customer.name"],
    ["/items/0/name", "items[0].name"],
    ["/headers/X-A", "header X-A"],
    ["/path/id", "path parameter id"],
    ["/a~1b", '["a/b"]'],
    ["/x/m~0n", 'x["m~n"]'],
  ])("%j -> %s", (pointer, want) => {
    expect(dottedPath(pointer)).toBe(want);
  });
});
