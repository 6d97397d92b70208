/**
 * A DOKU page saved from the browser as HTML -> the plain text form the parsers read: block elements end a
 * line, a table row becomes `a | b |` (a header row of `<th>` cells is followed by a `---|---|` rule), `<pre>`
 * keeps its lines (JSON and HTTP samples), scripts and styles are dropped, entities are decoded, blank lines
 * are dropped (the seeds' text form has consecutive paragraphs on consecutive lines, e.g. header samples).
 * Line numbers of findings refer to this text, not to the HTML source.
 */

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

const decode = (text: string) =>
  text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith("#x") || name.startsWith("#X"))
      return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith("#")) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });

const strip = (html: string) => decode(html.replace(/<[^>]+>/g, "")).trim();

function row(html: string): string {
  const cells = [...html.matchAll(/<t([hd])\b[^>]*>([\s\S]*?)<\/t[hd]>/gi)];
  // Tags go now, entities later (in htmlToText), so a decoded "<id>" is not taken for a tag.
  const cell = (html: string) =>
    html
      .replace(/<[^>]+>/g, "")
      .trim()
      .replace(/\s*\n\s*/g, " ");
  const line = `${cells.map((c) => cell(c[2] ?? "")).join(" | ")} |`;
  return cells.length > 0 && cells.every((c) => c[1]?.toLowerCase() === "h")
    ? `${line}\n${cells.map(() => "---").join("|")}|`
    : line;
}

/** The plain text form of a saved HTML page. */
export function htmlToText(html: string): string {
  const pres: string[] = [];
  const body = html
    .replace(/<(script|style|head)\b[\s\S]*?<\/\1>/gi, "")
    .replace(/<pre\b[^>]*>([\s\S]*?)<\/pre>/gi, (_m, inner: string) => {
      pres.push(decode(inner.replace(/<[^>]+>/g, "")));
      return `\n@@pre:${pres.length - 1}@@\n`;
    })
    .replace(/<tr\b[^>]*>([\s\S]*?)<\/tr>/gi, (_m, inner: string) => `\n${row(inner)}\n`)
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(
      /<\/?(p|div|h[1-6]|li|ul|ol|table|thead|tbody|section|article|header|footer|tr)\b[^>]*>/gi,
      "\n",
    );
  return body
    .split("\n")
    .map((line) => {
      const pre = /^@@pre:([0-9]+)@@$/.exec(line);
      return pre ? (pres[Number(pre[1])] ?? "") : strip(line);
    })
    .join("\n")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .join("\n");
}
