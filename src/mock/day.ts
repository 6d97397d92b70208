/**
 * SNAP X-EXTERNAL-ID must be unique "in the same day". DOKU does not say in which time zone the day turns;
 * the mock uses Asia/Jakarta (WIB, UTC+7, no daylight saving) by default and takes any fixed offset.
 */

/** WIB: UTC+7, the offset of DOKU's samples. */
export const JAKARTA_OFFSET_MINUTES = 7 * 60;

/** The calendar day (yyyy-mm-dd) an instant falls on at a fixed UTC offset. */
export function dayKey(epochMs: number, offsetMinutes: number = JAKARTA_OFFSET_MINUTES): string {
  return new Date(epochMs + offsetMinutes * 60_000).toISOString().slice(0, 10);
}
