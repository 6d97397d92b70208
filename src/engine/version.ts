/** The kit's version, read once from package.json: the runner, the certifier, --help and the reports carry it. */
import { readFileSync } from "node:fs";

function readVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
      version?: unknown;
    };
    return typeof pkg.version === "string" ? pkg.version : "0.0.0";
  } catch {
    return "0.0.0";
  }
}

/** package.json's `version` ("0.0.0" when it cannot be read). */
export const VERSION: string = readVersion();
