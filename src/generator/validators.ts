/**
 * Schema slots -> ajv standalone validators: one CommonJS file per operation (`validators/<operation>.cjs`)
 * and an ESM index (`validators.js`) whose table loads an operation's file on the first use of one of its
 * validators, so a process that checks one operation compiles that operation's code only.
 */
import standaloneModule from "ajv/dist/standalone/index.js";
import { validatorGroup } from "../model/operation.js";
import type { JsonSchema } from "../model/schema.js";
import { createAjv } from "../validation/ajv.js";
import { alternativeSchema, conflictAlternatives, conflictKey } from "../validation/conflicts.js";

// CJS interop: the function arrives either as the module or as its `default`.
type StandaloneCode = (ajv: ReturnType<typeof createAjv>, refsOrFuncs: Record<string, string>) => string;
const standaloneCode = ((standaloneModule as unknown as { default?: unknown }).default ??
  standaloneModule) as unknown as StandaloneCode;

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

/** One operation's validators as a CommonJS module exporting each under `exportName(key)`. */
function groupModule(schemas: Readonly<Record<string, JsonSchema>>, keys: readonly string[], header: string) {
  const ajv = createAjv({ standalone: true, commonjs: true });
  const mapping: Record<string, string> = {};
  for (const key of keys) {
    ajv.addSchema(schemas[key] as JsonSchema, key);
    mapping[exportName(key)] = key;
  }
  const code = standaloneCode(ajv, mapping);
  if (code.includes("ucs2length") && !code.includes(AJV_UCS2LENGTH))
    throw new Error("ajv's standalone code no longer requires ucs2length as expected: update UCS2LENGTH");
  return `${header}${code.replaceAll(AJV_UCS2LENGTH, UCS2LENGTH)}\n`;
}

/**
 * Every validator file: `validators/<operation>.cjs` per operation and the index `validators.js`, whose
 * `validators` table has one enumerable property per schema key that requires its operation's file on first
 * read and then holds the function.
 */
export function validatorsModules(
  schemas: Readonly<Record<string, JsonSchema>>,
  header: string,
): Map<string, string> {
  const keys = Object.keys(schemas).sort();
  const groups = new Map<string, string[]>();
  for (const key of keys) {
    const group = validatorGroup(key);
    groups.set(group, [...(groups.get(group) ?? []), key]);
  }
  const files = new Map<string, string>();
  for (const [group, members] of [...groups].sort(([a], [b]) => a.localeCompare(b)))
    files.set(`validators/${group}.cjs`, groupModule(schemas, members, header));
  const table = keys
    .map((key) => `  ${JSON.stringify(key)}: ${JSON.stringify([validatorGroup(key), exportName(key)])},`)
    .join("\n");
  const index = [
    `${header}import { createRequire } from "node:module";`,
    'import { fileURLToPath } from "node:url";',
    "",
    "const require = createRequire(import.meta.url);",
    "/** Schema key -> [the operation file holding its validator, its export name there]. */",
    `const files = {\n${table}\n};`,
    "",
    "export const validators = {};",
    "for (const [key, [group, name]] of Object.entries(files)) {",
    "  Object.defineProperty(validators, key, {",
    "    enumerable: true,",
    "    configurable: true,",
    "    get() {",
    '      const file = fileURLToPath(new URL("./validators/" + group + ".cjs", import.meta.url));',
    "      const validate = require(file)[name];",
    "      Object.defineProperty(validators, key, { value: validate, enumerable: true });",
    "      return validate;",
    "    },",
    "  });",
    "}",
    "",
  ].join("\n");
  files.set("validators.js", index);
  return files;
}

export function validatorsDeclaration(header: string): string {
  return `${header}import type { ValidatorSet } from "../src/model/operation.js";\n\nexport declare const validators: ValidatorSet;\n`;
}
