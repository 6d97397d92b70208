/** The one place generated/ is wired into the engine. */
import { readFile } from "node:fs/promises";
import type { SpecBundle } from "../src/model/operation.js";

let cached: Promise<SpecBundle> | undefined;

export function loadSpecBundle(): Promise<SpecBundle> {
  cached ??= (async () => {
    const [{ operations }, { validators }, document] = await Promise.all([
      import("../generated/operations.js"),
      import("../generated/validators.js"),
      readFile(new URL("../generated/openapi.json", import.meta.url), "utf8").then(
        (text) => JSON.parse(text) as Record<string, unknown>,
      ),
    ]);
    return { operations, validators, document };
  })();
  return cached;
}
