/** `mock --report <file>`: the simulator's log as JSON, written when the mock stops (or is signalled). */
import { writeFile } from "node:fs/promises";
import { VERSION } from "../engine/version.js";
import type { Delivery, Item } from "./types.js";

export interface SimulatorReport {
  tool: "doku-conformance";
  version: string;
  startedAt: string;
  stoppedAt: string;
  summary: {
    items: number;
    deliveries: number;
    acknowledged: number;
    failedChecks: number;
    pendingRetries: number;
  };
  items: Item[];
  deliveries: Delivery[];
}

export function buildReport(
  startedAt: string,
  items: Item[],
  deliveries: readonly Delivery[],
  pendingRetries: number,
): SimulatorReport {
  return {
    tool: "doku-conformance",
    version: VERSION,
    startedAt,
    stoppedAt: new Date().toISOString(),
    summary: {
      items: items.length,
      deliveries: deliveries.length,
      acknowledged: deliveries.filter((d) => d.verdict === "ok").length,
      failedChecks: deliveries.reduce((n, d) => n + d.checks.filter((c) => !c.ok).length, 0),
      pendingRetries,
    },
    items,
    deliveries: [...deliveries],
  };
}

export async function writeReport(file: string, report: SimulatorReport): Promise<void> {
  await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
}
