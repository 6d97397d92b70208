/**
 * Lengths are Unicode code points, as ajv's maxLength/minLength count them (ucs2length): an astral
 * character (a UTF-16 surrogate pair) is 1; a composed emoji sequence is one per code point; a combining
 * mark is its own code point. UTF-8 bytes and UTF-16 units are NOT what is counted.
 */
import { describe, expect, it } from "vitest";
import { codePointLength, validateRequest } from "../../src/validation/index.js";
import { inline, objectWith } from "./fixtures.js";

const limited = inline({ body: objectWith("name", { type: "string", maxLength: 4 }) });

const table: [string, string, number][] = [
  ["ASCII", "abcd", 4],
  ["astral emoji (surrogate pairs)", "😀😀😀😀", 4],
  ["CJK extension B (astral)", "𠀀𠀁𠀂𠀃", 4],
  ["Indonesian with precomposed é", "kafé", 4],
  ["combining acute counts separately", "cafe\u0301", 5],
  ["ZWJ family emoji is 5 code points", "👨‍👩‍👧", 5],
];

describe("lengths count Unicode code points", () => {
  it.each(table)("%s", (_name, text, points) => {
    expect(codePointLength(text)).toBe(points);
    const violations = validateRequest(limited, { body: { name: text } });
    if (points <= 4) {
      expect(violations).toEqual([]);
    } else {
      expect(violations).toMatchObject([
        { pointer: "/name", rule: "maxLength", expected: 4, actual: points },
      ]);
    }
  });

  it("says code points when they differ from UTF-16 units", () => {
    const [v] = validateRequest(limited, { body: { name: "😀😀😀😀😀" } });
    expect(v).toMatchObject({
      actual: 5,
      message: "name is 5 characters (counted in Unicode code points); DOKU allows at most 4",
    });
  });

  it("does not count UTF-8 bytes: four 4-byte characters fit a limit of 4", () => {
    const text = "😀😀😀😀";
    expect(Buffer.byteLength(text, "utf8")).toBe(16);
    expect(validateRequest(limited, { body: { name: text } })).toEqual([]);
  });
});
