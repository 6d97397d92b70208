/** Code-point length (src/model/code-points.ts), the count JSON Schema's minLength / maxLength use. */
import { describe, expect, it } from "vitest";
import { codePointLength } from "../../src/model/code-points.js";

describe("codePointLength", () => {
  it.each([
    ["", 0],
    ["abc", 3],
    ["é", 1],
    ["e\u0301", 2],
    ["😀", 1],
    ["a😀b", 3],
    ["👨‍👩‍👧", 5],
    ["\ud83d", 1],
    ["\ude00x", 2],
    ["\ud83d\ud83d", 2],
  ])("%j has %i", (text, n) => {
    expect(codePointLength(text)).toBe(n);
    expect(codePointLength(text)).toBe([...text].length);
  });
});
