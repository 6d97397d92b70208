/**
 * The one Ajv configuration used everywhere: generate (standalone code), runtime compile (tests, the
 * differential check) and the validation layer. Both paths must compile the same schemas the same way.
 */
import { createRequire } from "node:module";
import type { Ajv2020 } from "ajv/dist/2020.js";
import type { CompiledValidator } from "../model/operation.js";
import type { JsonSchema } from "../model/schema.js";

/** Non-validating annotation keywords that appear in our specs. */
export const ANNOTATION_KEYWORDS = [
  "example",
  "x-doku-source",
  "x-doku-conflict",
  "x-doku-unconfirmed",
  "x-doku-rules",
  "x-doku-case-codes",
  "x-doku-sample-path",
  "x-doku-length-unit",
  "xml",
  "externalDocs",
] as const;

export interface AjvOptions {
  /** Emit standalone source (generate). */
  standalone?: boolean;
  /** Standalone source as CommonJS (`exports.<name> = ...`) instead of ESM. */
  commonjs?: boolean;
}

/**
 * Ajv and ajv-formats (CommonJS), required on first use: a run validates with the generated standalone
 * validators and only compiles at runtime for a few callback checks, so the runner's start-up does not load
 * Ajv's compiler (about 100 ms).
 */
let loaded: { Ajv: typeof Ajv2020; addFormats: (ajv: Ajv2020) => Ajv2020 } | undefined;
function ajvModules(): NonNullable<typeof loaded> {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  const { Ajv2020: Ajv } = require("ajv/dist/2020.js") as typeof import("ajv/dist/2020.js");
  const formats = require("ajv-formats") as { default?: unknown };
  // ajv-formats' export arrives either as the function or as { default }.
  const addFormats = (formats.default ?? formats) as (ajv: Ajv2020) => Ajv2020;
  loaded = { Ajv, addFormats };
  return loaded;
}

export function createAjv(options: AjvOptions = {}): Ajv2020 {
  const { Ajv, addFormats } = ajvModules();
  const ajv = new Ajv({
    allErrors: true,
    strict: true,
    strictRequired: false,
    allowUnionTypes: true,
    discriminator: true,
    ...(options.standalone ? { code: { source: true, esm: !options.commonjs } } : {}),
  });
  for (const keyword of ANNOTATION_KEYWORDS) ajv.addKeyword(keyword);
  addFormats(ajv);
  return ajv;
}

/** Compiles each self-contained schema at runtime; the keys match generated/validators.js. */
export function compileValidators(
  schemas: Readonly<Record<string, JsonSchema>>,
): Record<string, CompiledValidator> {
  const ajv = createAjv();
  const out: Record<string, CompiledValidator> = {};
  for (const [key, schema] of Object.entries(schemas)) {
    out[key] = ajv.compile(schema) as unknown as CompiledValidator;
  }
  return out;
}
