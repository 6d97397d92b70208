/**
 * The schema nodes an ajv error passed through, root first, each with the instance pointer it applies to.
 * Standalone validators carry no parentSchema, and an error inside a `$ref` target has a schemaPath that
 * restarts at `#/$defs/<Name>/...`; so the nodes above the `$ref` are found by walking the instance path
 * from the root, and the rest by walking the schemaPath. Used to find `x-doku-source` and `x-doku-conflict`.
 */

import { BoundedMap } from "../model/bounded-map.js";
import { parsePointer, toPointer } from "../model/pointer.js";
import type { JsonSchema } from "../model/schema.js";

export interface ChainNode {
  schema: JsonSchema;
  /** Instance pointer this schema node validates. */
  pointer: string;
}

/** Keywords whose next token is an argument (index or name) rather than a subschema. */
const WITH_ARGUMENT = new Set([
  "properties",
  "patternProperties",
  "prefixItems",
  "allOf",
  "anyOf",
  "oneOf",
  "dependentSchemas",
]);
/** Subschema keywords that step one level down into the instance. */
const CONSUMES_DATA = new Set([
  "properties",
  "patternProperties",
  "prefixItems",
  "additionalProperties",
  "items",
]);

function asSchema(value: unknown): JsonSchema | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as JsonSchema)
    : undefined;
}

/** Resolves a local `#/...` reference inside `root`. */
export function resolveLocalRef(root: JsonSchema, ref: string): JsonSchema | undefined {
  if (!ref.startsWith("#")) return undefined;
  let node: unknown = root;
  for (const token of parsePointer(decodeURIComponent(ref.slice(1)))) {
    node = asSchema(node)?.[token] ?? (Array.isArray(node) ? node[Number(token)] : undefined);
  }
  return asSchema(node);
}

/** Decodes an ajv schemaPath ("#/properties/a%20b/maxLength") into unescaped tokens. */
export function schemaPathTokens(schemaPath: string): string[] {
  const fragment = schemaPath.startsWith("#") ? schemaPath.slice(1) : schemaPath;
  if (fragment === "") return [];
  return parsePointer(fragment.split("/").map(decodeURIComponent).join("/"));
}

/** Nodes from `root` down the instance tokens, following `$ref`s, `allOf` members, `items`. */
export function instanceWalk(root: JsonSchema, tokens: readonly string[]): ChainNode[] {
  const chain: ChainNode[] = [];
  let node: JsonSchema | undefined = root;
  for (let depth = 0; node !== undefined; depth++) {
    const pointer = toPointer(tokens.slice(0, depth));
    node = pushWithRefs(root, node, pointer, chain);
    const token = tokens[depth];
    if (token === undefined) break;
    node = childSchema(root, node, token);
  }
  return chain;
}

function pushWithRefs(root: JsonSchema, start: JsonSchema, pointer: string, chain: ChainNode[]): JsonSchema {
  let node = start;
  chain.push({ schema: node, pointer });
  for (let hops = 0; typeof node.$ref === "string" && hops < 32; hops++) {
    const target = resolveLocalRef(root, node.$ref);
    if (target === undefined) break;
    node = target;
    chain.push({ schema: node, pointer });
  }
  return node;
}

function childSchema(root: JsonSchema, node: JsonSchema, token: string): JsonSchema | undefined {
  const own = asSchema(asSchema(node.properties)?.[token]);
  if (own !== undefined) return own;
  for (const member of Array.isArray(node.allOf) ? node.allOf : []) {
    const resolved =
      typeof asSchema(member)?.$ref === "string"
        ? resolveLocalRef(root, String(asSchema(member)?.$ref))
        : asSchema(member);
    const found = resolved === undefined ? undefined : asSchema(asSchema(resolved.properties)?.[token]);
    if (found !== undefined) return found;
  }
  if (/^(0|[1-9][0-9]*)$/.test(token)) {
    const prefix = Array.isArray(node.prefixItems) ? asSchema(node.prefixItems[Number(token)]) : undefined;
    return prefix ?? asSchema(node.items);
  }
  return asSchema(node.additionalProperties);
}

/** Chains already built, per root schema: the same error recurs on every case that repeats a value. */
const chains = new WeakMap<JsonSchema, BoundedMap<string, readonly ChainNode[]>>();
/** Distinct (instancePath, schemaPath, keyword) kept per root; array indices in instance paths are unbounded. */
const CHAINS_PER_ROOT = 512;

/**
 * The chain for one ajv error; the last node is the schema holding the failing keyword. A pure function of
 * its arguments, so it is built once per root and error position and shared (hence read-only).
 */
export function schemaChain(
  root: JsonSchema,
  instancePath: string,
  schemaPath: string,
  keyword: string,
): readonly ChainNode[] {
  let byError = chains.get(root);
  if (byError === undefined) {
    byError = new BoundedMap(CHAINS_PER_ROOT);
    chains.set(root, byError);
  }
  const key = `${instancePath}\u0000${schemaPath}\u0000${keyword}`;
  const known = byError.get(key);
  if (known !== undefined) return known;
  const chain = buildChain(root, instancePath, schemaPath, keyword);
  byError.set(key, chain);
  return chain;
}

function buildChain(
  root: JsonSchema,
  instancePath: string,
  schemaPath: string,
  keyword: string,
): ChainNode[] {
  const tokens = schemaPathTokens(schemaPath);
  if (tokens[tokens.length - 1] === keyword) tokens.pop();
  const fromDefs = tokens[0] === "$defs" && tokens.length >= 2;
  const def = fromDefs ? resolveLocalRef(root, `#${toPointer(tokens.slice(0, 2))}`) : undefined;
  let node = fromDefs ? def : root;
  const rest = fromDefs ? tokens.slice(2) : tokens;
  const steps: { schema: JsonSchema; consumed: number }[] = [];
  let consumed = 0;
  for (let i = 0; i < rest.length && node !== undefined; i++) {
    const keywordToken = rest[i] as string;
    let next: unknown = node[keywordToken];
    if (WITH_ARGUMENT.has(keywordToken)) {
      const arg = rest[++i] ?? "";
      next = Array.isArray(next) ? next[Number(arg)] : asSchema(next)?.[arg];
    }
    if (CONSUMES_DATA.has(keywordToken)) consumed++;
    node = asSchema(next);
    if (node !== undefined) steps.push({ schema: node, consumed });
  }
  const instance = parsePointer(instancePath);
  const baseDepth = Math.max(0, instance.length - consumed);
  const chain = fromDefs ? instanceWalk(root, instance.slice(0, baseDepth)) : [{ schema: root, pointer: "" }];
  if (def !== undefined) {
    if (chain[chain.length - 1]?.schema !== def) {
      chain.push({ schema: def, pointer: toPointer(instance.slice(0, baseDepth)) });
    }
  }
  for (const step of steps) {
    chain.push({ schema: step.schema, pointer: toPointer(instance.slice(0, baseDepth + step.consumed)) });
  }
  return chain;
}

/** The deepest `x-doku-source` along a chain. */
export function nearestSource(chain: readonly ChainNode[]): string | undefined {
  for (let i = chain.length - 1; i >= 0; i--) {
    const source = chain[i]?.schema["x-doku-source"];
    if (typeof source === "string" && source !== "") return source;
  }
  return undefined;
}
