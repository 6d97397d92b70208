/**
 * Lazy sampling: the values `fc.sample(arbitrary, { seed, numRuns })` gives, drawn one at a time as they are
 * pulled, so a phase of 100,000 cases holds one case, not 100,000. Value i is a function of (seed, i) only —
 * fast-check's own generator (xorshift128+, jumped once per value, bias from the run index), replayed here —
 * so value i of the stream equals value i of the eager sample and of the shrinker's replay (path = i).
 */
import { createRequire } from "node:module";
import fc from "fast-check";

/** A pure-rand generator as fast-check's Random takes it, with the in-place jump fast-check 4 uses. */
type Generator32 = ConstructorParameters<typeof fc.Random>[0] & { jump(): void };

/**
 * fast-check's default random generator, resolved from fast-check's own dependency (pure-rand), so the
 * kit draws exactly what `fc.sample` draws whatever the install layout.
 */
const xorshift128plus: (seed: number) => Generator32 = (() => {
  const fromKit = createRequire(import.meta.url);
  const fromFastCheck = createRequire(fromKit.resolve("fast-check"));
  return (
    fromFastCheck("pure-rand/generator/xorshift128plus") as { xorshift128plus: (s: number) => Generator32 }
  ).xorshift128plus;
})();

/** fast-check's bias for run `index` (its `runIdToFrequency`): larger values as the run goes on. */
const biasOf = (index: number): number => 2 + Math.floor(Math.log(index + 1) * Math.LOG10E);

/** fast-check's reading of a seed (its `readSeed`): 32-bit integers as they are, anything else folded. */
function seed32(seed: number): number {
  const low = seed | 0;
  return seed === low ? low : low ^ ((seed - low) * 4294967296);
}

/** The first `count` values of `fc.sample(arbitrary, { seed, numRuns: count })`, drawn as pulled. */
export function* lazySample<T>(arbitrary: fc.Arbitrary<T>, seed: number, count: number): Generator<T> {
  const rng = xorshift128plus(seed32(seed));
  for (let index = 0; index < count; index++) {
    rng.jump();
    yield arbitrary.generate(new fc.Random(rng), biasOf(index)).value_;
  }
}
