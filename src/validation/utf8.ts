/**
 * DOKU's bodies are JSON, and JSON exchanged between systems must be UTF-8 (RFC 8259 §8.1). A body whose
 * bytes are not UTF-8 is a violation of its own (rule "utf-8"), reported before any schema check: decoding it
 * leniently would turn the bad bytes into U+FFFD and let a broken body pass as valid.
 */
import type { Direction, Violation } from "../model/violation.js";

/** Where the rule comes from. */
export const UTF8_SOURCE = "https://www.rfc-editor.org/rfc/rfc8259#section-8.1";

/** Well-formed UTF-8 (Unicode table 3-7): [first byte range, allowed range of the second byte, length]. */
const LEADS: readonly [number, number, number, number, number][] = [
  [0xc2, 0xdf, 0x80, 0xbf, 2],
  [0xe0, 0xe0, 0xa0, 0xbf, 3],
  [0xe1, 0xec, 0x80, 0xbf, 3],
  [0xed, 0xed, 0x80, 0x9f, 3],
  [0xee, 0xef, 0x80, 0xbf, 3],
  [0xf0, 0xf0, 0x90, 0xbf, 4],
  [0xf1, 0xf3, 0x80, 0xbf, 4],
  [0xf4, 0xf4, 0x80, 0x8f, 4],
];

/** The length of the well-formed sequence at `i`, or 0 when none starts there. */
function sequenceAt(bytes: Uint8Array, i: number): number {
  const first = bytes[i] as number;
  if (first < 0x80) return 1;
  const lead = LEADS.find(([lo, hi]) => first >= lo && first <= hi);
  if (lead === undefined) return 0;
  const [, , lo2, hi2, length] = lead;
  const second = bytes[i + 1];
  if (second === undefined || second < lo2 || second > hi2) return 0;
  for (let k = 2; k < length; k++) {
    const next = bytes[i + k];
    if (next === undefined || next < 0x80 || next > 0xbf) return 0;
  }
  return length;
}

/** The byte offset where the first ill-formed sequence starts, or undefined when all of `bytes` are UTF-8. */
export function invalidUtf8Offset(bytes: Uint8Array): number | undefined {
  for (let i = 0; i < bytes.length; ) {
    const length = sequenceAt(bytes, i);
    if (length === 0) return i;
    i += length;
  }
  return undefined;
}

/** The "utf-8" violation of a body that is not UTF-8, or undefined when it is. */
export function utf8Violation(
  bytes: Uint8Array,
  operationId: string,
  direction: Direction,
): Violation | undefined {
  const offset = invalidUtf8Offset(bytes);
  if (offset === undefined) return undefined;
  const byte = bytes[offset] ?? 0;
  return {
    operationId,
    direction,
    check: "encoding",
    pointer: "",
    rule: "utf-8",
    expected: "a UTF-8 encoded JSON body",
    actual: `byte 0x${byte.toString(16).padStart(2, "0")} at offset ${offset}`,
    message: `the ${direction} body is not UTF-8: byte 0x${byte.toString(16).padStart(2, "0")} at offset ${offset} starts no valid sequence; DOKU's bodies are JSON in UTF-8`,
    source: UTF8_SOURCE,
    severity: "error",
  };
}
