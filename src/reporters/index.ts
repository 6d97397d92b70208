/** Reporters by name (`--reporter console|json|junit|html|github`), each a RunListener the runner emits events to. */

import type { RunListener } from "../engine/events.js";
import { UsageError } from "../model/errors.js";
import { consoleReporter } from "./console.js";
import { githubReporter } from "./github.js";
import { HTML_FILE, htmlReporter } from "./html.js";
import { jsonReporter, REPORT_FILE } from "./json.js";
import { JUNIT_FILE, junitReporter } from "./junit.js";

export const REPORTERS = ["console", "json", "junit", "html", "github"] as const;
export type ReporterName = (typeof REPORTERS)[number];

export interface ReporterOptions {
  write: (text: string) => void;
  tty: boolean;
  color?: boolean;
  /** Files the file reporters write, for the console's closing line. */
  files?: () => string[];
  /** For the github reporter's $GITHUB_STEP_SUMMARY; default process.env. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Annotation paths are relative to it; default process.cwd(). */
  cwd?: string;
  /** The console's "rerun everything" line as the run was started (from the CLI flags). */
  rerun?: (seed: number) => string;
}

/** Makes one reporter. */
export type ReporterFactory = (options: ReporterOptions) => RunListener;

/** Every reporter by name: the one table `run` and `callback` build their listeners from. */
export const REPORTER_FACTORIES: Readonly<Record<ReporterName, ReporterFactory>> = {
  console: consoleReporter,
  json: () => jsonReporter(),
  junit: () => junitReporter(),
  html: () => htmlReporter(),
  github: (options) => githubReporter(options),
};

/** The file each file reporter writes into the output directory (console and github write none). */
export const REPORT_FILES: Readonly<Record<ReporterName, string | undefined>> = {
  console: undefined,
  json: REPORT_FILE,
  junit: JUNIT_FILE,
  html: HTML_FILE,
  github: undefined,
};

/** The files the named reporters write, in table order (report.json, junit.xml, report.html). */
export function reportFilesOf(names: readonly string[]): string[] {
  return REPORTERS.flatMap((n) => {
    const file = REPORT_FILES[n];
    return names.includes(n) && file !== undefined ? [file] : [];
  });
}

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
export { githubReporter } from "./github.js";
export { HTML_FILE, htmlDocument, htmlReporter, writeHtmlReport } from "./html.js";
export { jsonReporter, REPORT_FILE } from "./json.js";
export { JUNIT_FILE, junitReporter, junitXml } from "./junit.js";
export { REPORT_SCHEMA, VIOLATION_SCHEMA } from "./report-schema.js";
