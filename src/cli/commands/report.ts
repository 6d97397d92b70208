/**
 * `doku-conformance report merge <report.json>... --output-dir <dir> [--reporter json|junit|html]...`:
 * one report from the shards of a run (`run --shard i/n`). Refuses shards of different runs (seed,
 * version, target, phases) or with overlapping operations: one line, exit 2. Otherwise the merged run's
 * exit code (0 conformant, 1 violations, 3 incomplete), as `run` would have returned.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { UsageError } from "../../model/errors.js";
import { JUNIT_FILE, junitXml, REPORT_FILE, reportFilesOf, writeHtmlReport } from "../../reporters/index.js";
import { mergeReports } from "../../reporters/merge.js";
import { moveReplays, readShards } from "../../reporters/shard-files.js";
import type { Command } from "../context.js";

const USAGE = `Usage: doku-conformance report merge <report.json>... --output-dir <dir> [--reporter json|junit|html]...
  <report.json>   the report.json of each shard (run --shard i/n --reporter json) of one run
  --output-dir    where the merged report.json / junit.xml / report.html and replays/ go (required)
  --reporter      repeatable (default json)
Shards of different runs (seed, version, target, phases) are refused (exit 2).
`;

const FILE_REPORTERS = ["json", "junit", "html"] as const;

const FLAGS = {
  "output-dir": { type: "string" },
  reporter: { type: "string", multiple: true },
  help: { type: "boolean", short: "h", default: false },
} as const;

export const report: Command = async (args, ctx) => {
  const [sub, ...rest] = args;
  if (sub === "--help" || sub === "-h" || sub === undefined) {
    ctx.stdout(USAGE);
    return sub === undefined ? 2 : 0;
  }
  if (sub !== "merge") throw new UsageError(`report ${sub}: unknown subcommand; expected "report merge"`);
  const { values, positionals } = parseArgs({
    args: rest,
    strict: true,
    allowPositionals: true,
    options: FLAGS,
  });
  if (values.help) {
    ctx.stdout(USAGE);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError("report merge needs the report.json of each shard");
  if (values["output-dir"] === undefined) throw new UsageError("report merge needs --output-dir <dir>");
  const reporters = values.reporter ?? ["json"];
  for (const name of reporters)
    if (!(FILE_REPORTERS as readonly string[]).includes(name))
      throw new UsageError(`--reporter ${name}: report merge writes ${FILE_REPORTERS.join(", ")}`);
  const outputDir = resolve(ctx.cwd, values["output-dir"]);
  const shards = await readShards(positionals, ctx.cwd);
  const bundle = await ctx.loadBundle();
  const order = bundle.operations.map((op) => op.id);
  mergeReports(shards, order); // refuses shards of different runs before anything is written
  await mkdir(outputDir, { recursive: true });
  const moved = [];
  for (const shard of shards)
    moved.push({
      ...shard,
      summary: { ...shard.summary, violations: await moveReplays(shard, outputDir, ctx.cwd) },
    });
  const merged = mergeReports(moved, order);
  if (reporters.includes("json"))
    await writeFile(join(outputDir, REPORT_FILE), `${JSON.stringify(merged, null, 2)}\n`);
  if (reporters.includes("junit")) await writeFile(join(outputDir, JUNIT_FILE), junitXml(merged));
  if (reporters.includes("html")) await writeHtmlReport(outputDir, merged, outputDir);
  const files = reportFilesOf(reporters).map((f) => relative(ctx.cwd, join(outputDir, f)));
  const s = merged.summary;
  ctx.stdout(
    `doku-conformance report merge: ${shards.length} shards · ${s.operations} operations · ${s.cases} cases · ${s.errors} violations, ${s.warnings} warnings · seed ${merged.seed} · ${files.join(", ")}\n`,
  );
  return merged.exitCode;
};
