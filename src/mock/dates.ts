/** DOKU VA v2 date spellings: `yyyyMMddHHmmss` in UTC+7 (created_date) and ISO-8601 UTC `Z` (created_date_utc). */

const WIB_MS = 7 * 60 * 60_000;

/** `yyyyMMddHHmmss` in UTC+7, as DOKU writes created_date / expired_date. */
export function wibCompact(epochMs: number): string {
  return new Date(epochMs + WIB_MS).toISOString().slice(0, 19).replace(/[-T:]/g, "");
}

/** ISO-8601 UTC with `Z`, second precision. */
export function utcSeconds(epochMs: number): string {
  return `${new Date(epochMs).toISOString().slice(0, 19)}Z`;
}
