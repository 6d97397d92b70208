/**
 * What a keyword family is handed and what it provides. A family (string.ts, object.ts, ...) never
 * imports the table or the compiler back: the compiler hands its `compile` function a `Ctx` (children,
 * pointers, options), and the table in builders.ts hands each `Builder` method the `Helpers` that recurse
 * through the table (ajv's `cxt`, openapi-typescript's `ctx`). So the import graph has no cycle.
 */
import type { JsonSchema } from "../model/schema.js";
import type { Choices } from "./choice.js";
import type { StringContext } from "./regex/pattern.js";
import type { Issue, Mutation, Negatives, Shape, Unsupported, Variant } from "./shape.js";

/** Helpers that dispatch on a shape's kind through the table (recursion into children, self-checks). */
export interface Helpers {
  /** A valid value for a shape, decoded from `c` (children draw from the same sequence). */
  decodeOf(s: Shape, c: Choices): unknown;
  /** Schema failures of `value` (empty: valid), mirroring ajv's keyword and pointer. */
  checkShape(s: Shape, value: unknown, at?: string): Issue[];
  /** True when `value` fails exactly one keyword, `rule`, at this node, and a conflict alternative rejects it too. */
  onlyBreaks(s: Shape, value: unknown, rule: string): boolean;
  /** The first candidate breaking only `rule` as a mutation at this node, else an Unsupported saying why. */
  firstBreak(
    s: Shape,
    rule: string,
    candidates: readonly unknown[],
    reason: (value: unknown) => string,
    none: string,
  ): Mutation | Unsupported;
  /** `n` deterministic valid values (fixed seed): boundary fillers, array items. Fresh copies each call. */
  witnesses(s: Shape, n: number): unknown[];
  /** The first deterministic valid value. */
  witness(s: Shape): unknown;
}

/** What each keyword family provides (see builders.ts for the table); every method receives the helpers. */
export interface Builder<S extends Shape = Shape> {
  /** A valid value decoded from `c`: total, or Rejected when a filter keeps refusing (see choice.ts). */
  decode(shape: S, c: Choices, h: Helpers): unknown;
  check(shape: S, value: unknown, at: string, out: Issue[], h: Helpers): void;
  /** Valid edits at this node or its direct children (the walker recurses). */
  boundaries(shape: S, value: unknown, h: Helpers): Variant[];
  /** Single-rule breaking edits at this node or its direct children, plus the ones it cannot build. */
  negatives(shape: S, value: unknown, h: Helpers): Negatives;
}

export interface CompileOptions {
  /** Strings for a body or for headers (headers: printable ASCII, no controls). */
  context: StringContext;
  /** Generate occasional unknown properties where additionalProperties allows them. */
  extras: boolean;
  /** How often one $ref may nest inside itself before optional branches are cut. */
  depth: number;
}

/** What the compiler hands a family's compile function: children, pointers, options, and a shape check. */
export interface Ctx extends CompileOptions, Pick<Helpers, "checkShape"> {
  key: string;
  root: JsonSchema;
  refs: readonly string[];
  /** Schema pointer for messages. */
  ptr(at: string): string;
  /** Compiles a child; undefined when the $ref depth budget is spent (callers drop optional parts). */
  compile(schema: unknown, at: string, name?: string): Shape | undefined;
}

/** A family's compile function: one JSON type's keywords -> its Shape. */
export type Compiler = (schema: JsonSchema, at: string, ctx: Ctx, name?: string) => Shape;
