/** The one place generated/ is wired into the engine. */
import { readFile } from "node:fs/promises";
import { UsageError } from "../src/model/errors.js";
import type { SpecBundle } from "../src/model/operation.js";

let cached: Promise<SpecBundle> | undefined;

/** A generated file that cannot be loaded is a configuration problem (exit 2) naming the file, not a crash. */
function unreadable(file: string) {
  return (error: unknown): never => {
    const why = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new UsageError(
      `generated/${file} cannot be loaded (${why}); run npm run generate to rebuild generated/ from specs/`,
      { cause: error },
    );
  };
}

/** The package's generated/ bundle, loaded once. */
export function loadSpecBundle(): Promise<SpecBundle> {
  cached ??= loadSpecBundleFrom(new URL("../generated/", import.meta.url));
  return cached;
}

/** The bundle in the generated/ directory at `dir` (a file: URL ending in "/"). */
export async function loadSpecBundleFrom(dir: URL): Promise<SpecBundle> {
  const [{ operations }, { validators }, document] = await Promise.all([
    import(new URL("operations.js", dir).href).catch(unreadable("operations.ts")) as Promise<{
      operations: SpecBundle["operations"];
    }>,
    import(new URL("validators.js", dir).href).catch(unreadable("validators.js")) as Promise<{
      validators: SpecBundle["validators"];
    }>,
    readFile(new URL("openapi.json", dir), "utf8")
      .then((text) => JSON.parse(text) as Record<string, unknown>)
      .catch(unreadable("openapi.json")),
  ]);
  if (!Array.isArray(operations)) unreadable("operations.ts")(new Error("no operation table"));
  if (typeof validators !== "object" || validators === null)
    unreadable("validators.js")(new Error("no validator table"));
  return { operations, validators, document };
}
