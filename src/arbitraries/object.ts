/**
 * Objects: properties, required, optional (present or absent), additionalProperties (false: unknown
 * properties are a negative; true: DOKU-authored bodies may get an occasional unknown property).
 * Keys come out in schema order, so serialised bodies are stable for signing.
 */
import { SpecError } from "../model/errors.js";
import { childPointer, escapeToken } from "../model/pointer.js";
import type { JsonSchema } from "../model/schema.js";
import { leaf } from "./choice.js";
import type { Builder, Ctx } from "./family.js";
import { generated, type Mutation, type ObjectShape, type Prop, type Shape, type Variant } from "./shape.js";
import { printable } from "./text.js";

const EXTRA_NAMES = ["x_doku_extra", "additionalField"];
/** Chance an optional property is left out: 1 in OPTIONAL_ABSENT. */
const OPTIONAL_ABSENT = 3;
/** Chance an object that may get an unknown property gets one: 1 in EXTRA_ONE_IN. */
const EXTRA_ONE_IN = 10;

export function compileObject(schema: JsonSchema, at: string, ctx: Ctx): ObjectShape {
  const properties = (schema.properties ?? {}) as Record<string, unknown>;
  const required = (schema.required ?? []) as string[];
  const add = schema.additionalProperties;
  const additional: boolean | Shape =
    add === false
      ? false
      : add === undefined || add === true
        ? true
        : (ctx.compile(add, `${at}/additionalProperties`) ?? true);
  const props: Prop[] = [];
  for (const [key, sub] of Object.entries(properties)) {
    const shape = ctx.compile(sub, `${at}/properties/${escapeToken(key)}`, key);
    if (shape?.kind === "never" && required.includes(key)) {
      throw new SpecError(`"${key}" is required but its schema admits no value (not: {})`, ctx.ptr(at));
    }
    if (shape) props.push({ name: key, shape, required: required.includes(key) });
    else if (!required.includes(key))
      props.push({ name: key, shape: { kind: "any", ptr: ctx.ptr(at), cut: true }, required: false });
    else {
      throw new SpecError(
        `required property "${key}" nests its $ref deeper than the depth budget ${ctx.depth}`,
        ctx.ptr(at),
      );
    }
  }
  for (const key of required.filter((k) => !(k in properties))) {
    if (additional === false) {
      throw new SpecError(
        `"${key}" is required but not in properties, and additionalProperties is false`,
        ctx.ptr(at),
      );
    }
    props.push({
      name: key,
      shape: additional === true ? { kind: "any", ptr: ctx.ptr(at) } : additional,
      required: true,
    });
  }
  return { kind: "object", ptr: ctx.ptr(at), props, additional, extras: ctx.extras && additional !== false };
}

export const objectBuilder: Builder<ObjectShape> = {
  decode(s, c, h) {
    const out: Record<string, unknown> = {};
    for (const p of s.props) {
      if (!generated(p.shape)) continue;
      // Choice 0 leaves an optional property out: shrinking drops optional properties first.
      if (p.required || c.next(OPTIONAL_ABSENT) !== 0) out[p.name] = h.decodeOf(p.shape, c);
    }
    if (s.extras && c.next(EXTRA_ONE_IN) === EXTRA_ONE_IN - 1) {
      const names = EXTRA_NAMES.filter((n) => !s.props.some((p) => p.name === n));
      if (names.length > 0) {
        const name = names[c.next(names.length)]!;
        out[name] =
          s.additional === true || s.additional === false
            ? printable(leaf(c), 12)
            : h.decodeOf(s.additional, c);
      }
    }
    return out;
  },
  check(s, v, at, out, h) {
    if (typeof v !== "object" || v === null || Array.isArray(v))
      return void out.push({ keyword: "type", pointer: at });
    const obj = v as Record<string, unknown>;
    for (const p of s.props) {
      if (Object.hasOwn(obj, p.name))
        out.push(...h.checkShape(p.shape, obj[p.name], childPointer(at, p.name)));
      else if (p.required) out.push({ keyword: "required", pointer: childPointer(at, p.name) });
    }
    for (const key of Object.keys(obj)) {
      if (s.props.some((p) => p.name === key)) continue;
      if (s.additional === false)
        out.push({ keyword: "additionalProperties", pointer: childPointer(at, key) });
      else if (s.additional !== true)
        out.push(...h.checkShape(s.additional, obj[key], childPointer(at, key)));
    }
  },
  boundaries(s, value, h) {
    const obj = (value ?? {}) as Record<string, unknown>;
    const out: Variant[] = [];
    for (const p of s.props.filter((q) => !q.required && generated(q.shape))) {
      const path = childPointer("", p.name);
      const present = Object.hasOwn(obj, p.name) ? obj[p.name] : h.witness(p.shape);
      out.push(
        { path, op: "set", value: present, label: "present" },
        { path, op: "delete", label: "absent" },
      );
    }
    const extra = EXTRA_NAMES.find((n) => !s.props.some((p) => p.name === n));
    if (s.extras && extra)
      out.push({
        path: childPointer("", extra),
        op: "set",
        value: "extra",
        label: "with an unknown property (allowed)",
      });
    return out;
  },
  negatives(s) {
    const mutations: Mutation[] = s.props
      .filter((p) => p.required)
      .map((p) => ({
        path: childPointer("", p.name),
        op: "delete",
        rule: "required",
        reason: "required property missing",
      }));
    const unknown = ["unexpectedField", "unexpectedField2"].find((n) => !s.props.some((p) => p.name === n))!;
    if (s.additional === false) {
      mutations.push({
        path: childPointer("", unknown),
        op: "set",
        value: "x",
        rule: "additionalProperties",
        reason: "unknown property",
      });
    }
    if (!s.untyped)
      mutations.push({
        path: "",
        op: "set",
        value: "x",
        rule: "type",
        reason: "a string instead of an object",
      });
    return { mutations, unsupported: [] };
  },
};
