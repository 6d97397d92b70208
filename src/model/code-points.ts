/** String length the way JSON Schema (and ajv's ucs2length) counts it: in Unicode code points. */

/**
 * Code points in `text`: an astral character such as "😀" (one surrogate pair, two UTF-16 units) counts 1,
 * a composed emoji sequence counts each code point, and a lone surrogate counts 1.
 */
export function codePointLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++, n++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++;
  }
  return n;
}
