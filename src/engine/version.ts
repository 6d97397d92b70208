/** The kit's version as written in package.json (reports carry it). */
import { readFileSync } from "node:fs";

let cached: string | undefined;

export function packageVersion(): string {
  if (cached === undefined) {
    try {
      const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
        version?: unknown;
      };
      cached = typeof pkg.version === "string" ? pkg.version : "0.0.0";
    } catch {
      cached = "0.0.0";
    }
  }
  return cached;
}
