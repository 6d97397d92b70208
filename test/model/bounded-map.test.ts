/** BoundedMap: a Map that keeps at most `limit` entries, forgetting the oldest-set first. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BoundedMap } from "../../src/model/bounded-map.js";

describe("BoundedMap", () => {
  it("forgets the oldest entry past its limit; setting a key again makes it the newest", () => {
    const m = new BoundedMap<string, number>(2);
    m.set("a", 1).set("b", 2).set("a", 3).set("c", 4);
    expect([...m]).toEqual([
      ["a", 3],
      ["c", 4],
    ]);
  });

  it("law: holds the last `limit` distinct keys set, each with its last value", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.tuple(fc.constantFrom("a", "b", "c", "d", "e", "f", "g"), fc.nat(9)), { maxLength: 40 }),
        (limit, sets) => {
          const m = new BoundedMap<string, number>(limit);
          for (const [k, v] of sets) m.set(k, v);
          // Reference: order of last set per key, newest last, then the last `limit` of them.
          const last = new Map<string, number>();
          for (const [k, v] of sets) {
            last.delete(k);
            last.set(k, v);
          }
          expect([...m]).toEqual([...last].slice(-limit));
        },
      ),
      { numRuns: 300 },
    );
  });
});
