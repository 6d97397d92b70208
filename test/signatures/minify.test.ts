/** Lexical SNAP minification: whitespace between tokens goes, everything inside strings stays. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { minifyJson, minifyJsonBytes } from "../../src/signatures/index.js";

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
