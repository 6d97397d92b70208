/** `--reporter json`: <output-dir>/report.json, the RunSummary (CONTRACT.md shape plus per-operation results). */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { RunListener } from "../engine/events.js";

export const REPORT_FILE = "report.json";

export function jsonReporter(): RunListener {
  return {
    async onEvent(event) {
      if (event.type !== "run-finished") return;
      await mkdir(event.outputDir, { recursive: true });
      await writeFile(join(event.outputDir, REPORT_FILE), `${JSON.stringify(event.summary, null, 2)}\n`);
    },
  };
}
