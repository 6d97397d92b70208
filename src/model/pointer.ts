/**
 * RFC 6901 JSON Pointers, the one implementation every layer uses: escape and unescape a token, parse a
 * pointer into tokens, format tokens into a pointer, read the value a pointer names, and render a pointer
 * as the dotted path a merchant reads.
 */

const INDEX = /^(0|[1-9][0-9]*)$/;

/** Escapes one reference token (`~` -> `~0`, `/` -> `~1`). */
export function escapeToken(token: string): string {
  return token.replaceAll("~", "~0").replaceAll("/", "~1");
}

/** Unescapes one reference token (`~1` -> `/`, then `~0` -> `~`, so `~01` stays `~1`). */
export function unescapeToken(token: string): string {
  return token.replaceAll("~1", "/").replaceAll("~0", "~");
}

const parsed = new Map<string, readonly string[]>();

/** Splits a pointer into unescaped tokens; "" is the whole document (memoised: generation re-reads pointers). */
export function parsePointer(pointer: string): string[] {
  let tokens = parsed.get(pointer);
  if (tokens === undefined) {
    if (pointer !== "" && !pointer.startsWith("/")) throw new TypeError(`not a JSON pointer: "${pointer}"`);
    tokens = pointer === "" ? [] : pointer.slice(1).split("/").map(unescapeToken);
    if (parsed.size < 10_000) parsed.set(pointer, tokens);
  }
  return [...tokens];
}

/** Joins unescaped tokens into a pointer. */
export function toPointer(tokens: readonly (string | number)[]): string {
  return tokens.map((t) => `/${escapeToken(String(t))}`).join("");
}

/** Appends one unescaped token (an array index may be a number) to a pointer. */
export function childPointer(pointer: string, token: string | number): string {
  return `${pointer}/${escapeToken(String(token))}`;
}

/**
 * The value at `pointer`, or undefined when any step is missing: object tokens must be own properties,
 * array tokens canonical indexes ("01", "length" and "-" name nothing).
 */
export function valueAt(document: unknown, pointer: string): unknown {
  return valueAtTokens(document, parsePointer(pointer));
}

/** `valueAt` over already parsed tokens (the first `upTo` of them, default all). */
export function valueAtTokens(document: unknown, tokens: readonly string[], upTo = tokens.length): unknown {
  let node = document;
  for (let i = 0; i < upTo; i++) {
    const token = tokens[i] as string;
    if (typeof node !== "object" || node === null || !Object.hasOwn(node, token)) return undefined;
    if (Array.isArray(node) && !INDEX.test(token)) return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  return node;
}

/** `/customer/name` -> `customer.name`, `/items/0/name` -> `items[0].name`, `/headers/X-A` -> `header X-A`. */
export function dottedPath(pointer: string): string {
  const tokens = parsePointer(pointer);
  if (tokens.length === 0) return "the body";
  if (tokens[0] === "headers" && tokens.length === 2) return `header ${tokens[1]}`;
  if (tokens[0] === "path" && tokens.length === 2) return `path parameter ${tokens[1]}`;
  let out = "";
  for (const token of tokens) {
    if (INDEX.test(token)) out += `[${token}]`;
    else if (/^[A-Za-z_$][A-Za-z0-9_$-]*$/.test(token)) out += out === "" ? token : `.${token}`;
    else out += `[${JSON.stringify(token)}]`;
  }
  return out;
}
