/**
 * Shapes: JSON Schemas compiled once into what the generator needs (refs resolved, allOf merged, lengths
 * intersected with patterns). Every shape keeps its schema pointer for SpecError messages.
 */
import type { FormatEntry } from "./formats/index.js";
import type { CompiledPattern, StringContext } from "./regex/pattern.js";

interface Base {
  /** Schema pointer, `<schema key>#/properties/...`. */
  ptr: string;
  /** `x-doku-conflict.alternative`, compiled: a value it accepts is only a warning, so negatives avoid it. */
  alt?: Shape;
  /** The schema declares no `type` (inferred from keywords): no "type" negatives then. */
  untyped?: boolean;
  /** `x-doku-conflict` without `alternative`: every finding here (or below) is only a warning. */
  tolerant?: boolean;
  /** Cut by the $ref depth budget: accepted as anything when checking, never generated. */
  cut?: boolean;
  /** Keywords declared by more than one merged allOf branch: ajv reports each, so no single-error negative. */
  repeated?: readonly string[];
}

export interface StringShape extends Base {
  kind: "string";
  context: StringContext;
  /** Declared keywords (negatives break exactly these). */
  minLength?: number;
  maxLength?: number;
  pattern?: CompiledPattern;
  format?: string;
  /** Generator used for valid values: a registry entry, else the pattern, else free text. */
  entry?: FormatEntry;
  /** Lengths valid values may have (ascending, non-empty). */
  lens: readonly number[];
}

export interface NumberShape extends Base {
  kind: "number";
  integer: boolean;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  multipleOf?: number;
  /** Effective inclusive bounds for generation. */
  lo: number;
  hi: number;
}

export interface EnumShape extends Base {
  kind: "enum";
  keyword: "enum" | "const";
  values: readonly unknown[];
  /** The schema without enum/const (type, lengths...): outside values must still pass it. */
  base: Shape;
}

export interface Prop {
  name: string;
  shape: Shape;
  required: boolean;
}

export interface ObjectShape extends Base {
  kind: "object";
  props: readonly Prop[];
  /** false: unknown properties are rejected; true or a shape: allowed. */
  additional: boolean | Shape;
  /** Generate occasional unknown properties (DOKU-authored bodies: "DOKU may add fields"). */
  extras: boolean;
}

export interface ArrayShape extends Base {
  kind: "array";
  items: Shape;
  minItems: number;
  maxItems?: number;
  unique: boolean;
}

export interface UnionShape extends Base {
  kind: "union";
  /** Which keyword made it: a type array, oneOf (exactly one branch) or anyOf. */
  keyword: "type" | "oneOf" | "anyOf";
  branches: readonly Shape[];
}

export interface LeafShape extends Base {
  /** never: `not: {}`, no value allowed (a property that must stay absent). */
  kind: "boolean" | "null" | "any" | "never";
}

export type Shape = StringShape | NumberShape | EnumShape | ObjectShape | ArrayShape | UnionShape | LeafShape;
export type ShapeKind = Shape["kind"];

/** Whether values are ever generated for the shape (not `not: {}`, not cut by the $ref depth budget). */
export function generated(shape: Shape): boolean {
  return shape.kind !== "never" && shape.cut !== true;
}

/** One schema failure found by `checkShape`; `pointer` names the field (required: the missing one). */
export interface Issue {
  keyword: string;
  pointer: string;
}

/** A valid value to put at a relative path (boundary), or a deletion ("absent"). */
export interface Variant {
  path: string;
  op: "set" | "delete";
  value?: unknown;
  label: string;
  /** For a string length boundary: the length that matters (fields derived by rules are resized instead). */
  length?: number;
}

/** A breaking edit at a relative path (negative): `rule` is the JSON Schema keyword it breaks. */
export interface Mutation {
  path: string;
  op: "set" | "delete";
  value?: unknown;
  rule: string;
  reason: string;
}

/** A negative the generator cannot build for a field, and why (`pointer` absolute once reported). */
export interface Unsupported {
  pointer: string;
  rule: string;
  reason: string;
}

export interface Negatives {
  mutations: Mutation[];
  /** Relative `pointer`s, like Mutation.path. */
  unsupported: Unsupported[];
}
