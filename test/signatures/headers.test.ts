/** Header lookup (src/signatures/headers.ts): the one case-insensitive reader every layer uses. */
import { describe, expect, it } from "vitest";
import { headerValue, withHeaders, withoutHeaders } from "../../src/signatures/headers.js";
import type { HeaderBag } from "../../src/signatures/types.js";

const bag: HeaderBag = {
  "Content-Type": "application/json",
  "x-timestamp": "2026-01-01T00:00:00+07:00",
  "Set-Cookie": ["a=1", "b=2"],
  Empty: "",
  Missing: undefined,
};

describe("headerValue", () => {
  it.each<[string, string | undefined]>([
    ["Content-Type", "application/json"],
    ["content-type", "application/json"],
    ["CONTENT-TYPE", "application/json"],
    ["X-TIMESTAMP", "2026-01-01T00:00:00+07:00"],
    ["set-cookie", "a=1"],
    ["Empty", ""],
    ["Missing", undefined],
    ["Absent", undefined],
  ])("%s", (name, want) => {
    expect(headerValue(bag, name)).toBe(want);
  });

  it("skips an undefined entry and finds the same name in another case", () => {
    expect(headerValue({ "x-a": undefined, "X-A": "2" }, "x-a")).toBe("2");
  });
});

describe("withHeaders / withoutHeaders", () => {
  it("replaces a header spelled in another case", () => {
    expect(
      withHeaders({ "content-type": "text/plain", A: "1" }, { "Content-Type": "application/json" }),
    ).toEqual({
      A: "1",
      "Content-Type": "application/json",
    });
  });

  it("drops names in any case", () => {
    expect(withoutHeaders({ "X-A": "1", b: "2" }, ["x-a"])).toEqual({ b: "2" });
  });
});
