/** RFC 6901 pointers over plain JSON values: build, read, and edit copies. */

export function escapeSegment(s: string): string {
  return s.replace(/~/g, "~0").replace(/\//g, "~1");
}

export function child(at: string, segment: string | number): string {
  return `${at}/${escapeSegment(String(segment))}`;
}

const parsed = new Map<string, readonly string[]>();

/** The unescaped tokens of a pointer (memoised: generation reads the same few pointers over and over). */
export function segments(pointer: string): readonly string[] {
  let out = parsed.get(pointer);
  if (!out) {
    out =
      pointer === ""
        ? []
        : pointer
            .slice(1)
            .split("/")
            .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
    if (parsed.size < 10_000) parsed.set(pointer, out);
  }
  return out;
}

const isContainer = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;

function walk(root: unknown, segs: readonly string[], upTo: number): unknown {
  let cur = root;
  for (let i = 0; i < upTo; i++) {
    const s = segs[i]!;
    if (!isContainer(cur) || !Object.hasOwn(cur, s) || (Array.isArray(cur) && !/^(0|[1-9][0-9]*)$/.test(s)))
      return undefined;
    cur = cur[s];
  }
  return cur;
}

/** The value at `pointer`, or undefined when any step is missing. */
export function get(root: unknown, pointer: string): unknown {
  const segs = segments(pointer);
  return walk(root, segs, segs.length);
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
let added = 0;

/** How many object keys `set` has added so far (a key added at the end may be out of schema order). */
export function keysAdded(): number {
  return added;
}

export function set(root: unknown, pointer: string, value: unknown): boolean {
  const segs = segments(pointer);
  const last = segs[segs.length - 1];
  const parent = walk(root, segs, segs.length - 1);
  if (last === undefined || !isContainer(parent)) return false;
  if (!Array.isArray(parent) && !Object.hasOwn(parent, last)) added++;
  parent[last] = value;
  return true;
}

/** Deletes in place (array elements are spliced out); false when nothing was there. */
export function remove(root: unknown, pointer: string): boolean {
  const segs = segments(pointer);
  const last = segs[segs.length - 1];
  const parent = walk(root, segs, segs.length - 1);
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
