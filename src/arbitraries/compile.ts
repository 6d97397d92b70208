/**
 * Schema -> Shape. Resolves `#/...` refs (with a depth budget for recursion), merges allOf, turns
 * oneOf/anyOf and type arrays into unions, and dispatches each JSON type to its keyword family through
 * `compilers` (each family's compile function, handed a `Ctx` for its children). Every impossible or
 * unsupported schema fails here, naming its pointer.
 */
import { SpecError } from "../model/errors.js";
import type { SchemaRef } from "../model/operation.js";
import { escapeToken, parsePointer } from "../model/pointer.js";
import type { JsonSchema } from "../model/schema.js";
import { mergeAllOf, REPEATED } from "./allof.js";
import { compileArray } from "./array.js";
import { compileBoolean, compileNull } from "./boolean.js";
import { checkShape } from "./builders.js";
import { compileEnum } from "./enum.js";
import type { CompileOptions, Compiler, Ctx } from "./family.js";
import { compileNumber } from "./number.js";
import { compileObject } from "./object.js";
import type { Shape } from "./shape.js";
import { compileString } from "./string.js";

const compilers: Record<string, Compiler> = {
  string: compileString,
  number: (s, at, ctx) => compileNumber(s, at, ctx, false),
  integer: (s, at, ctx) => compileNumber(s, at, ctx, true),
  boolean: compileBoolean,
  null: compileNull,
  object: compileObject,
  array: compileArray,
};

const SUPPORTED = new Set(
  "not type enum const minLength maxLength pattern format minimum maximum exclusiveMinimum exclusiveMaximum multipleOf properties required additionalProperties items minItems maxItems uniqueItems allOf oneOf anyOf $ref".split(
    " ",
  ),
);
const ANNOTATIONS = new Set(
  "$schema $id $defs definitions $comment $anchor title description default examples example deprecated readOnly writeOnly discriminator xml externalDocs contentMediaType contentEncoding".split(
    " ",
  ),
);
const INFER: [string, RegExp][] = [
  ["object", /^(properties|required|additionalProperties)$/],
  ["array", /^(items|minItems|maxItems|uniqueItems)$/],
  ["string", /^(minLength|maxLength|pattern|format)$/],
  ["number", /^(minimum|maximum|exclusiveMinimum|exclusiveMaximum|multipleOf)$/],
];

const isObject = (v: unknown): v is JsonSchema => typeof v === "object" && v !== null && !Array.isArray(v);
const validating = (s: JsonSchema): string[] => Object.keys(s).filter((k) => SUPPORTED.has(k));

function resolve(ctx: Ctx, ref: string, at: string): [JsonSchema | boolean, string] {
  let node: unknown = ctx.root;
  const target = ref.startsWith("#") ? ref.slice(1) : undefined;
  for (const s of target === undefined ? [] : parsePointer(target))
    node = isObject(node) ? node[s] : undefined;
  if (target === undefined || node === undefined)
    throw new SpecError(`$ref ${ref} cannot be resolved`, ctx.ptr(at));
  return [node as JsonSchema | boolean, target];
}

