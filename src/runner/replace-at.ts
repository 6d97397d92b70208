/**
 * Copy-on-write writes into JSON values: only the objects and arrays on the path to the written key are
 * copied, the rest is shared (case bodies are never mutated in place, so sharing is safe). Replaces a
 * structuredClone of the whole body per write.
 */

/**
 * `root` with the value at `tokens` (unescaped pointer tokens) replaced by `value`, or `root` itself when
 * the parent is missing or not an object, or (with `existingOnly`) when the parent lacks the key.
 */
export function replaceAt(
  root: unknown,
  tokens: readonly string[],
  value: unknown,
  existingOnly = false,
): unknown {
  return write(root, tokens, 0, value, existingOnly);
}

function write(
  node: unknown,
  tokens: readonly string[],
  i: number,
  value: unknown,
  existingOnly: boolean,
): unknown {
  if (typeof node !== "object" || node === null) return node;
  const key = tokens[i] as string;
  const own = node as Record<string, unknown>;
  let next: unknown;
  if (i === tokens.length - 1) {
    if (existingOnly && !(key in own)) return node;
    next = value;
  } else {
    const child = own[key];
    next = write(child, tokens, i + 1, value, existingOnly);
    if (next === child) return node;
  }
  const copy = (Array.isArray(node) ? node.slice() : { ...own }) as Record<string, unknown>;
  copy[key] = next;
  return copy;
}
