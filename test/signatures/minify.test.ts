/** Lexical SNAP minification: whitespace between tokens goes, everything inside strings stays. */

import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { minifyJson, minifyJsonBytes, snapBodyHash } from "../../src/signatures/index.js";
import { isMinifiedJson } from "../../src/signatures/minify.js";

describe("minifyJson", () => {
  it.each([
    ["whitespace between tokens", '{ "a" : 1 ,\n\t"b" :\r\n [ 1 , 2 ] }', '{"a":1,"b":[1,2]}'],
    ["spaces inside strings", '{"partnerServiceId": "  088899"}', '{"partnerServiceId":"  088899"}'],
    ["escaped quote keeps the string open", '{"a": "x\\" y" , "b" : 1}', '{"a":"x\\" y","b":1}'],
    ["escaped backslash closes it", '{"a": "x\\\\" , "b" : " c "}', '{"a":"x\\\\","b":" c "}'],
    ["escapes kept as written", '{"a": "\\u0041\\/"}', '{"a":"\\u0041\\/"}'],
    ["number spelling kept", "[ 1.0 , 1e2 , -0 ]", "[1.0,1e2,-0]"],
    ["key order and duplicates kept", '{"b":1, "a":2, "b":3}', '{"b":1,"a":2,"b":3}'],
    ["non-JSON whitespace kept", '{"a":\u00a01}', '{"a":\u00a01}'],
    ["empty body", "", ""],
    ["whitespace-only body", " \n\t", ""],
    ["unterminated string keeps its tail", '{"a": "b  c', '{"a":"b  c'],
    ["non-ASCII inside strings", '{ "name" : "Budi  Santoso ✓" }', '{"name":"Budi  Santoso ✓"}'],
  ])("%s", (_name, input, output) => {
    expect(minifyJson(input)).toBe(output);
  });

  it("works on raw bytes, including invalid UTF-8", () => {
    const bytes = Uint8Array.from([0x7b, 0x20, 0x22, 0xff, 0x20, 0xfe, 0x22, 0x0a, 0x7d]);
    expect(Array.from(minifyJsonBytes(bytes))).toEqual([0x7b, 0x22, 0xff, 0x20, 0xfe, 0x22, 0x7d]);
  });

  it("equals compact JSON.stringify for any value printed with any JSON whitespace indent", () => {
    const indent = fc.array(fc.constantFrom(" ", "\t", "\n", "\r"), { maxLength: 10 }).map((a) => a.join(""));
    fc.assert(
      fc.property(fc.jsonValue(), indent, (value, space) => {
        expect(minifyJson(JSON.stringify(value, null, space))).toBe(JSON.stringify(value));
      }),
      { numRuns: 500 },
    );
  });

  it("never changes a compact serialisation", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const compact = JSON.stringify(value);
        expect(minifyJson(compact)).toBe(compact);
      }),
      { numRuns: 300 },
    );
  });
});

describe("isMinifiedJson", () => {
  /** JSON-ish text: tokens, every JSON whitespace, quotes and escapes, non-ASCII and lone surrogates. */
  const text = fc
    .array(
      fc.oneof(
        fc.constantFrom(
          "{",
          "}",
          "[",
          "]",
          ":",
          ",",
          '"',
          "\\",
          '\\"',
          " ",
          "\t",
          "\n",
          "\r",
          "1.0",
          "\u00a0",
        ),
        fc.string({ unit: "grapheme", maxLength: 4 }),
        fc.string({
          unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((u) => String.fromCharCode(u)),
          maxLength: 2,
        }),
      ),
      { maxLength: 30 },
    )
    .map((parts) => parts.join(""));

  it("is true exactly when minifyJsonBytes leaves the text's UTF-8 bytes unchanged, for any text", () => {
    fc.assert(
      fc.property(text, (t) => {
        const bytes = Buffer.from(t, "utf8");
        expect(isMinifiedJson(t)).toBe(Buffer.from(minifyJsonBytes(bytes)).equals(bytes));
      }),
      { numRuns: 1000 },
    );
  });

  it("is true for any compact serialisation, false once JSON whitespace is between tokens", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(isMinifiedJson(JSON.stringify(value))).toBe(true);
      }),
      { numRuns: 300 },
    );
    expect(isMinifiedJson('{"a": "  x "}')).toBe(false);
    expect(isMinifiedJson('{"a":"  x "}')).toBe(true);
    // Two lone surrogates around a CR: as bytes each is U+FFFD and the CR goes; as text, dropping the CR
    // would join them into one character, so the text is not taken as minified.
    expect(isMinifiedJson("\ud800\r\udc00")).toBe(false);
  });

  it("gives snapBodyHash the same hash for a text and for its UTF-8 bytes", () => {
    fc.assert(
      fc.property(text, (t) => {
        const bytes = Buffer.from(t, "utf8");
        const expected = createHash("sha256").update(minifyJsonBytes(bytes)).digest("hex");
        expect(snapBodyHash(t)).toBe(expected);
        expect(snapBodyHash(bytes)).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });
});
