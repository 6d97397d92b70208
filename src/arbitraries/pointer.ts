/** RFC 6901 pointers over plain JSON values: build, read, and edit copies. */

export function escapeSegment(s: string): string {
  return s.replace(/~/g, "~0").replace(/\//g, "~1");
}

export function child(at: string, segment: string | number): string {
  return `${at}/${escapeSegment(String(segment))}`;
}

export function segments(pointer: string): string[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

const isContainer = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;

/** The value at `pointer`, or undefined when any step is missing. */
export function get(root: unknown, pointer: string): unknown {
  let cur = root;
  for (const s of segments(pointer)) {
    if (!isContainer(cur) || !Object.hasOwn(cur, s)) return undefined;
    cur = cur[s];
  }
  return cur;
}

export function has(root: unknown, pointer: string): boolean {
  let cur = root;
  for (const s of segments(pointer)) {
    if (!isContainer(cur) || !Object.hasOwn(cur, s)) return false;
    cur = cur[s];
  }
  return true;
}

/** Sets in place; false when the parent is missing (pointer "" cannot be set in place). */
export function set(root: unknown, pointer: string, value: unknown): boolean {
  const segs = segments(pointer);
  const last = segs.pop();
  const parent = get(root, segs.map((s) => `/${escapeSegment(s)}`).join(""));
  if (last === undefined || !isContainer(parent)) return false;
  parent[last] = value;
  return true;
}

/** Deletes in place (array elements are spliced out); false when nothing was there. */
export function remove(root: unknown, pointer: string): boolean {
  const segs = segments(pointer);
  const last = segs.pop();
  const parent = get(root, segs.map((s) => `/${escapeSegment(s)}`).join(""));
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

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!isContainer(a) || !isContainer(b) || Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && deepEqual(a[k], b[k]));
}
