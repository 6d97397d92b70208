/** Edits at pointers inside a part, and the sites (every node of a shape) boundaries and negatives visit. */

import { childPointer, valueAt } from "../model/pointer.js";
import { clone, deepEqual, remove, set } from "./json.js";
import { ensureParents } from "./locate.js";
import { generated, type Shape } from "./shape.js";

export interface Edit {
  path: string;
  op: "set" | "delete";
  value?: unknown;
  /** A string length boundary: fields derived by a rule get this length through their parts. */
  length?: number;
}

/** A copy of `base` with the edit applied (missing parents created valid); undefined when impossible. */
export function applyEdit(root: Shape, base: unknown, edit: Edit): unknown {
  if (edit.path === "") return edit.op === "set" ? clone(edit.value) : undefined;
  const copy = clone(base);
  if (edit.op === "delete") {
    remove(copy, edit.path);
    return copy;
  }
  if (!ensureParents(copy, root, edit.path)) return undefined;
  set(copy, edit.path, clone(edit.value));
  return copy;
}

/** Whether the edit is still in place in `value` (repairs may have undone it). */
export function editHolds(value: unknown, edit: Edit): boolean {
  const now = edit.path === "" ? value : valueAt(value, edit.path);
  return edit.op === "delete" ? now === undefined : deepEqual(now, edit.value);
}

export interface Site {
  pointer: string;
  shape: Shape;
}

/** Every node reachable through object properties and the first array item (not into unions). */
export function sites(shape: Shape, at = ""): Site[] {
  const out: Site[] = [{ pointer: at, shape }];
  if (shape.kind === "object") {
    for (const p of shape.props)
      if (generated(p.shape)) out.push(...sites(p.shape, childPointer(at, p.name)));
  } else if (shape.kind === "array" && shape.maxItems !== 0 && generated(shape.items))
    out.push(...sites(shape.items, childPointer(at, 0)));
  return out;
}
