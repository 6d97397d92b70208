/**
 * Shard merging end to end: a 4-way split (`run --shard i/4`) merged with `report merge` gives the same
 * findings as the unsplit run with the same seed; shards of different runs are refused with one line.
 * The embedded mock answers within milliseconds, so `--response-time-budget 0` makes every operation fail
 * the response-time check: findings in every shard, deterministic in everything but the measured time.
 */
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ReportedViolation, RunSummary } from "../../src/engine/events.js";
import { cli, context } from "./cli-context.js";

const RUN = [
  "run",
  "--seed",
  "9",
  "--cases",
  "2",
  "--negative-cases",
  "1",
  "--phase",
  "examples",
  "--phase",
  "negative",
];
const FILES = ["--reporter", "json", "--response-time-budget", "0"];
const MINUTES = 60_000;

/** A finding without what the clock or the file layout decides (measured ms, replay paths). */
function finding(v: ReportedViolation) {
  const { actual: _a, message: _m, curl: _c, replay: _r, ...rest } = v;
  return rest;
}

const read = async (file: string) => JSON.parse(await readFile(file, "utf8")) as RunSummary;

describe("report merge", () => {
  it(
    "4 shards merged give the unsplit run's findings; shards of another run are refused",
    async () => {
      const c = context();
      expect(await cli(c, [...RUN, ...FILES, "--output-dir", "whole"])).toBe(1);
      for (const i of [1, 2, 3, 4])
        expect(await cli(c, [...RUN, ...FILES, "--shard", `${i}/4`, "--output-dir", `shard-${i}`])).toBe(1);
      const shards = [1, 2, 3, 4].map((i) => `shard-${i}/report.json`);
      const code = await cli(c, [
        "report",
        "merge",
        ...shards,
        "--output-dir",
        "merged",
        "--reporter",
        "json",
        "--reporter",
        "junit",
        "--reporter",
        "html",
      ]);
      expect(code).toBe(1);
      const whole = await read(join(c.cwd, "whole", "report.json"));
      const merged = await read(join(c.cwd, "merged", "report.json"));
      expect(whole.violations.length).toBeGreaterThanOrEqual(4);
      expect(merged.violations.map(finding)).toEqual(whole.violations.map(finding));
      expect(merged.operations).toEqual(whole.operations);
      const { requests: _w, ...wholeTotals } = whole.summary;
      const { requests: _m, ...mergedTotals } = merged.summary;
      expect(mergedTotals).toEqual(wholeTotals);
      expect([merged.seed, merged.target, merged.version, merged.exitCode]).toEqual([
        whole.seed,
        whole.target,
        whole.version,
        1,
      ]);
      // Every replay path and curl line points at the copies in the merged directory.
      for (const v of merged.violations) {
        expect(v.replay).toMatch(/^replays\//);
        expect(v.curl).toContain(join("merged", "replays"));
        await readFile(join(c.cwd, "merged", v.replay ?? ""), "utf8");
      }
      const html = await readFile(join(c.cwd, "merged", "report.html"), "utf8");
      expect(html.match(/<article class="violation/g)).toHaveLength(merged.violations.length);
      expect(await readFile(join(c.cwd, "merged", "junit.xml"), "utf8")).toContain("<testsuites");

      // A shard from another run (different seed) is refused with one line, exit 2, nothing written.
      const other = await read(join(c.cwd, "shard-2", "report.json"));
      await writeFile(join(c.cwd, "other.json"), JSON.stringify({ ...other, seed: 10 }));
      c.err.length = 0;
      expect(
        await cli(c, ["report", "merge", shards[0] ?? "", "other.json", "--output-dir", "refused"]),
      ).toBe(2);
      expect(c.err.join("")).toMatch(
        /^doku-conformance: report merge: other\.json is from a different run than shard-1\/report\.json \(seed 10 vs 9\)[^\n]*\n$/,
      );
      await expect(readFile(join(c.cwd, "refused", "report.json"))).rejects.toThrow();
    },
    5 * MINUTES,
  );

  it.each([
    [["report"], 2, /Usage: doku-conformance report merge/],
    [["report", "split"], 2, /unknown subcommand/],
    [["report", "merge", "--output-dir", "x"], 2, /needs the report\.json of each shard/],
    [["report", "merge", "a.json"], 2, /needs --output-dir/],
    [["report", "merge", "missing.json", "--output-dir", "x"], 2, /cannot read missing\.json \(ENOENT\)/],
    [
      ["report", "merge", "a.json", "--output-dir", "x", "--reporter", "console"],
      2,
      /report merge writes json, junit, html/,
    ],
  ] as const)("%j exits %i", async (args, exit, message) => {
    const c = context();
    expect(await cli(c, [...args])).toBe(exit);
    expect(c.out.join("") + c.err.join("")).toMatch(message);
  });
});
