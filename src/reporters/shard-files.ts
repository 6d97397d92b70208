/**
 * The files side of `report merge`: reads shard report.json files, and copies each violation's replay
 * record (json, headers, body) into the merged output directory, rewriting its `replay` path and curl line
 * so both point at the copies. Shards hold disjoint operations, so replay names never collide.
 */
import { copyFile, mkdir, readFile, stat } from "node:fs/promises";
import { basename, dirname, join, relative, resolve } from "node:path";
import type { ReportedViolation, RunSummary } from "../engine/events.js";
import { curlLine } from "../engine/replay.js";
import { UsageError } from "../model/errors.js";
import type { Shard } from "./merge.js";

/** A shard with the directory its replay paths are relative to. */
export interface ShardFile extends Shard {
  dir: string;
}

/** Reads and minimally checks each report.json; UsageError naming the file otherwise. */
export async function readShards(files: readonly string[], cwd: string): Promise<ShardFile[]> {
  return Promise.all(
    files.map(async (file) => {
      const path = resolve(cwd, file);
      let summary: RunSummary;
      try {
        summary = JSON.parse(await readFile(path, "utf8")) as RunSummary;
      } catch (error) {
        const why = (error as { code?: string }).code ?? (error as Error).message;
        throw new UsageError(`report merge: cannot read ${file} (${why})`);
      }
      if (summary?.tool !== "doku-conformance" || !Array.isArray(summary.operations))
        throw new UsageError(`report merge: ${file} is not a doku-conformance report.json`);
      return { file, summary, dir: dirname(path) };
    }),
  );
}

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

/** Copies the replays of `shard` into <outputDir>/replays; returns its violations pointing at the copies. */
export async function moveReplays(
  shard: ShardFile,
  outputDir: string,
  cwd: string,
): Promise<ReportedViolation[]> {
  const replays = join(outputDir, "replays");
  await mkdir(replays, { recursive: true });
  return Promise.all(
    shard.summary.violations.map(async (v) => {
      if (!v.replay) return v;
      const from = join(shard.dir, v.replay).replace(/\.json$/, "");
      const to = join(replays, basename(from));
      const hasBody = await exists(`${from}.body`);
      if (resolve(from) !== resolve(to)) {
        for (const ext of [".json", ".headers", ...(hasBody ? [".body"] : [])])
          await copyFile(`${from}${ext}`, `${to}${ext}`).catch(() => undefined);
      }
      let request: { method?: string; url?: string } = {};
      try {
        request =
          (JSON.parse(await readFile(`${to}.json`, "utf8")) as { request?: typeof request }).request ?? {};
      } catch {
        return { ...v, replay: relative(outputDir, `${to}.json`) };
      }
      const curl = curlLine(
        request.method ?? "GET",
        request.url ?? "",
        relative(cwd, `${to}.headers`),
        hasBody ? relative(cwd, `${to}.body`) : undefined,
      );
      return { ...v, replay: relative(outputDir, `${to}.json`), curl };
    }),
  );
}
