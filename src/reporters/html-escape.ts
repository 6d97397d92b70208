/** Escaping for the HTML report: text and attribute values, and JSON safe inside a <script> element. */

/** Text or attribute value with &, <, >, " and ' escaped. */
export function esc(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** JSON that cannot close its <script> element or start a comment inside it. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/** Text with every http(s) URL turned into a link (the rest escaped); a seed file name stays code. */
export function linked(text: string): string {
  const parts = text.split(/(https?:\/\/[^\s,;)]+)/);
  return parts
    .map((part, i) => (i % 2 === 1 ? `<a href="${esc(part)}" rel="noreferrer">${esc(part)}</a>` : esc(part)))
    .join("");
}

/** A value as the report shows it: JSON, whole (the page scrolls, nothing is cut). */
export function shownValue(value: unknown): string {
  return value === undefined ? "undefined" : JSON.stringify(value, null, 1).replace(/\n\s*/g, " ");
}
