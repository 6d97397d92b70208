/**
 * The one Ajv configuration used everywhere: generate (standalone code), runtime compile (tests, the
 * differential check) and the validation layer. Both paths must compile the same schemas the same way.
 */
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
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
}

// ajv-formats is CJS; its default export arrives either as the function or as { default }.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as unknown as (ajv: Ajv2020) => Ajv2020;

export function createAjv(options: AjvOptions = {}): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    strictRequired: false,
    allowUnionTypes: true,
    discriminator: true,
    ...(options.standalone ? { code: { source: true, esm: true } } : {}),
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
