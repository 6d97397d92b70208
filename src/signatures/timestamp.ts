/**
 * Timestamps: SNAP X-TIMESTAMP (ISO-8601 with offset, DOKU samples use +07:00), non-SNAP Request-Timestamp
 * (UTC, `Z`), and the kit's clock-skew window. DOKU publishes no window; ±5 minutes is kit policy.
 */
import type { VerifyResult } from "./types.js";

/** Kit policy: allowed |now - timestamp| when verifying (DOKU documents no tolerance). */
export const DEFAULT_MAX_SKEW_MS = 5 * 60 * 1000;

/** WIB (UTC+7), the offset of DOKU's SNAP samples. */
export const WIB_OFFSET_MINUTES = 7 * 60;

const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})$/;

/** A parsed timestamp and the spelling it came in, so a shifted copy can be written the same way. */
export interface ParsedTimestamp {
  epochMs: number;
  offsetMinutes: number | "Z";
  fractionDigits: number;
}

/** Parses `yyyy-MM-ddTHH:mm:ss[.fff](Z|±HH:MM)`; undefined for anything else or an impossible date. */
export function parseTimestamp(value: string): ParsedTimestamp | undefined {
  const m = ISO.exec(value);
  if (m === null) return undefined;
  const part = (i: number) => Number(m[i]);
  const [year, month, day, hour, minute, second] = [part(1), part(2), part(3), part(4), part(5), part(6)];
  const fraction = m[7] ?? "";
  const zone = m[8] ?? "Z";
  const local = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(local);
  if (
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    return undefined;
  }
  const offsetMinutes = zone === "Z" ? "Z" : offsetOf(zone);
  if (offsetMinutes !== "Z" && Math.abs(offsetMinutes) > 14 * 60) return undefined;
  const millis = fraction === "" ? 0 : Math.floor(Number(`0.${fraction}`) * 1000);
  const epochMs = local + millis - (offsetMinutes === "Z" ? 0 : offsetMinutes) * 60_000;
  return { epochMs, offsetMinutes, fractionDigits: fraction.length };
}

function offsetOf(zone: string): number {
  const sign = zone.startsWith("-") ? -1 : 1;
  return sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** Writes an instant in the given spelling (offset or Z, 0-3 fraction digits). */
export function formatTimestamp(epochMs: number, offsetMinutes: number | "Z", fractionDigits = 0): string {
  // Whole seconds: a function of (second, offset), and a run signs many requests within one second.
  const second = Math.floor(epochMs / 1000);
  if (fractionDigits === 0 && second === lastSecond.second && offsetMinutes === lastSecond.offset)
    return lastSecond.text;
  const text = spell(epochMs, offsetMinutes, fractionDigits);
  if (fractionDigits === 0) lastSecond = { second, offset: offsetMinutes, text };
  return text;
}

/** The last whole-second spelling formatTimestamp made. */
let lastSecond: { second: number; offset: number | "Z"; text: string } = {
  second: Number.NaN,
  offset: "Z",
  text: "",
};

function spell(epochMs: number, offsetMinutes: number | "Z", fractionDigits: number): string {
  const shift = offsetMinutes === "Z" ? 0 : offsetMinutes;
  const d = new Date(Math.floor(epochMs / 1000) * 1000 + shift * 60_000);
  const base = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  const ms = ((epochMs % 1000) + 1000) % 1000;
  const fraction =
    fractionDigits > 0 ? `.${pad(ms, 3).padEnd(fractionDigits, "0").slice(0, fractionDigits)}` : "";
  if (offsetMinutes === "Z") return `${base}${fraction}Z`;
  const abs = Math.abs(offsetMinutes);
  return `${base}${fraction}${offsetMinutes < 0 ? "-" : "+"}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** A SNAP X-TIMESTAMP, `2024-03-26T16:01:41+07:00` by default (WIB, as in DOKU's samples). */
export function formatSnapTimestamp(epochMs: number, offsetMinutes: number = WIB_OFFSET_MINUTES): string {
  return formatTimestamp(epochMs, offsetMinutes);
}

/** A non-SNAP Request-Timestamp: UTC with `Z`, second precision, as DOKU requires (`2020-08-11T08:45:42Z`). */
export function formatNonSnapTimestamp(epochMs: number): string {
  return formatTimestamp(epochMs, "Z");
}

/** The same spelling moved by `deltaMs`; a value that does not parse is returned unchanged. */
export function shiftTimestamp(value: string, deltaMs: number): string {
  const parsed = parseTimestamp(value);
  if (parsed === undefined) return value;
  return formatTimestamp(parsed.epochMs + deltaMs, parsed.offsetMinutes, Math.min(parsed.fractionDigits, 3));
}

/** Checks format and, unless maxSkewMs is null, the window |now - timestamp| <= maxSkewMs. */
export function checkTimestamp(
  header: string,
  value: string,
  nowMs: number,
  maxSkewMs: number | null,
): VerifyResult {
  const parsed = parseTimestamp(value);
  if (parsed === undefined) {
    return {
      ok: false,
      rule: "timestamp-format",
      header,
      reason: `${header} "${value}" is not an ISO-8601 timestamp like 2024-03-26T16:01:41+07:00`,
    };
  }
  if (maxSkewMs === null) return { ok: true };
  const skew = parsed.epochMs - nowMs;
  if (Math.abs(skew) <= maxSkewMs) return { ok: true };
  const seconds = Math.round(Math.abs(skew) / 1000);
  return {
    ok: false,
    rule: "timestamp-window",
    header,
    reason: `${header} ${value} is ${seconds} s in the ${skew < 0 ? "past" : "future"}; the kit allows ±${maxSkewMs / 1000} s (kit policy, DOKU documents no window)`,
  };
}
