/** Reporters by name (`--reporter console|json|junit`), each a RunListener the runner emits events to. */

import type { RunListener } from "../engine/events.js";
import { UsageError } from "../model/errors.js";
import { consoleReporter } from "./console.js";
import { jsonReporter } from "./json.js";
import { junitReporter } from "./junit.js";

export const REPORTERS = ["console", "json", "junit"] as const;
export type ReporterName = (typeof REPORTERS)[number];

export interface ReporterOptions {
  write: (text: string) => void;
  tty: boolean;
  color?: boolean;
  /** Files the file reporters write, for the console's closing line. */
  files?: () => string[];
}

/** Makes one reporter. */
export type ReporterFactory = (options: ReporterOptions) => RunListener;

/** Every reporter by name: the one table `run` and `callback` build their listeners from. */
export const REPORTER_FACTORIES: Readonly<Record<ReporterName, ReporterFactory>> = {
  console: consoleReporter,
  json: () => jsonReporter(),
  junit: () => junitReporter(),
};

const isReporterName = (name: string): name is ReporterName =>
  (REPORTERS as readonly string[]).includes(name);

/**
 * Builds the named reporters (each once, in the order given); UsageError for an unknown name. A driver
 * may put its own factory behind a name (the callback certifier's console).
 */
export function createReporters(
  names: readonly string[],
  options: ReporterOptions,
  overrides: Partial<Record<ReporterName, ReporterFactory>> = {},
): RunListener[] {
  return [...new Set(names)].map((name) => {
    if (!isReporterName(name))
      throw new UsageError(`--reporter ${name}: expected one of ${REPORTERS.join(", ")}`);
    return (overrides[name] ?? REPORTER_FACTORIES[name])(options);
  });
}

export { consoleReporter } from "./console.js";
export { jsonReporter, REPORT_FILE } from "./json.js";
export { JUNIT_FILE, junitReporter, junitXml } from "./junit.js";
export { REPORT_SCHEMA, VIOLATION_SCHEMA } from "./report-schema.js";
