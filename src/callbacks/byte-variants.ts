/**
 * Byte variants: the same JSON value written with other bytes. Each is signed over exactly the bytes sent,
 * so a receiver that verifies over the raw body accepts all of them; one that re-serialises before hashing
 * (JSON.parse then JSON.stringify) or canonicalises keys rejects some.
 *
 * Which variant catches what. A receiver that hashes JSON.stringify(JSON.parse(body)): non-SNAP signs the
 * exact bytes, so `pretty` and `escaped` catch it (`reordered` does not: JSON.parse keeps key order); SNAP
 * hashes the *minified* body (whitespace dropped, key order and escapes kept), so only `escaped` catches it.
 * `reordered` catches receivers that sort keys or otherwise canonicalise, in both families.
 */
export interface ByteVariant {
  name: "pretty" | "reordered" | "escaped";
  description: string;
  /** The variant text, or undefined when the value offers nothing to vary (e.g. no string to escape). */
  render(value: unknown): string | undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Every object's keys in reverse order, recursively. */
function reversed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversed);
  if (!isObject(value)) return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reversed(v)]),
  );
}

/** Compact JSON where the first ASCII letter of every string value is written as a \u00XX escape. */
function escapedJson(value: unknown): string | undefined {
  let changed = false;
  const write = (v: unknown): string => {
    if (typeof v === "string") {
      const at = v.search(/[A-Za-z]/);
      if (at < 0) return JSON.stringify(v);
      changed = true;
      const escaped = `\\u${v.charCodeAt(at).toString(16).padStart(4, "0")}`;
      return `"${JSON.stringify(v.slice(0, at)).slice(1, -1)}${escaped}${JSON.stringify(v.slice(at + 1)).slice(1, -1)}"`;
    }
    if (Array.isArray(v)) return `[${v.map(write).join(",")}]`;
    if (isObject(v))
      return `{${Object.entries(v)
        .map(([k, x]) => `${JSON.stringify(k)}:${write(x)}`)
        .join(",")}}`;
    return JSON.stringify(v);
  };
  const text = write(value);
  return changed ? text : undefined;
}

/** The variants, in a stable order. */
export const BYTE_VARIANTS: readonly ByteVariant[] = [
  {
    name: "pretty",
    description: "pretty-printed: 2-space indentation and line breaks between tokens",
    render: (value) => JSON.stringify(value, null, 2),
  },
  {
    name: "reordered",
    description: "every object's keys in reverse order, compact",
    render: (value) => {
      const text = JSON.stringify(reversed(value));
      return text === JSON.stringify(value) ? undefined : text;
    },
  },
  {
    name: "escaped",
    description: "compact, with one letter of every string value written as a \\u00XX escape",
    render: escapedJson,
  },
];
