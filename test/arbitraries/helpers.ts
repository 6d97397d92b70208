/** Test helpers for the arbitraries laws: captured values with their shrink trees, ajv errors as pointers. */
import fc from "fast-check";
import type { AjvLikeError, CompiledValidator } from "../../src/model/operation.js";

/** Wraps an Arbitrary to keep each generated Value (value + shrink context). */
class Capture<T> extends fc.Arbitrary<T> {
  readonly values: fc.Value<T>[] = [];
  constructor(readonly inner: fc.Arbitrary<T>) {
    super();
  }
  generate(mrng: fc.Random, bias: number | undefined): fc.Value<T> {
    const v = this.inner.generate(mrng, bias);
    this.values.push(v);
    return v;
  }
  canShrinkWithoutContext(value: unknown): value is T {
    return this.inner.canShrinkWithoutContext(value);
  }
  shrink(value: T, context: unknown): fc.Stream<fc.Value<T>> {
    return this.inner.shrink(value, context);
  }
}

export interface ShrinkOptions {
  seed?: number;
  samples?: number;
  /** Shrink candidates followed per value at each level. */
  perLevel?: number;
  depth?: number;
}

/** Generated values and, for each, a bounded tree of its shrinks (fast-check's own shrink streams). */
export function valuesAndShrinks<T>(
  arb: fc.Arbitrary<T>,
  options: ShrinkOptions = {},
): { values: T[]; shrinks: T[] } {
  const { seed = 1, samples = 50, perLevel = 6, depth = 3 } = options;
  const capture = new Capture(arb);
  fc.sample(capture, { seed, numRuns: samples });
  const shrinks: T[] = [];
  const walk = (v: fc.Value<T>, level: number): void => {
    if (level === 0) return;
    for (const s of arb.shrink(v.value_, v.context).take(perLevel)) {
      shrinks.push(s.value_);
      walk(s, level - 1);
    }
  };
  for (const v of capture.values) walk(v, depth);
  return { values: capture.values.map((v) => v.value_), shrinks };
}

const escapeToken = (s: string): string => s.replace(/~/g, "~0").replace(/\//g, "~1");

/** An ajv error as {keyword, pointer}; required/additionalProperties point at the property concerned. */
export function errorPointer(e: AjvLikeError): { keyword: string; pointer: string } {
  const name = e.params.missingProperty ?? e.params.additionalProperty;
  return {
    keyword: e.keyword,
    pointer: typeof name === "string" ? `${e.instancePath}/${escapeToken(name)}` : e.instancePath,
  };
}

/** The validator's errors for `value` as {keyword, pointer} (empty when valid). */
export function errorsOf(
  validate: CompiledValidator,
  value: unknown,
): { keyword: string; pointer: string }[] {
  return validate(value) ? [] : (validate.errors ?? []).map(errorPointer);
}
