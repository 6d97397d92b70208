/**
 * Kit errors: the kit could not do its job (bad flag, bad spec, unreachable target). They are thrown,
 * and the CLI maps them to CONTRACT.md exit codes: 2 usage/config/spec, 3 target/infrastructure.
 */
export type ExitCode = 0 | 1 | 2 | 3;

export class KitError extends Error {
  readonly exitCode: 2 | 3;
  constructor(message: string, exitCode: 2 | 3, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "KitError";
    this.exitCode = exitCode;
  }
}

/** Bad flag, missing credential, unreadable or malformed input file. Exit 2. */
export class UsageError extends KitError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, 2, options);
    this.name = "UsageError";
  }
}

/** The spec (or a schema inside it) cannot be used. Message names the schema pointer. Exit 2. */
export class SpecError extends KitError {
  readonly pointer: string;
  constructor(message: string, pointer: string, options?: { cause?: unknown }) {
    super(`${message} (${pointer})`, 2, options);
    this.name = "SpecError";
    this.pointer = pointer;
  }
}

/** Target unreachable, TLS failure, whole-run timeout, mock failed to start. Exit 3. */
export class TargetError extends KitError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, 3, options);
    this.name = "TargetError";
  }
}
