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

/** Builds the named reporters; UsageError for an unknown name. */
export function createReporters(names: readonly string[], options: ReporterOptions): RunListener[] {
  return [...new Set(names)].map((name) => {
    switch (name) {
      case "console":
        return consoleReporter(options);
      case "json":
        return jsonReporter();
      case "junit":
        return junitReporter();
      default:
        throw new UsageError(`--reporter ${name}: expected one of ${REPORTERS.join(", ")}`);
    }
  });
}

export { consoleReporter } from "./console.js";
export { jsonReporter, REPORT_FILE } from "./json.js";
export { JUNIT_FILE, junitReporter, junitXml } from "./junit.js";
export { REPORT_SCHEMA, VIOLATION_SCHEMA } from "./report-schema.js";
