/**
 * Timestamps in the scheme's format whatever the host's time zone: the client runs in a child process with
 * TZ set to zones with whole-hour, half-hour and quarter-hour offsets (Jakarta +07:00, St John's −03:30,
 * Chatham +13:45 in January). SNAP X-TIMESTAMP is written in WIB (+07:00, as DOKU's samples), non-SNAP
 * Request-Timestamp in UTC with Z; neither depends on the host zone.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseTimestamp } from "../../src/signatures/timestamp.js";

const PROBE = join(import.meta.dirname, "fixtures", "timestamps-probe.ts");

const ZONES = [
  ["UTC", 0],
  ["Asia/Jakarta", -420],
  ["America/St_Johns", 210],
  ["Pacific/Chatham", -825],
] as const;

describe("timestamps in any host time zone", () => {
  it.each(ZONES)(
    "TZ=%s (getTimezoneOffset %i)",
    (zone, offset) => {
      const result = spawnSync(process.execPath, ["--import", "tsx", PROBE], {
        encoding: "utf8",
        env: { ...process.env, TZ: zone },
      });
      expect(result.stderr).toBe("");
      const probe = JSON.parse(result.stdout) as { offset: number; seen: Record<string, string> };
      expect(probe.offset).toBe(offset); // the child really ran in that zone
      expect(probe.seen).toEqual({
        "/orders/v1/status/INV-1": "2024-01-15T09:00:00Z",
        "/authorization/v1/access-token/b2b": "2024-01-15T16:00:00+07:00",
        "/orders/v1.0/transfer-va/status": "2024-01-15T16:00:00+07:00",
      });
    },
    60_000,
  );
});

/** The defect the kit's client does not have: doku-nodejs-library 1.0.52 writes the offset as hours / 60. */
describe("doku-nodejs-library's generateTimestamp, same zones (docs/client.md)", () => {
  const SDK_TIMESTAMP = `console.log(require("doku-nodejs-library/_services/tokenService.js").generateTimestamp())`;
  it.each([
    ["Asia/Jakarta", true],
    ["America/St_Johns", false],
    ["Pacific/Chatham", false],
  ] as const)("TZ=%s: well-formed %s", (zone, wellFormed) => {
    const result = spawnSync(process.execPath, ["-e", SDK_TIMESTAMP], {
      encoding: "utf8",
      env: { ...process.env, TZ: zone },
    });
    const value = result.stdout.trim();
    expect(value).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(parseTimestamp(value) !== undefined).toBe(wellFormed); // e.g. 2026-12-06T21:49:55-3.5:30
  });
});
