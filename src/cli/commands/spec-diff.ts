/** `doku-conformance spec diff <old> <new> [--format text|json]`: classify spec changes by whom they break. */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { bundleSpec } from "../../generator/bundle.js";
import { buildOperations } from "../../generator/operations.js";
import { UsageError } from "../../model/errors.js";
import type { Operation } from "../../model/operation.js";
import { type SpecChange, type SpecDiffReport, specDiff } from "../../specdiff/diff.js";
import { locator } from "../../specdiff/locate.js";
import type { Command } from "../context.js";

const SPEC_DIFF_HELP = `Usage: doku-conformance spec diff <old> <new> [--format text|json]

Compares two versions of the specs and classifies each change by whom it breaks: a merchant calling DOKU
(paths: a tightened request or a loosened response breaks them) or a merchant receiving DOKU's callbacks
(webhooks: the polarity flips, so DOKU sending a new enum value or a longer string breaks the receiver).
<old> and <new> are each a spec root file (specs/doku.yaml), a specs directory, or a git ref whose specs/
is compared (main, HEAD~1, a tag). Each change names the spec file and line.
  --format <f>   text (default) or json (shape: docs/docs-diff.md)
Exit codes: 0 no breaking change, 1 a breaking change, 2 an input it cannot read.
`;

interface Side {
  label: string;
  specPath: string;
  /** Directory the reported spec files are relative to. */
  root: string;
  cleanup?: () => void;
}

const git = (cwd: string, args: string[]) =>
  execFileSync("git", ["-C", cwd, ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

/** A spec file or directory as given, or the specs/ of a git ref copied to a temporary directory. */
function side(arg: string, cwd: string): Side {
  const path = resolve(cwd, arg);
  if (existsSync(path)) {
    const specPath = statSync(path).isDirectory() ? join(path, "doku.yaml") : path;
    return { label: arg, specPath, root: cwd };
  }
  let top: string;
  try {
    top = git(cwd, ["rev-parse", "--show-toplevel"]).trim();
    git(top, ["rev-parse", "--verify", "--quiet", `${arg}^{commit}`]);
  } catch {
    throw new UsageError(`${arg} is neither a spec file nor a git ref of this repository`);
  }
  const prefix = relative(top, cwd);
  const specsDir = prefix === "" ? "specs" : `${prefix}/specs`;
  const files = git(top, ["ls-tree", "-r", "--name-only", arg, "--", specsDir]).split("\n").filter(Boolean);
  if (files.length === 0) throw new UsageError(`${arg} has no ${specsDir}/ to compare`);
  const dir = mkdtempSync(join(tmpdir(), "doku-spec-diff-"));
  for (const file of files) {
    const target = join(dir, relative(prefix, file));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, git(top, ["show", `${arg}:${file}`]));
  }
  return {
    label: arg,
    specPath: join(dir, "specs", "doku.yaml"),
    root: dir,
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

async function operationsOf(s: Side): Promise<readonly Operation[]> {
  if (!existsSync(s.specPath)) throw new UsageError(`cannot read ${s.label}: no ${s.specPath}`);
  return buildOperations(await bundleSpec(s.specPath)).operations;
}

const value = (v: unknown) => (v === undefined ? "" : JSON.stringify(v));

function changeLine(c: SpecChange): string {
  const what = [c.operation, c.slot === "operation" ? "" : c.slot, c.field].filter(Boolean).join(" ");
  const fromTo = c.from === undefined && c.to === undefined ? "" : ` ${value(c.from)} -> ${value(c.to)}`;
  const at = c.spec === undefined ? "" : ` (${c.spec.file}:${c.spec.line})`;
  const whom = c.breaks === null ? "" : `; affects ${c.breaks}`;
  return `${c.level.toUpperCase().padEnd(8)} ${c.kind} ${what}: ${c.rule}${fromTo}${whom}${at}`;
}

/** The text report, breaking changes first. */
export function specDiffText(report: SpecDiffReport): string {
  const order = { breaking: 0, warning: 1, info: 2 };
  const lines = [...report.changes].sort((a, b) => order[a.level] - order[b.level]).map(changeLine);
  const { breaking, warning, info } = report.summary;
  return `${[...lines, `${breaking} breaking, ${warning} warning, ${info} info`].join("\n")}\n`;
}

/** `spec diff`: exit 0 no breaking change, 1 a breaking change, 2 an input it cannot read. */
export const spec: Command = async (args, ctx) => {
  const [sub, ...rest] = args;
  if (sub === "--help" || sub === "-h" || sub === undefined) {
    ctx.stdout(SPEC_DIFF_HELP);
    return sub === undefined ? 2 : 0;
  }
  if (sub !== "diff") throw new UsageError(`unknown spec subcommand "${sub}"; try spec diff --help`);
  const { values, positionals } = parseArgs({
    args: rest,
    strict: true,
    allowPositionals: true,
    options: {
      format: { type: "string", default: "text" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    ctx.stdout(SPEC_DIFF_HELP);
    return 0;
  }
  if (values.format !== "text" && values.format !== "json")
    throw new UsageError(`--format must be text or json, not "${values.format}"`);
  if (positionals.length !== 2) throw new UsageError("spec diff needs two inputs: <old> <new>");
  const [before, after] = positionals.map((p) => side(p, ctx.cwd)) as [Side, Side];
  try {
    const [a, b] = [await operationsOf(before), await operationsOf(after)];
    const report = specDiff(a, b, {
      before: locator(before.specPath, a, before.root),
      after: locator(after.specPath, b, after.root),
    });
    ctx.stdout(values.format === "json" ? `${JSON.stringify(report, null, 2)}\n` : specDiffText(report));
    return report.summary.breaking === 0 ? 0 : 1;
  } finally {
    before.cleanup?.();
    after.cleanup?.();
  }
};
