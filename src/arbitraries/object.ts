/**
 * Objects: properties, required, optional (present or absent), additionalProperties (false: unknown
 * properties are a negative; true: DOKU-authored bodies may get an occasional unknown property).
 * Keys come out in schema order, so serialised bodies are stable for signing.
 */
import fc from "fast-check";
import { SpecError } from "../model/errors.js";
import { childPointer, escapeToken } from "../model/pointer.js";
import type { JsonSchema } from "../model/schema.js";
import type { Builder, Ctx, Helpers } from "./family.js";
import { generated, type Mutation, type ObjectShape, type Prop, type Shape, type Variant } from "./shape.js";

const ABSENT: unique symbol = Symbol("absent");
const EXTRA_NAMES = ["x_doku_extra", "additionalField"];
/** Chance an optional property is left out: 1 in OPTIONAL_ABSENT. */
const OPTIONAL_ABSENT = 3;

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

function extrasArbitrary(s: ObjectShape, h: Helpers): fc.Arbitrary<[string, unknown] | typeof ABSENT> {
  const names = EXTRA_NAMES.filter((n) => !s.props.some((p) => p.name === n));
  const value =
    s.additional === true || s.additional === false
      ? fc.string({ maxLength: 12, unit: "grapheme-ascii" })
      : h.arbitraryOf(s.additional);
  if (!s.extras || names.length === 0) return fc.constant(ABSENT);
  return fc.oneof(
    { weight: 9, arbitrary: fc.constant(ABSENT) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...names), value) },
  );
}

export const objectBuilder: Builder<ObjectShape> = {
  arbitrary(s, h) {
    const props = s.props.filter((p) => generated(p.shape));
    const parts = props.map((p) =>
      p.required
        ? h.arbitraryOf(p.shape)
        : fc.option(h.arbitraryOf(p.shape), { nil: ABSENT, freq: OPTIONAL_ABSENT }),
    );
    return fc.tuple(fc.tuple(...parts), extrasArbitrary(s, h)).map(([values, extra]) => {
      const out: Record<string, unknown> = {};
      props.forEach((p, i) => {
        if (values[i] !== ABSENT) out[p.name] = values[i];
      });
      if (extra !== ABSENT) out[extra[0]] = extra[1];
      return out;
    });
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
