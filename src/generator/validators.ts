/**
 * Schema slots -> one ESM module of ajv standalone validators. Ajv's "ESM" output still calls `require`
 * (deps-probe §4), so the module gets a createRequire preamble.
 */
import standaloneModule from "ajv/dist/standalone/index.js";
import type { JsonSchema } from "../model/schema.js";
import { createAjv } from "../validation/ajv.js";
import { alternativeSchema, conflictAlternatives, conflictKey } from "../validation/conflicts.js";

// CJS interop: the function arrives either as the module or as its `default`.
type StandaloneCode = (ajv: ReturnType<typeof createAjv>, refsOrFuncs: Record<string, string>) => string;
const standaloneCode = ((standaloneModule as unknown as { default?: unknown }).default ??
  standaloneModule) as unknown as StandaloneCode;

const REQUIRE_SHIM =
  'import { createRequire } from "node:module";\nconst require = createRequire(import.meta.url);\n';

/** How ajv's standalone code takes its code-point counter for minLength / maxLength. */
const AJV_UCS2LENGTH = 'require("ajv/dist/runtime/ucs2length").default';
/**
 * The counter the generated validators use instead: a string without surrogates has as many code points as
 * UTF-16 units, which a native regex test finds 4-6x faster than ajv's loop; any other string is counted
 * by ajv's own function, so every count is ajv's.
 */
const UCS2LENGTH = `((exact) => { const surrogate = /[\\uD800-\\uDFFF]/; return (s) => (surrogate.test(s) ? exact(s) : s.length); })(${AJV_UCS2LENGTH})`;

/** Export name for a schema key: "snapCreateVa.response.200.body" -> "snapCreateVa_response_200_body". */
export function exportName(key: string): string {
  return key.replace(/[^A-Za-z0-9_$]/g, "_");
}

/**
 * The `x-doku-conflict` alternatives of every slot as schemas of their own (`conflictKey(slot, n)`), so a run
 * checks them with generated code instead of compiling them when a finding first meets one.
 */
export function conflictSchemas(schemas: Readonly<Record<string, JsonSchema>>): Record<string, JsonSchema> {
  const out: Record<string, JsonSchema> = {};
  for (const [key, root] of Object.entries(schemas)) {
    for (const [n, alternative] of conflictAlternatives(root).entries())
      out[conflictKey(key, n)] = alternativeSchema(alternative, root);
  }
  return out;
}

export function validatorsModule(schemas: Readonly<Record<string, JsonSchema>>, header: string): string {
  const ajv = createAjv({ standalone: true });
  const keys = Object.keys(schemas).sort();
  const mapping: Record<string, string> = {};
  for (const key of keys) {
    ajv.addSchema(schemas[key] as JsonSchema, key);
    mapping[exportName(key)] = key;
  }
  const code = standaloneCode(ajv, mapping);
  if (code.includes("ucs2length") && !code.includes(AJV_UCS2LENGTH))
    throw new Error("ajv's standalone code no longer requires ucs2length as expected: update UCS2LENGTH");
  const body = code.replace('"use strict";', "").replaceAll(AJV_UCS2LENGTH, UCS2LENGTH);
  const table = keys.map((key) => `  ${JSON.stringify(key)}: ${exportName(key)},`).join("\n");
  return `${header}${REQUIRE_SHIM}${body}\n\nexport const validators = {\n${table}\n};\n`;
}

export function validatorsDeclaration(header: string): string {
  return `${header}import type { ValidatorSet } from "../src/model/operation.js";\n\nexport declare const validators: ValidatorSet;\n`;
}
