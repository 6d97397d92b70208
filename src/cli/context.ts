/** What a CLI command gets: I/O, environment, and a lazy loader for the spec bundle (from conformance/). */
import type { SpecBundle } from "../model/operation.js";
import type { PlanThreadStarter } from "../runner/plan-thread.js";
import type { MockStarter } from "../runner/target.js";

export interface CliContext {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Reads all of standard input (for `--request -`, `--body -`). */
  readStdin: () => Promise<string>;
  /** Reads all of standard input as bytes (so `validate --request -` sees bytes that are not UTF-8). */
  readStdinBytes?: () => Promise<Buffer>;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  isTTY: boolean;
  /** Loads generated/ (operation table, validators, bundled document). */
  loadBundle: () => Promise<SpecBundle>;
  /** Absolute path of the package root (where specs/ and generated/ live). */
  packageRoot: string;
  /** Aborted on SIGINT: long commands stop, write what they have, and exit. */
  signal: AbortSignal;
  /** Starts the embedded mock for `run --target mock` (default: in-process; the bin passes its worker thread). */
  startMock?: MockStarter;
  /** Draws `run`'s plan on another thread (default: in-thread; the bin passes its worker thread). */
  planThread?: PlanThreadStarter;
}

/** A command: parses its own args (node:util parseArgs, strict), returns a CONTRACT.md exit code. */
export type Command = (args: string[], ctx: CliContext) => Promise<number>;
