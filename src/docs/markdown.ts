/**
 * GitBook markdown (DOKU serves every page as `<page>.md`) -> the plain text form the parsers read, line for
 * line, so a finding's line is the line of the .md file: `# ` heading marks, `> ` quotes, `**`/`_`/`` ` ``
 * emphasis, links and images, `{% ... %}` block tags and HTML tags are dropped; a pipe table loses its outer
 * pipes (`| A | B |` -> `A | B |`, `| --- | --- |` -> `---|---|`); code fences become blank lines (the JSON and
 * HTTP samples inside are kept as they are). An `{% openapi ... path="/p" method="post" %}` tag becomes the
 * HTTP line `POST /p HTTP/1.1`: the .md form references DOKU's OpenAPI file there instead of listing the fields,
 * so a page whose fields live only in such embeds has no field rows in this form.
 */

const OPENAPI_TAG = /\{%\s*openapi(?:-operation)?\b([^%]*)%\}/;

const attribute = (attrs: string, name: string) => new RegExp(`${name}="([^"]*)"`).exec(attrs)?.[1];

function openapiLine(attrs: string): string {
  const path = attribute(attrs, "path");
  const method = attribute(attrs, "method");
  return path === undefined || method === undefined ? "" : `${method.toUpperCase()} ${path} HTTP/1.1`;
}

function tableLine(line: string): string {
  const inner = line.trim().replace(/^\|/, "");
  if (/^\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(inner))
    return `${inner
      .split("|")
      .filter((c) => c.trim() !== "")
      .map(() => "---")
      .join("|")}|`;
  return inner
    .split("|")
    .map((c) => c.trim())
    .join(" | ")
    .trim();
}

function inline(line: string): string {
  return line
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/<[^>]+>/g, "")
    .replace(/\*\*([^*]+)\*\*/g, "$1")
    .replace(/`([^`]+)`/g, "$1")
    .replace(/\\([\\`*_{}[\]()#+\-.!|])/g, "$1");
}

/** The plain text form of a GitBook markdown page (same number of lines). */
export function markdownToText(markdown: string): string {
  let inCode = false;
  return markdown
    .split(/\r?\n/)
    .map((raw) => {
      if (/^\s*(```|~~~)/.test(raw)) {
        inCode = !inCode;
        return "";
      }
      if (inCode) return raw;
      const tag = OPENAPI_TAG.exec(raw);
      if (tag) return openapiLine(tag[1] ?? "");
      if (/^\s*\{%.*%\}\s*$/.test(raw)) return "";
      let line = raw.replace(/^\s*>\s?/, "").replace(/^#{1,6}\s+/, "");
      if (/^\s*\|/.test(line)) line = tableLine(line);
      return inline(line);
    })
    .join("\n");
}
