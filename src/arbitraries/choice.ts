/**
 * Choice sequences: a value is decoded from a list of small integer choices (Hypothesis-style). A whole
 * request (every part, every field, every rule's extras) is decoded from one sequence: one fast-check draw
 * seeds a local PRNG, so a case costs two `mrng` calls and no combinator tree. Shrinking lowers the
 * recorded choices; decoders are total or say `Rejected`, so every shrink candidate is a valid value or is
 * skipped.
 */
import fc from "fast-check";

/** A source of choices: `next(n)` is an integer in [0, n), for 1 <= n <= 2^31. */
export interface Choices {
  next(n: number): number;
  /**
   * fast-check's bias factor for this draw (undefined: none). Each leaf (a string, a number, an array's
   * length) stays near zero with chance 1/bias, like fast-check's own per-arbitrary bias: see `leaf`.
   */
  readonly bias?: number | undefined;
}

/** Always the first option: the deterministic minimal value (boundary witnesses). */
export const zeroChoices: Choices = { next: () => 0 };

/** A decoder gave up: a filter kept refusing (generation), or a shrink candidate cannot be decoded. */
export class Rejected extends Error {
  override name = "Rejected";
}

/** Draws a filtered decoder tries before it gives up. */
export const MAX_TRIES = 100;

/** The first value `make` gives that `ok` accepts, within MAX_TRIES draws; otherwise Rejected. */
export function firstAccepted<T>(make: () => T, ok: (value: T) => boolean, what: string): T {
  for (let i = 0; i < MAX_TRIES; i++) {
    const value = make();
    if (ok(value)) return value;
  }
  throw new Rejected(`no ${what} in ${MAX_TRIES} draws`);
}

/**
 * mulberry32 cut to 31 bits (a small integer, so `% n` stays integer arithmetic): small, fast, good enough
 * to spread choices; seeded from fast-check's Random.
 */
function prng(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (t ^ (t >>> 14)) & 0x7fffffff;
  };
}

class Recording implements Choices {
  readonly recorded: number[] = [];
  constructor(
    private readonly draw: (n: number) => number,
    readonly bias: number | undefined,
  ) {}
  next(n: number): number {
    if (n <= 1) return 0; // no real choice: not recorded, so replays stay aligned
    const v = this.draw(n);
    this.recorded.push(v);
    return v;
  }
}

/** Near zero: every choice is 0 or 1. */
class Small implements Choices {
  constructor(private readonly inner: Choices) {}
  next(n: number): number {
    return this.inner.next(n < 2 ? n : 2);
  }
}

/** Choices from a seed, with fast-check's bias factor (undefined: no bias). */
export function seededChoices(seed: number, bias?: number): Choices & { recorded: number[] } {
  const rand = prng(seed);
  return new Recording((n) => rand() % n, bias);
}

/** Replays recorded choices; missing ones are 0 and too-large ones are clamped (keeps shrinking monotone). */
function replay(choices: readonly number[], bias: number | undefined): Recording {
  let i = 0;
  return new Recording((n) => Math.min(choices[i++] ?? 0, n - 1), bias);
}

/** A leaf's choices: with chance 1/bias they stay near zero (the shortest strings, the smallest numbers). */
export function leaf(c: Choices): Choices {
  const bias = c.bias;
  return bias !== undefined && c.next(bias) === 0 ? new Small(c) : c;
}

/** The largest range one choice covers. */
export const CHOICE_RANGE = 0x80000000;

/** An integer in [0, n) for any safe n (two choices above 2^31, the top clamped). */
export function below(c: Choices, n: number): number {
  if (n <= CHOICE_RANGE) return c.next(n);
  const high = c.next(Math.ceil(n / CHOICE_RANGE));
  return Math.min(high * CHOICE_RANGE + c.next(CHOICE_RANGE), n - 1);
}

/**
 * An integer in [lo, hi] (safe integers), uniform, with smaller choices closer to zero: 0, 1, -1, 2, -2, ...
 * while both signs remain, then the longer side; so shrinking moves towards the value nearest 0.
 */
export function intIn(c: Choices, lo: number, hi: number): number {
  const k = below(c, hi - lo + 1);
  if (lo >= 0) return lo + k;
  if (hi <= 0) return hi - k;
  const m = Math.min(hi, -lo);
  if (k === 0) return 0;
  if (k <= 2 * m) return k % 2 === 1 ? (k + 1) / 2 : -k / 2;
  return hi > -lo ? k - m : m - k;
}

interface Context {
  choices: readonly number[];
  bias: number | undefined;
}

function* candidates(cs: readonly number[]): Generator<number[]> {
  if (cs.some((c) => c !== 0)) yield cs.map(() => 0);
  for (let i = 0; i < cs.length; i++) if (cs[i]! > 0) yield cs.map((c, j) => (j === i ? 0 : c));
  for (let i = 0; i < cs.length; i++)
    if (cs[i]! > 1) yield cs.map((c, j) => (j === i ? Math.floor(c / 2) : c));
  for (let i = 0; i < cs.length; i++) if (cs[i]! > 0) yield cs.map((c, j) => (j === i ? c - 1 : c));
}

/** An Arbitrary decoding its values from choices; `decode` is total or throws Rejected. */
export class ChoiceArbitrary<T> extends fc.Arbitrary<T> {
  constructor(private readonly decode: (c: Choices) => T) {
    super();
  }
  generate(mrng: fc.Random, biasFactor: number | undefined): fc.Value<T> {
    const src = seededChoices(mrng.nextInt(-0x80000000, 0x7fffffff), biasFactor);
    const context: Context = { choices: src.recorded, bias: biasFactor };
    return new fc.Value(this.decode(src), context);
  }
  canShrinkWithoutContext(_value: unknown): _value is T {
    return false;
  }
  shrink(_value: T, context: unknown): fc.Stream<fc.Value<T>> {
    const ctx = context as Context | undefined;
    if (!ctx || !Array.isArray(ctx.choices)) return fc.Stream.nil();
    const decode = this.decode;
    function* values(): Generator<fc.Value<T>> {
      for (const cs of candidates(ctx!.choices)) {
        const src = replay(cs, ctx!.bias);
        let value: T;
        try {
          value = decode(src);
        } catch (error) {
          if (error instanceof Rejected) continue; // this candidate decodes to nothing valid
          throw error;
        }
        yield new fc.Value(value, { choices: src.recorded, bias: ctx!.bias } satisfies Context);
      }
    }
    return fc.stream(values());
  }
}

/** Shorthand for `new ChoiceArbitrary(decode)`. */
export function fromChoices<T>(decode: (c: Choices) => T): fc.Arbitrary<T> {
  return new ChoiceArbitrary(decode);
}
