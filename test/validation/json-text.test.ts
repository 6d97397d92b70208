import { describe, expect, it } from "vitest";
import { findJsonError, parseJsonText } from "../../src/validation/json-text.js";

describe("parseJsonText", () => {
  it.each([
    ['{"a": }', 1, 7, 'unexpected "}", expected a JSON value'],
    ['{"a": 1,}', 1, 9, 'unexpected "}", expected a string'],
    ['{\n  "a": 1\n  "b": 2\n}', 3, 3, 'unexpected "\\"", expected "," or "}"'],
    ["[1, 2", 1, 6, 'unexpected end of input, expected "," or "]"'],
    ['{"a": tru}', 1, 7, 'unexpected "t", expected a JSON value'],
    ['{"a": "x\ny"}', 1, 9, "control character inside a string (escape it)"],
    ["{} {}", 1, 4, 'unexpected "{" after the JSON value'],
    ["", 1, 1, "empty input, expected a JSON value"],
    ["  \n ", 1, 1, "empty input, expected a JSON value"],
    ["{'a': 1}", 1, 2, 'unexpected "\'", expected a string'],
  ])("%j -> line %i column %i", (text, line, column, reason) => {
    expect(parseJsonText(text)).toEqual({ ok: false, line, column, reason });
  });

  it.each([['{"a": [1, -2.5e3, true, false, null, "\\u00e9\\n"]}'], ["\uFEFF{}"], ["  42 "], ['"😀"']])(
    "parses %j",
    (text) => {
      expect(parseJsonText(text)).toEqual({ ok: true, value: JSON.parse(text.replace(/^\uFEFF/, "")) });
    },
  );

  it("the scanner agrees with JSON.parse on what is valid", () => {
    const samples = [
      '{"a":1}',
      "[",
      "01",
      "-",
      "1.",
      ".5",
      "1e5",
      '"\\x"',
      "nul",
      '{"a":1,"b":[{}]}',
      "[1,]",
      '"\t"',
    ];
    for (const s of samples) {
      let valid = true;
      try {
        JSON.parse(s);
      } catch {
        valid = false;
      }
      expect(findJsonError(s) === undefined, s).toBe(valid);
    }
  });
});
