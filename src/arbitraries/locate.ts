/** Shapes at instance pointers, and making a pointer's ancestors exist with valid values. */

import { escapeToken, parsePointer, valueAt } from "../model/pointer.js";
import { witness } from "./builders.js";
import { set } from "./json.js";
import { generated, type Shape } from "./shape.js";

/** The shape at `pointer` through object properties and array items; undefined through unions or unknown keys. */
export function shapeAt(root: Shape, pointer: string): Shape | undefined {
  let cur: Shape | undefined = root;
  for (const s of parsePointer(pointer)) {
    if (cur?.kind === "object") cur = cur.props.find((p) => p.name === s)?.shape;
    else if (cur?.kind === "array" && /^(0|[1-9][0-9]*)$/.test(s)) cur = cur.items;
    else return undefined;
  }
  return cur;
}

const positions = new WeakMap<Shape, Map<string, number>>();

function position(shape: Extract<Shape, { kind: "object" }>): Map<string, number> {
  let map = positions.get(shape);
  if (!map) {
    map = new Map(shape.props.map((p, i) => [p.name, i]));
    positions.set(shape, map);
  }
  return map;
}

/**
 * `value` with object keys in schema order (repairs append the keys they add; unknown keys go last).
 * Returns the same object where nothing is out of order, so the common case allocates nothing.
 */
export function ordered(shape: Shape, value: unknown): unknown {
  if (shape.kind === "array" && Array.isArray(value)) {
    let changed = false;
    const out = value.map((v) => {
      const o = ordered(shape.items, v);
      changed ||= o !== v;
      return o;
    });
    return changed ? out : value;
  }
  if (shape.kind !== "object" || typeof value !== "object" || value === null || Array.isArray(value))
    return value;
  const obj = value as Record<string, unknown>;
  const pos = position(shape);
  let sorted = true;
  let last = -1;
  for (const k of Object.keys(obj)) {
    const i = pos.get(k) ?? Number.MAX_SAFE_INTEGER;
    if (i < last) sorted = false;
    last = i;
  }
  const kids = new Map<string, unknown>();
  for (const p of shape.props) {
    if (!Object.hasOwn(obj, p.name)) continue;
    const o = ordered(p.shape, obj[p.name]);
    if (o !== obj[p.name]) kids.set(p.name, o);
  }
  if (sorted && kids.size === 0) return value;
  const out: Record<string, unknown> = {};
  for (const p of shape.props)
    if (Object.hasOwn(obj, p.name)) out[p.name] = kids.has(p.name) ? kids.get(p.name) : obj[p.name];
  for (const k of Object.keys(obj)) if (!Object.hasOwn(out, k)) out[k] = obj[k];
  return out;
}

/** The parent pointer ("" for a top-level key). */
export function parentOf(pointer: string): string {
  return pointer.slice(0, pointer.lastIndexOf("/"));
}

/**
 * Makes each missing ancestor of `pointer` exist (in place), using `fill(prefix, shape)` or a witness.
 * Array ancestors get witness items up to the index. False when an ancestor cannot be made.
 */
export function ensureParents(
  body: unknown,
  root: Shape,
  pointer: string,
  fill: (prefix: string, shape: Shape) => unknown = (_p, shape) => witness(shape),
): boolean {
  const segs = parsePointer(pointer);
  let prefix = "";
  for (const s of segs.slice(0, -1)) {
    const next = `${prefix}/${escapeToken(s)}`;
    const shape = shapeAt(root, next);
    const parent = valueAt(body, prefix);
    if (shape === undefined || !generated(shape) || typeof parent !== "object" || parent === null)
      return false;
    if (Array.isArray(parent)) {
      const items = shapeAt(root, prefix);
      while (items?.kind === "array" && parent.length <= Number(s)) parent.push(witness(items.items));
      if (parent.length <= Number(s)) return false;
    } else if (valueAt(body, next) === undefined) set(body, next, fill(next, shape));
    prefix = next;
  }
  return typeof valueAt(body, prefix) === "object" && valueAt(body, prefix) !== null;
}
