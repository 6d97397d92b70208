/**
 * For `generate`: the operation table generated/ held before a write, and what the write changed (operations
 * and fields, classified like `spec diff`). Reads generated/openapi.json; a first generation has no "before".
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Operation } from "../model/operation.js";
import { specDiff } from "../specdiff/diff.js";
import { changeSummary } from "../specdiff/summary.js";
import { buildOperations } from "./operations.js";

/** The operations of the bundled document in `outDir`, or undefined when there is none (or it is unreadable). */
export async function generatedOperations(outDir: string): Promise<readonly Operation[] | undefined> {
  const text = await readFile(join(outDir, "openapi.json"), "utf8").catch(() => undefined);
  if (text === undefined) return undefined;
  try {
    const { "x-generated": _notice, ...document } = JSON.parse(text) as Record<string, unknown>;
    return buildOperations(document).operations;
  } catch {
    return undefined;
  }
}

/** Lines saying what changed in generated/ since `before` (nothing to compare: one line saying so). */
export async function generatedChanges(
  before: readonly Operation[] | undefined,
  outDir: string,
): Promise<string[]> {
  const after = await generatedOperations(outDir);
  if (before === undefined || after === undefined)
    return ["generated types and validators: no earlier generation to compare with"];
  return changeSummary(specDiff(before, after));
}
