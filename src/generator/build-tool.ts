/**
 * The generator's build-time tools (@redocly/openapi-core, openapi-typescript) are devDependencies: they are
 * imported on demand, so the installed package runs without them and `generate` says what to install.
 */
import { UsageError } from "../model/errors.js";

/** Runs `load` (a dynamic import of `name`); a missing `name` becomes a one-line UsageError (exit 2). */
export async function importBuildTool<T>(name: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (!isMissing(error, name)) throw error;
    throw new UsageError(
      `generate needs ${name}, a build-time tool that is not installed: run npm ci in a checkout, or npm install --save-dev ${name}`,
      { cause: error },
    );
  }
}

function isMissing(error: unknown, name: string): boolean {
  const { code, message } = error as { code?: unknown; message?: unknown };
  return code === "ERR_MODULE_NOT_FOUND" && typeof message === "string" && message.includes(`'${name}'`);
}
