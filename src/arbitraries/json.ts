/**
 * Plain JSON values as the generator edits them: deep copy, deep equality, and in-place set / remove at
 * a JSON Pointer (parsed and read by model/pointer.ts).
 */
import { parsePointer, valueAtTokens } from "../model/pointer.js";

const isContainer = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;

let added = 0;

/** How many object keys `set` has added so far (a key added at the end may be out of schema order). */
export function keysAdded(): number {
  return added;
}

/** Sets in place; false when the parent is missing (pointer "" cannot be set in place). */
export function set(root: unknown, pointer: string, value: unknown): boolean {
  const tokens = parsePointer(pointer);
  const last = tokens[tokens.length - 1];
  const parent = valueAtTokens(root, tokens, tokens.length - 1);
  if (last === undefined || !isContainer(parent)) return false;
  if (!Array.isArray(parent) && !Object.hasOwn(parent, last)) added++;
  parent[last] = value;
  return true;
}

/** Deletes in place (array elements are spliced out); false when nothing was there. */
export function remove(root: unknown, pointer: string): boolean {
  const tokens = parsePointer(pointer);
  const last = tokens[tokens.length - 1];
  const parent = valueAtTokens(root, tokens, tokens.length - 1);
  if (last === undefined || !isContainer(parent) || !Object.hasOwn(parent, last)) return false;
  if (Array.isArray(parent)) parent.splice(Number(last), 1);
  else delete parent[last];
  return true;
}

/** Deep copy of a JSON value (objects keep key order). */
export function clone<T>(v: T): T {
  if (Array.isArray(v)) return v.map(clone) as T;
  if (isContainer(v)) {
    const out: Record<string, unknown> = {};
    for (const k in v) out[k] = clone(v[k]);
    return out as T;
  }
  return v;
}

/** Structural equality of two JSON values (object key order ignored). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!isContainer(a) || !isContainer(b) || Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && deepEqual(a[k], b[k]));
}
