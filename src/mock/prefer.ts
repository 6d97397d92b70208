/**
 * The `Prefer` request header, as Prism's own server reads it: `dynamic=true` (data generated from the
 * schema instead of the spec example), `code=<status>` (answer with that documented status),
 * `example=<name>` (a named example), `seed=<text>` (repeatable dynamic data).
 */
export interface Preferences {
  dynamic: boolean;
  code?: number;
  exampleKey?: string;
  seed?: string;
}

/** Parses a Prefer header value; unknown or malformed preferences are ignored. */
export function parsePrefer(value: string | undefined): Preferences {
  const prefs: Preferences = { dynamic: false };
  if (value === undefined) return prefs;
  for (const part of value.split(/[,;]/)) {
    const [rawKey, ...rest] = part.split("=");
    const key = rawKey?.trim().toLowerCase();
    const val = rest
      .join("=")
      .trim()
      .replace(/^"(.*)"$/, "$1");
    if (key === "dynamic") prefs.dynamic = val === "true";
    else if (key === "code" && /^[1-5][0-9]{2}$/.test(val)) prefs.code = Number(val);
    else if (key === "example" && val !== "") prefs.exampleKey = val;
    else if (key === "seed" && val !== "") prefs.seed = val;
  }
  return prefs;
}

/** A stable key for caching static (non-dynamic) answers. */
export function preferenceKey(prefs: Preferences): string {
  return `${prefs.code ?? ""}|${prefs.exampleKey ?? ""}`;
}
