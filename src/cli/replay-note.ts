/**
 * Replay files that could not be written are not silent: after the run, one stderr line says how many are
 * missing, where they should be and why (the reason is found again by trying the directory); their
 * violations carry no curl line, since it would point at files that do not exist.
 */
import { constants } from "node:fs";
import { access, mkdir } from "node:fs/promises";
import { join, relative, resolve } from "node:path";

interface WithReplays {
  violations: readonly { replay?: string | undefined }[];
}

/** The one line to print when some violations have no replay file; undefined when all were written. */
export async function replayNote(
  summary: WithReplays,
  cwd: string,
  outputDir: string,
): Promise<string | undefined> {
  const missing = summary.violations.filter((v) => !v.replay).length;
  if (missing === 0) return undefined;
  const dir = join(resolve(cwd, outputDir), "replays");
  const shown = relative(cwd, dir) || dir;
  const why = await mkdir(dir, { recursive: true })
    .then(() => access(dir, constants.W_OK))
    .then(
      () => "",
      (error: { code?: string }) => ` (${error.code ?? "not writable"})`,
    );
  const files = missing === 1 ? "1 replay file" : `${missing} replay files`;
  return `doku-conformance: ${files} could not be written to ${shown}${why}; those violations have no curl line\n`;
}
