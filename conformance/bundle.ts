/** The one place generated/ is wired into the engine. */
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { importModule } from "../src/engine/import-module.js";
import { UsageError } from "../src/model/errors.js";
import { type SpecBundle, validatorGroup } from "../src/model/operation.js";

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

let loaded: SpecBundle | undefined;

/** The package's generated/ bundle, loaded once. */
export function loadSpecBundle(): Promise<SpecBundle> {
  cached ??= loadSpecBundleFrom(new URL("../generated/", import.meta.url)).then((bundle) => {
    loaded = bundle;
    return bundle;
  });
  return cached;
}

/** Whether `bundle` is the package's generated/ bundle as loadSpecBundle resolved it in this thread. */
export function isPackageBundle(bundle: SpecBundle): boolean {
  return bundle === loaded;
}

/** A JSON file of generated/, parsed. */
function readJson(dir: URL, file: string): Promise<unknown> {
  return readFile(new URL(file, dir), "utf8")
    .then((text) => JSON.parse(text) as unknown)
    .catch(unreadable(file));
}

/**
 * The generated validator table seen through getters that turn a per-operation file that cannot be loaded
 * (generated/validators/<operation>.cjs, required on first use) into the same exit-2 error as the index.
 */
function guarded(validators: SpecBundle["validators"]): SpecBundle["validators"] {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(validators)) {
    Object.defineProperty(out, key, {
      enumerable: true,
      configurable: true,
      get() {
        let validate: unknown;
        try {
          validate = validators[key];
        } catch (error) {
          unreadable(`validators/${validatorGroup(key)}.cjs`)(error);
        }
        if (typeof validate !== "function")
          unreadable(`validators/${validatorGroup(key)}.cjs`)(new Error(`no validator ${key}`));
        Object.defineProperty(out, key, { value: validate, enumerable: true });
        return validate;
      },
    });
  }
  return out as SpecBundle["validators"];
}

/**
 * The bundle in the generated/ directory at `dir` (a file: URL ending in "/"). The bundled document
 * (openapi.json, 600 KB) is read and parsed when first asked for: the mock and the docs commands need it, a
 * run against a URL does not (about 10 ms of its start-up). An unreadable document is the same exit-2 error,
 * raised where it is first needed.
 */
export async function loadSpecBundleFrom(dir: URL): Promise<SpecBundle> {
  const [operations, { validators }] = await Promise.all([
    readJson(dir, "operations.json") as Promise<SpecBundle["operations"]>,
    importModule<{ validators: SpecBundle["validators"] }>(new URL("validators.js", dir).href).catch(
      unreadable("validators.js"),
    ),
  ]);
  if (!Array.isArray(operations)) unreadable("operations.json")(new Error("no operation table"));
  if (typeof validators !== "object" || validators === null)
    unreadable("validators.js")(new Error("no validator table"));
  let document: Record<string, unknown> | undefined;
  return {
    operations,
    validators: guarded(validators),
    get document() {
      document ??= readJsonNow(dir, "openapi.json") as Record<string, unknown>;
      return document;
    },
  };
}

/** A JSON file of generated/, read and parsed now. */
function readJsonNow(dir: URL, file: string): unknown {
  try {
    return JSON.parse(readFileSync(new URL(file, dir), "utf8")) as unknown;
  } catch (error) {
    return unreadable(file)(error);
  }
}
