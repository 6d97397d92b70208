/** Header lookup (src/signatures/headers.ts): the one case-insensitive reader every layer uses. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { headerValue, headerValues, withHeaders, withoutHeaders } from "../../src/signatures/headers.js";
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

describe("headerValue / headerValues, law", () => {
  // The plain definition: every entry's name lowercased and compared.
  const reference = (headers: HeaderBag, name: string) =>
    Object.entries(headers)
      .filter(([k, v]) => v !== undefined && k.toLowerCase() === name.toLowerCase())
      .flatMap(([, v]) => (typeof v === "string" ? [v] : [...(v as string[])]));
  // Names whose lowercase differs in length or leaves ASCII: the Kelvin sign, dotted capital I, a surrogate pair.
  const tricky = fc.constantFrom(
    "K",
    "k",
    "\u212A",
    "\u0130",
    "i\u0307",
    "I",
    "i",
    "X-A",
    "x-a",
    "\u{10400}",
    "\u{10428}",
  );
  const name = fc.oneof(
    tricky,
    fc.array(tricky, { maxLength: 3 }).map((xs) => xs.join("")),
    fc.string({ maxLength: 4 }),
  );
  const value = fc.oneof(
    fc.string({ maxLength: 2 }),
    fc.array(fc.string({ maxLength: 2 }), { maxLength: 2 }),
    fc.constant(undefined),
  );
  it("agree with comparing every name lowercased", () => {
    fc.assert(
      fc.property(fc.dictionary(name, value), name, (headers, wanted) => {
        const all = reference(headers as HeaderBag, wanted);
        expect(headerValues(headers as HeaderBag, wanted)).toEqual(all);
        const first = Object.entries(headers).find(
          ([k, v]) => v !== undefined && k.toLowerCase() === wanted.toLowerCase(),
        );
        const want =
          first === undefined
            ? undefined
            : typeof first[1] === "string"
              ? first[1]
              : (first[1] as string[])[0];
        expect(headerValue(headers as HeaderBag, wanted)).toBe(want);
      }),
      { numRuns: 1000 },
    );
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

  // The plain definition both must keep: an object spread, names compared lowercased.
  const spreadWithout = (h: Record<string, string>, names: string[]) => {
    const drop = new Set(names.map((n) => n.toLowerCase()));
    return Object.fromEntries(Object.entries(h).filter(([k]) => !drop.has(k.toLowerCase())));
  };
  const name = fc.constantFrom("Content-Type", "content-type", "X-A", "x-a", "__proto__", "constructor", "B");
  const headers = fc.dictionary(name, fc.string({ maxLength: 3 }));

  it("law: same own entries, in the same order, as an object spread (a __proto__ name included)", () => {
    fc.assert(
      fc.property(headers, headers, (h, set) => {
        const got = withHeaders(h, set);
        const want = { ...spreadWithout(h, Object.keys(set)), ...set };
        expect(Object.entries(got)).toEqual(Object.entries(want));
        expect(Object.getPrototypeOf(got)).toBe(Object.prototype);
        expect(Object.entries(withoutHeaders(h, Object.keys(set)))).toEqual(
          Object.entries(spreadWithout(h, Object.keys(set))),
        );
      }),
      { numRuns: 300 },
    );
  });
});
