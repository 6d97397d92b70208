/** The system Chromium the browser tests drive through puppeteer-core (/usr/bin/chromium in CI). */
import { execFileSync } from "node:child_process";

/** The path of the `chromium` on PATH; throws with the install hint when there is none. */
export function chromiumPath(): string {
  try {
    return execFileSync("sh", ["-c", "command -v chromium"], { encoding: "utf8" }).trim();
  } catch {
    throw new Error("chromium is not installed: apt-get install -y chromium (.ci/run does it)");
  }
}
