/** RFC 6901 JSON pointers: build, parse, read, and render as the dotted path a merchant reads. */

/** Escapes one reference token (`~` -> `~0`, `/` -> `~1`). */
export function escapeToken(token: string): string {
  return token.replaceAll("~", "~0").replaceAll("/", "~1");
}

/** Splits a pointer into unescaped tokens; "" is the whole document. */
export function parsePointer(pointer: string): string[] {
  if (pointer === "") return [];
  if (!pointer.startsWith("/")) throw new TypeError(`not a JSON pointer: "${pointer}"`);
  return pointer
    .slice(1)
    .split("/")
    .map((t) => t.replaceAll("~1", "/").replaceAll("~0", "~"));
}

/** Joins unescaped tokens into a pointer. */
export function toPointer(tokens: readonly string[]): string {
  return tokens.map((t) => `/${escapeToken(t)}`).join("");
}

/** Appends one unescaped token to a pointer. */
export function childPointer(pointer: string, token: string): string {
  return `${pointer}/${escapeToken(token)}`;
}

/** The value at `pointer`, or undefined when any step is missing. */
export function valueAt(document: unknown, pointer: string): unknown {
  let node = document;
  for (const token of parsePointer(pointer)) {
    if (Array.isArray(node)) {
      if (!/^(0|[1-9][0-9]*)$/.test(token)) return undefined;
      node = node[Number(token)];
    } else if (node !== null && typeof node === "object" && Object.hasOwn(node, token)) {
      node = (node as Record<string, unknown>)[token];
    } else {
      return undefined;
    }
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
    if (/^(0|[1-9][0-9]*)$/.test(token)) out += `[${token}]`;
    else if (/^[A-Za-z_$][A-Za-z0-9_$-]*$/.test(token)) out += out === "" ? token : `.${token}`;
    else out += `[${JSON.stringify(token)}]`;
  }
  return out;
}
