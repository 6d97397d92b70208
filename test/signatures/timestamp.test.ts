/** Timestamps: parse the spellings DOKU uses, write them back the same way, and the kit's skew window. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  checkTimestamp,
  DEFAULT_MAX_SKEW_MS,
  formatNonSnapTimestamp,
  formatSnapTimestamp,
  formatTimestamp,
  parseTimestamp,
  shiftTimestamp,
} from "../../src/signatures/index.js";

const T = Date.UTC(2024, 2, 26, 9, 1, 41);

describe("timestamps", () => {
  it.each([
    ["2024-03-26T16:01:41+07:00", T],
    ["2024-03-26T09:01:41Z", T],
    ["2024-03-26T09:01:41.000Z", T],
    ["2024-03-26T09:01:41.250Z", T + 250],
    ["2024-03-26T04:01:41-05:00", T],
  ])("parses %s", (value, epochMs) => {
    expect(parseTimestamp(value)?.epochMs).toBe(epochMs);
  });

  it.each([
    "2024-03-26 16:01:41+07:00",
    "2024-02-30T00:00:00Z",
    "2024-03-26T24:00:00Z",
    "2024-03-26T16:01:41",
    "2024-03-26T16:01:41+0700",
    "x",
    "",
  ])("rejects %j", (value) => {
    expect(parseTimestamp(value)).toBeUndefined();
  });

  it("formats SNAP (WIB) and non-SNAP (UTC Z) timestamps", () => {
    expect(formatSnapTimestamp(T)).toBe("2024-03-26T16:01:41+07:00");
    expect(formatNonSnapTimestamp(T)).toBe("2024-03-26T09:01:41Z");
  });

  it("shift keeps the spelling", () => {
    expect(shiftTimestamp("2024-03-26T16:01:41+07:00", -3_600_000)).toBe("2024-03-26T15:01:41+07:00");
    expect(shiftTimestamp("2020-12-21T07:56:11.000Z", 1000)).toBe("2020-12-21T07:56:12.000Z");
    expect(shiftTimestamp("nonsense", 1000)).toBe("nonsense");
  });

  it("format/parse round-trips for any instant and offset", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2099, 0, 1) }),
        fc.oneof(fc.constant("Z" as const), fc.integer({ min: -14 * 60, max: 14 * 60 })),
        (ms, offset) => {
          const seconds = Math.floor(ms / 1000) * 1000;
          expect(parseTimestamp(formatTimestamp(seconds, offset))?.epochMs).toBe(seconds);
        },
      ),
    );
  });

  it("a spelling does not depend on the calls before it (the whole-second memo), in any order", () => {
    const call = fc.record({
      ms: fc.oneof(
        fc.integer({ min: T - 3000, max: T + 3000 }), // many calls within the same few seconds
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2099, 0, 1) }),
      ),
      offset: fc.oneof(
        fc.constant("Z" as const),
        fc.constantFrom(0, 420, -300),
        fc.integer({ min: -840, max: 840 }),
      ),
      digits: fc.constantFrom(0, 0, 1, 3),
    });
    fc.assert(
      fc.property(fc.array(call, { minLength: 1, maxLength: 30 }), (calls) => {
        const spell = (c: (typeof calls)[number]) => formatTimestamp(c.ms, c.offset, c.digits);
        const forward = calls.map(spell);
        const backward = [...calls].reverse().map(spell).reverse();
        expect(backward).toEqual(forward);
        // Each alone, right after a call at another second and offset.
        for (const [i, c] of calls.entries()) {
          formatTimestamp(c.ms + 7_777_000, c.offset === "Z" ? 0 : "Z");
          expect(spell(c)).toBe(forward[i]);
        }
      }),
    );
  });

  it("window: inside passes, outside fails naming the direction; null turns it off", () => {
    const ts = formatSnapTimestamp(T);
    expect(checkTimestamp("X-TIMESTAMP", ts, T + DEFAULT_MAX_SKEW_MS, DEFAULT_MAX_SKEW_MS)).toEqual({
      ok: true,
    });
    const late = checkTimestamp("X-TIMESTAMP", ts, T + DEFAULT_MAX_SKEW_MS + 1000, DEFAULT_MAX_SKEW_MS);
    expect(late).toMatchObject({ ok: false, rule: "timestamp-window", header: "X-TIMESTAMP" });
    expect(!late.ok && late.reason).toContain("past");
    const early = checkTimestamp("X-TIMESTAMP", ts, T - DEFAULT_MAX_SKEW_MS - 1000, DEFAULT_MAX_SKEW_MS);
    expect(!early.ok && early.reason).toContain("future");
    expect(checkTimestamp("X-TIMESTAMP", ts, 0, null)).toEqual({ ok: true });
    expect(checkTimestamp("X-TIMESTAMP", "yesterday", T, null)).toMatchObject({
      ok: false,
      rule: "timestamp-format",
    });
  });
});
