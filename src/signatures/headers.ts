/** Header names are case-insensitive on the wire; these helpers read and write them accordingly. */
import type { HeaderBag } from "./types.js";

/**
 * Whether `key`, lowercased, can equal `wanted` (a lowercased name). When `wanted` is ASCII, a key of another
 * length cannot (no character lowercases to nothing, nor to several ASCII ones), so most keys are passed
 * over without lowercasing them; other names (control characters included) are always compared.
 */
const NON_ASCII = /[^\x20-\x7e]/;
const mayMatch = (key: string, wanted: string, ascii: boolean): boolean =>
  !ascii || key.length === wanted.length;

/** The value of header `name` (any case); the first one when a list was delivered. */
export function headerValue(headers: HeaderBag, name: string): string | undefined {
  const wanted = name.toLowerCase();
  const ascii = !NON_ASCII.test(wanted);
  for (const key of Object.keys(headers)) {
    if (!mayMatch(key, wanted, ascii)) continue;
    const value = headers[key];
    if (value === undefined || key.toLowerCase() !== wanted) continue;
    return typeof value === "string" ? value : value[0];
  }
  return undefined;
}

/** Every value of header `name` (any case, lists flattened), in delivery order. */
export function headerValues(headers: HeaderBag, name: string): string[] {
  const wanted = name.toLowerCase();
  const ascii = !NON_ASCII.test(wanted);
  const out: string[] = [];
  for (const key of Object.keys(headers)) {
    if (!mayMatch(key, wanted, ascii)) continue;
    const value = headers[key];
    if (value === undefined || key.toLowerCase() !== wanted) continue;
    if (typeof value === "string") out.push(value);
    else out.push(...value);
  }
  return out;
}

/** Sets an own property, even one named "__proto__" (as an object spread would). */
function put(out: Record<string, string>, key: string, value: string): void {
  if (key === "__proto__")
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  else out[key] = value;
}

/** A copy of `headers` without `names` (any case). */
export function withoutHeaders(headers: Readonly<Record<string, string>>, names: readonly string[]) {
  const drop = names.map((n) => n.toLowerCase());
  const out: Record<string, string> = {};
  for (const key of Object.keys(headers))
    if (!drop.includes(key.toLowerCase())) put(out, key, headers[key] as string);
  return out;
}

/** A copy of `headers` with `set` applied; existing headers of the same name in another case are replaced. */
export function withHeaders(
  headers: Readonly<Record<string, string>>,
  set: Readonly<Record<string, string>>,
): Record<string, string> {
  const names = Object.keys(set);
  const out = withoutHeaders(headers, names);
  for (const name of names) put(out, name, set[name] as string);
  return out;
}

/** The token of an `Authorization: Bearer <token>` value (scheme matched case-insensitively, RFC 7235). */
export function bearerToken(authorization: string | undefined): string | undefined {
  const match = /^bearer +(\S.*)$/i.exec(authorization?.trim() ?? "");
  return match?.[1];
}