function compileNode(schema: unknown, at: string, ctx: Ctx, name?: string): Shape | undefined {
  if (schema === true || (isObject(schema) && validating(schema).length === 0))
    return { kind: "any", ptr: ctx.ptr(at) };
  if (!isObject(schema)) throw new SpecError("schema admits no value (false or not an object)", ctx.ptr(at));
  for (const k of Object.keys(schema)) {
    if (!SUPPORTED.has(k) && !ANNOTATIONS.has(k) && !k.startsWith("x-")) {
      throw new SpecError(
        `keyword "${k}" is not supported by the generator`,
        ctx.ptr(`${at}/${escapeToken(k)}`),
      );
    }
  }
  const { $ref, allOf, oneOf, anyOf, not, ...rest } = schema;
  if (not !== undefined) {
    if (not === true || (isObject(not) && validating(not).length === 0))
      return { kind: "never", ptr: ctx.ptr(at) };
    throw new SpecError(
      '"not" is supported only as not: {} (a property that must be absent)',
      ctx.ptr(`${at}/not`),
    );
  }
  if (typeof $ref === "string") {
    if (ctx.refs.filter((r) => r === $ref).length >= ctx.depth) return undefined;
    const [target, targetAt] = resolve(ctx, $ref, at);
    const inner: Ctx = { ...ctx, refs: [...ctx.refs, $ref] };
    if (validating(rest).length === 0) return compileNode(target, targetAt, inner, name);
    return compileNode({ ...rest, allOf: [target, ...((allOf as unknown[]) ?? [])] }, at, inner, name);
  }
  if (Array.isArray(allOf)) {
    const branches = allOf.map((b, i) => deref(b, `${at}/allOf/${i}`, ctx));
    return compileNode(mergeAllOf([...branches, rest], ctx.ptr(at)), at, ctx, name);
  }
  if (oneOf !== undefined && anyOf !== undefined)
    throw new SpecError("oneOf and anyOf together", ctx.ptr(at));
  const list = oneOf ?? anyOf;
  if (Array.isArray(list)) {
    const keyword = oneOf !== undefined ? "oneOf" : "anyOf";
    const branches = list
      .map((b, i) =>
        compileNode(
          validating(rest).length > 0 ? { allOf: [rest, b] } : b,
          `${at}/${keyword}/${i}`,
          ctx,
          name,
        ),
      )
      .filter((b): b is Shape => b !== undefined);
    return branches.length === 0
      ? undefined
      : withAlt({ kind: "union", keyword, branches, ptr: ctx.ptr(at) }, schema, at, ctx);
  }
  if ("enum" in schema || "const" in schema)
    return withAlt(compileEnum(schema, at, ctx, name), schema, at, ctx);
  const type = schema.type ?? INFER.find(([, re]) => Object.keys(schema).some((k) => re.test(k)))?.[0];
  const untyped = schema.type === undefined;
  if (type === undefined) return { kind: "any", ptr: ctx.ptr(at) };
  const types = Array.isArray(type) ? (type as string[]) : [type as string];
  const shapes = types.map((t) => {
    const compiler = compilers[t];
    if (!compiler) throw new SpecError(`type "${t}" is not a JSON Schema type`, ctx.ptr(`${at}/type`));
    return { ...compiler({ ...schema, type: t }, at, ctx, name), ...(untyped ? { untyped: true } : {}) };
  });
  const shape: Shape =
    shapes.length === 1 ? shapes[0]! : { kind: "union", keyword: "type", branches: shapes, ptr: ctx.ptr(at) };
  return withAlt(shape, schema, at, ctx);
}

/** Follows $refs until a schema with content (allOf branches are merged as schemas, not shapes). */
function deref(schema: unknown, at: string, ctx: Ctx): JsonSchema {
  let cur = schema;
  let where = at;
  for (let hops = 0; isObject(cur) && typeof cur.$ref === "string"; hops++) {
    if (hops > 32) throw new SpecError("$ref chain too long", ctx.ptr(where));
    const { $ref, ...rest } = cur;
    const [target, targetAt] = resolve(ctx, $ref, where);
    cur = validating(rest).length > 0 ? { ...rest, allOf: [target] } : target;
    where = targetAt;
  }
  if (cur === true) return {};
  if (!isObject(cur)) throw new SpecError("allOf branch admits no value", ctx.ptr(where));
  return cur;
}

/** Adds what the schema says beyond its keywords: conflict alternative or tolerance, allOf repeats. */
function withAlt(plain: Shape, schema: JsonSchema, at: string, ctx: Ctx): Shape {
  const repeated = schema[REPEATED];
  const shape: Shape = Array.isArray(repeated) ? { ...plain, repeated: repeated as string[] } : plain;
  const conflict = schema["x-doku-conflict"];
  const alternative = isObject(conflict) ? conflict.alternative : undefined;
  if (isObject(conflict) && alternative === undefined) return { ...shape, tolerant: true };
  if (alternative === undefined || alternative === false) return shape; // false: the conflict excuses nothing
  const alt = compileNode(alternative, `${at}/x-doku-conflict/alternative`, ctx);
  return alt ? { ...shape, alt } : shape;
}

const cache = new WeakMap<object, Map<string, Shape>>();

/** Compiles a self-contained schema slot (cached per schema object and options). */
export function compileSchemaRef(ref: SchemaRef, options: CompileOptions): Shape {
  const optionsKey = JSON.stringify([ref.key, options.context, options.extras, options.depth]);
  const byOptions = cache.get(ref.schema) ?? new Map<string, Shape>();
  cache.set(ref.schema, byOptions);
  const hit = byOptions.get(optionsKey);
  if (hit) return hit;
  const ctx: Ctx = {
    ...options,
    key: ref.key,
    root: ref.schema,
    refs: [],
    ptr: (at) => `${ref.key}#${at}`,
    checkShape,
    compile(schema, at, name) {
      return compileNode(schema, at, this, name);
    },
  };
  const shape = compileNode(ref.schema, "", ctx);
  if (!shape) throw new SpecError(`schema cannot terminate within $ref depth ${options.depth}`, ctx.ptr(""));
  byOptions.set(optionsKey, shape);
  return shape;
}
