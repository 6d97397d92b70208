/**
 * Seeds: the run seed is printed; every (operation, phase) gets its own seed derived from it, so
 * `--seed N --operation X` regenerates exactly the cases X got in the full run (shards and filters do not
 * shift anything).
 */
import { randomInt } from "node:crypto";

/** A fresh run seed (31-bit, so it prints and parses as a plain integer). */
export function randomSeed(): number {
  return randomInt(0, 2 ** 31 - 1);
}

/** FNV-1a 32-bit over the parts joined with ":"; deterministic, platform-independent. */
export function deriveSeed(seed: number, ...parts: string[]): number {
  const text = [String(seed), ...parts].join(":");
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) & 0x7fffffff;
}
