/** Header names are case-insensitive on the wire; these helpers read and write them accordingly. */
import type { HeaderBag } from "./types.js";

/** The value of header `name` (any case); the first one when a list was delivered. */
export function headerValue(headers: HeaderBag, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted || value === undefined) continue;
    return typeof value === "string" ? value : value[0];
  }
  return undefined;
}

/** Every value of header `name` (any case, lists flattened), in delivery order. */
export function headerValues(headers: HeaderBag, name: string): string[] {
  const wanted = name.toLowerCase();
  const out: string[] = [];
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted || value === undefined) continue;
    if (typeof value === "string") out.push(value);
    else out.push(...value);
  }
  return out;
}

/** A copy of `headers` without `names` (any case). */
export function withoutHeaders(headers: Readonly<Record<string, string>>, names: readonly string[]) {
  const drop = new Set(names.map((n) => n.toLowerCase()));
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers)) if (!drop.has(key.toLowerCase())) out[key] = value;
  return out;
}

/** A copy of `headers` with `set` applied; existing headers of the same name in another case are replaced. */
export function withHeaders(
  headers: Readonly<Record<string, string>>,
  set: Readonly<Record<string, string>>,
): Record<string, string> {
  return { ...withoutHeaders(headers, Object.keys(set)), ...set };
}

/** The token of an `Authorization: Bearer <token>` value (scheme matched case-insensitively, RFC 7235). */
export function bearerToken(authorization: string | undefined): string | undefined {
  const match = /^bearer +(\S.*)$/i.exec(authorization?.trim() ?? "");
  return match?.[1];
}
