/**
 * A run from a checkout whose specs/ changed since generated/ was built would silently test the old
 * contract: the spec hashes in generated/manifest.json are compared with specs/ and a difference is said
 * once on stderr. An installed package (no specs/ or no manifest) is never warned about.
 */
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";

/** The one warning line, or undefined when specs/ matches the manifest (or there is nothing to compare). */
export async function staleSpecsWarning(packageRoot: string): Promise<string | undefined> {
  const specDir = join(packageRoot, "specs");
  let recorded: Record<string, string>;
  let files: string[];
  try {
    const manifest = JSON.parse(await readFile(join(packageRoot, "generated", "manifest.json"), "utf8")) as {
      specs?: Record<string, string>;
    };
    if (manifest.specs === undefined) return undefined;
    recorded = manifest.specs;
    files = (await readdir(specDir, { recursive: true })).filter((f) => /\.ya?ml$/.test(f));
  } catch {
    return undefined;
  }
  const current: Record<string, string> = {};
  // Read together: one round of file I/O instead of one per spec file (this runs before every `run`).
  const texts = await Promise.all(files.map((file) => readFile(join(specDir, file), "utf8")));
  files.forEach((file, i) => {
    current[`specs/${relative(specDir, join(specDir, file)).split("\\").join("/")}`] = createHash("sha256")
      .update(texts[i] as string)
      .digest("hex");
  });
  const names = [...new Set([...Object.keys(recorded), ...Object.keys(current)])].sort();
  const changed = names.filter((name) => recorded[name] !== current[name]);
  if (changed.length === 0) return undefined;
  const shown =
    changed.slice(0, 3).join(", ") + (changed.length > 3 ? ` and ${changed.length - 3} more` : "");
  return `doku-conformance: warning: specs/ changed since generated/ was built (${shown}); this run uses the old generated/: run npm run generate\n`;
}
