/**
 * SNAP "minify": a lexical pass that drops JSON whitespace (space, tab, LF, CR) outside string literals and
 * keeps every other byte as sent — string contents and escapes, number spelling, key order. Never parses:
 * JSON.parse/stringify would rewrite `1.0`, `\u0041` or duplicate keys and change the signed bytes.
 */
import type { BodyBytes } from "./types.js";

const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

function isJsonWhitespace(byte: number): boolean {
  return byte === SPACE || byte === TAB || byte === LF || byte === CR;
}

/**
 * Minifies raw bytes. Exact on any input, even invalid UTF-8 or invalid JSON: the bytes it looks at are
 * ASCII and never occur inside a multi-byte UTF-8 sequence. An unterminated string keeps its tail as is.
 */
export function minifyJsonBytes(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length);
  let length = 0;
  let inString = false;
  let escaped = false;
  for (const byte of bytes) {
    if (inString) {
      out[length++] = byte;
      if (escaped) escaped = false;
      else if (byte === BACKSLASH) escaped = true;
      else if (byte === QUOTE) inString = false;
    } else if (!isJsonWhitespace(byte)) {
      out[length++] = byte;
      if (byte === QUOTE) inString = true;
    }
  }
  return out.subarray(0, length);
}

/**
 * Whether minifyJsonBytes leaves the text's UTF-8 bytes as they are (true for JSON.stringify's output), read
 * on its UTF-16 code units without encoding it: the characters minify drops or watches are ASCII, which
 * UTF-8 and UTF-16 encode alike, and no other unit or byte equals them. (Only the "nothing to drop" answer
 * carries over: dropping units could join two lone surrogates into one character, which bytes cannot.)
 */
export function isMinifiedJson(text: string): boolean {
  let inString = false;
  let escaped = false;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (inString) {
      if (escaped) escaped = false;
      else if (unit === BACKSLASH) escaped = true;
      else if (unit === QUOTE) inString = false;
    } else if (isJsonWhitespace(unit)) return false;
    else if (unit === QUOTE) inString = true;
  }
  return true;
}

/** Minifies a body given as text (UTF-8) or bytes; returns the minified text. */
export function minifyJson(body: BodyBytes): string {
  const bytes = typeof body === "string" ? Buffer.from(body, "utf8") : body;
  return Buffer.from(minifyJsonBytes(bytes)).toString("utf8");
}
