/**
 * Choice sequences: a value is decoded from a list of small integer choices (Hypothesis-style). One
 * fast-check draw seeds a local PRNG, so a string costs one `mrng` call; shrinking lowers the recorded
 * choices, and because decoders are total every shrink is again a valid value.
 */
import fc from "fast-check";

/** A source of choices: `next(n)` is an integer in [0, n). */
export interface Choices {
  next(n: number): number;
}

/** Always the first option: the deterministic minimal value (boundary witnesses). */
export const zeroChoices: Choices = { next: () => 0 };

/** mulberry32: small, fast, good enough to spread choices; seeded from fast-check's Random. */
function prng(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (t ^ (t >>> 14)) >>> 0;
  };
}

class Recording implements Choices {
  readonly recorded: number[] = [];
  constructor(private readonly draw: (n: number) => number) {}
  next(n: number): number {
    if (n <= 1) return 0; // no real choice: not recorded, so replays stay aligned
    const v = this.draw(n);
    this.recorded.push(v);
    return v;
  }
}

/** Choices from a seed; `small` keeps them near zero (fast-check's bias towards small values). */
export function seededChoices(seed: number, small = false): Choices & { recorded: number[] } {
  const rand = prng(seed);
  return new Recording((n) => rand() % (small ? Math.min(n, 2) : n));
}

/** Replays recorded choices; missing ones are 0 and too-large ones are clamped (keeps shrinking monotone). */
function replay(choices: readonly number[]): Recording {
  let i = 0;
  return new Recording((n) => Math.min(choices[i++] ?? 0, n - 1));
}

function* candidates(cs: readonly number[]): Generator<number[]> {
  if (cs.some((c) => c !== 0)) yield cs.map(() => 0);
  for (let i = 0; i < cs.length; i++) if (cs[i]! > 0) yield cs.map((c, j) => (j === i ? 0 : c));
  for (let i = 0; i < cs.length; i++) if (cs[i]! > 1) yield cs.map((c, j) => (j === i ? c >> 1 : c));
  for (let i = 0; i < cs.length; i++) if (cs[i]! > 0) yield cs.map((c, j) => (j === i ? c - 1 : c));
}

/** An Arbitrary decoding its values from choices; `decode` must be total (any choices give a valid value). */
export class ChoiceArbitrary<T> extends fc.Arbitrary<T> {
  constructor(private readonly decode: (c: Choices) => T) {
    super();
  }
  generate(mrng: fc.Random, biasFactor: number | undefined): fc.Value<T> {
    const small = biasFactor !== undefined && mrng.nextInt(1, biasFactor) === 1;
    const src = seededChoices(mrng.nextInt(-0x80000000, 0x7fffffff), small);
    return new fc.Value(this.decode(src), src.recorded);
  }
  canShrinkWithoutContext(_value: unknown): _value is T {
    return false;
  }
  shrink(_value: T, context: unknown): fc.Stream<fc.Value<T>> {
    if (!Array.isArray(context)) return fc.Stream.nil();
    return fc.stream(candidates(context as number[])).map((cs) => {
      const src = replay(cs);
      return new fc.Value(this.decode(src), src.recorded);
    });
  }
}

/** Shorthand for `new ChoiceArbitrary(decode)`. */
export function fromChoices<T>(decode: (c: Choices) => T): fc.Arbitrary<T> {
  return new ChoiceArbitrary(decode);
}
