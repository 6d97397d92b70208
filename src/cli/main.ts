/**
 * argv -> command -> exit code. Kit errors become one line on stderr and their exit code (CONTRACT.md);
 * a stack trace only with --debug.
 */
import { KitError } from "../model/errors.js";
import type { CliContext, Command } from "./context.js";
import { HELP, VERSION } from "./help.js";

type CommandLoader = () => Promise<Command>;

const COMMANDS: Record<string, CommandLoader> = {
  run: async () => (await import("./commands/run.js")).run,
  callback: async () => (await import("./commands/callback.js")).callback,
  mock: async () => (await import("./commands/mock.js")).mock,
  validate: async () => (await import("./commands/validate.js")).validate,
  sign: async () => (await import("./commands/sign.js")).sign,
  verify: async () => (await import("./commands/verify.js")).verify,
  generate: async () => (await import("./commands/generate.js")).generate,
  docs: async () => (await import("./commands/docs-diff.js")).docs,
  spec: async () => (await import("./commands/spec-diff.js")).spec,
  report: async () => (await import("./commands/report.js")).report,
  simulate: async () => (await import("./commands/simulate.js")).simulate,
};

export async function runCli(argv: string[], ctx: CliContext): Promise<number> {
  const debug = argv.includes("--debug");
  const args = argv.filter((a) => a !== "--debug");
  const [name, ...rest] = args;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    ctx.stdout(HELP);
    return name === undefined ? 2 : 0;
  }
  if (name === "--version" || name === "-v") {
    ctx.stdout(`${VERSION}\n`);
    return 0;
  }
  const load = COMMANDS[name];
  if (load === undefined) {
    ctx.stderr(`doku-conformance: unknown command "${name}"; run doku-conformance --help for the list\n`);
    return 2;
  }
  try {
    const command = await load();
    return await command(rest, ctx);
  } catch (error) {
    return reportError(error, ctx, debug);
  }
}

function reportError(error: unknown, ctx: CliContext, debug: boolean): number {
  if (error instanceof KitError) {
    ctx.stderr(`doku-conformance: ${error.message}\n`);
    if (debug && error.stack) ctx.stderr(`${error.stack}\n`);
    return error.exitCode;
  }
  // Node's parseArgs throws TypeErrors with codes like ERR_PARSE_ARGS_UNKNOWN_OPTION: a usage error.
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" && code.startsWith("ERR_PARSE_ARGS")) {
    // Node's message can span lines (e.g. a flag missing its value explains itself at length): keep the first.
    const first = ((error as Error).message.split("\n")[0] ?? "").trim().replace(/\.$/, "");
    // "--cases -1": the value looks like a flag; say how to pass it instead of Node's "ambiguous".
    const flag =
      code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" && /ambiguous/.exec(first)
        ? /'(--[a-z-]+)/.exec(first)?.[1]
        : undefined;
    const said =
      flag === undefined
        ? first
        : `${flag} takes a value; one starting with "-" must be written ${flag}=<value>`;
    ctx.stderr(`doku-conformance: ${said}; see --help\n`);
    return 2;
  }
  const message = error instanceof Error ? error.message : String(error);
  ctx.stderr(
    `doku-conformance: internal error: ${message}${debug ? "" : " (rerun with --debug for the stack)"}\n`,
  );
  if (debug && error instanceof Error && error.stack) ctx.stderr(`${error.stack}\n`);
  return 3;
}
