/** `doku-conformance docs diff <page>... [--operation <id>] [--format text|json]`: DOKU doc pages vs the spec. */
import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { type DocsDiffReport, type DriftItem, docsDiff } from "../../docs/diff.js";
import { knownPagesOf } from "../../docs/known-pages.js";
import { readPage } from "../../docs/read.js";
import { UsageError } from "../../model/errors.js";
import { locator } from "../../specdiff/locate.js";
import type { Command } from "../context.js";

const DOCS_DIFF_HELP = `Usage: doku-conformance docs diff <page>... [--operation <id>] [--format text|json] [--specs <file>]

Reads DOKU doc pages as saved (GitBook markdown <page>.md, saved HTML, or plain text), finds their field
tables, JSON samples and API facts, maps them to operations and reports each difference from the spec:
added, removed, type, required, length, enum, format, example, default and operation facts, with the spec
file and line to edit and the x-doku-conflict that already records it (if any).
  --operation <id>   map a page the kit does not know onto this operation; report only this operation
  --format <f>       text (default) or json (shape: docs/docs-diff.md)
  --specs <file>     spec root whose source lines are reported (default: the package's specs/doku.yaml)
Exit codes: 0 in step (every difference recorded), 1 drift, 2 a page it cannot read or map (says why).
`;

const where = (i: DriftItem) => (i.spec === undefined ? "" : ` -> ${i.spec.file}:${i.spec.line}`);

function itemLine(i: DriftItem): string {
  const records = [
    ...i.conflicts.map((c) => `x-doku-conflict ${c}`),
    ...(i.unconfirmed ? ["x-doku-unconfirmed"] : []),
  ];
  const note =
    i.status === "drift" ? "" : ` [${i.status}${records.length > 0 ? `: ${records.join(", ")}` : ""}]`;
  return `${i.status === "drift" ? "DRIFT" : "ok   "} ${i.page}:${i.line} ${i.operation} ${i.field} ${i.change} (${i.aspect}): ${i.message}${where(i)}${note}`;
}

/** The text report: drift first, then what the spec already records. */
export function docsDiffText(report: DocsDiffReport): string {
  const order = { drift: 0, covered: 1, tolerated: 2 };
  const items = [...report.items].sort((a, b) => order[a.status] - order[b.status]);
  const { drift, covered, tolerated } = report.summary;
  const pages = report.pages.map((p) => `${p.file} (${p.format}, ${p.title ?? "mapped by --operation"})`);
  return `${[`pages: ${pages.join(", ")}`, ...items.map(itemLine)].join("\n")}\n${drift} drift, ${covered} covered by a recorded conflict, ${tolerated} tolerated by a conflict's alternative\n`;
}

/** `docs diff`: exit 0 in step, 1 drift, 2 a page it cannot read or map. */
export const docs: Command = async (args, ctx) => {
  const [sub, ...rest] = args;
  if (sub === "--help" || sub === "-h" || sub === undefined) {
    ctx.stdout(DOCS_DIFF_HELP);
    return sub === undefined ? 2 : 0;
  }
  if (sub !== "diff") throw new UsageError(`unknown docs subcommand "${sub}"; try docs diff --help`);
  const { values, positionals } = parseArgs({
    args: rest,
    strict: true,
    allowPositionals: true,
    options: {
      operation: { type: "string" },
      format: { type: "string", default: "text" },
      specs: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    ctx.stdout(DOCS_DIFF_HELP);
    return 0;
  }
  if (values.format !== "text" && values.format !== "json")
    throw new UsageError(`--format must be text or json, not "${values.format}"`);
  if (positionals.length === 0) throw new UsageError("docs diff needs at least one page file");
  const bundle = await ctx.loadBundle();
  const known = knownPagesOf(bundle.document);
  const pages = await Promise.all(
    positionals.map(async (file) => {
      const source = await readFile(resolve(ctx.cwd, file), "utf8").catch((e: NodeJS.ErrnoException) => {
        throw new UsageError(`cannot read ${file}: ${e.code ?? e.message}`);
      });
      return readPage(file, source, known);
    }),
  );
  const specPath = values.specs
    ? resolve(ctx.cwd, values.specs)
    : join(ctx.packageRoot, "specs", "doku.yaml");
  const locate = locator(specPath, bundle.operations, values.specs ? ctx.cwd : ctx.packageRoot);
  const options = values.operation === undefined ? { locate } : { locate, operation: values.operation };
  const report = docsDiff(bundle, pages, options);
  ctx.stdout(values.format === "json" ? `${JSON.stringify(report, null, 2)}\n` : docsDiffText(report));
  return report.summary.drift === 0 ? 0 : 1;
};
