/**
 * Test fixtures written from the seeds (test/specs/seeds/pages): the seed text rewritten as GitBook markdown and
 * as saved HTML, and mutated copies (one documented fact changed each). Nothing here is downloaded.
 */
import { readFileSync } from "node:fs";
import { jsonSamples } from "../../src/docs/json-samples.js";
import { pipeTables } from "../../src/docs/pipe-tables.js";
import { KNOWN_PAGES, pagesDir, type SeedFile } from "../specs/seeds/load.js";

/** A seed page's text. */
export const seedText = (file: SeedFile) => readFileSync(new URL(file, pagesDir), "utf8");

/** The seed in GitBook markdown: a llms.txt quote, `#`/`##` headings, outer-piped tables, fenced samples, a hint. */
export function toMarkdown(file: SeedFile): string {
  const text = seedText(file);
  const lines = text.split("\n");
  const headings = new Set((KNOWN_PAGES.find((p) => p.file === file)?.headings ?? []).map((h) => h.text));
  const tableLines = new Set(
    pipeTables(lines).flatMap((t) => [t.line, t.line + 1, ...t.rows.map((r) => r.line)]),
  );
  const opens = new Set(jsonSamples(text).map((s) => s.line));
  const closes = new Set(jsonSamples(text).map((s) => s.endLine));
  const out = [
    "> For the complete documentation index, see [llms.txt](https://docs.doku.com/llms.txt).",
    "",
    '{% hint style="info" %}',
    "Saved from the **GitBook** `.md` form.",
    "{% endhint %}",
  ];
  lines.forEach((line, i) => {
    const n = i + 1;
    if (opens.has(n)) out.push("```json");
    if (i === 0) out.push(`# ${line}`);
    else if (headings.has(line.trim())) out.push(`## ${line}`);
    else if (tableLines.has(n) && /^\s*-{3,}/.test(line))
      out.push(
        `| ${line
          .split("|")
          .filter((c) => c.trim() !== "")
          .map(() => "---")
          .join(" | ")} |`,
      );
    else if (tableLines.has(n)) out.push(`| ${line}`);
    else out.push(line);
    if (closes.has(n)) out.push("```");
  });
  return out.join("\n");
}

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The seed as a saved HTML page: paragraphs, `<table>`s with a `<th>` head, `<pre>` samples, a script. */
export function toHtml(file: SeedFile): string {
  const text = seedText(file);
  const lines = text.split("\n");
  const tables = new Map(pipeTables(lines).map((t) => [t.line, t] as const));
  const samples = new Map(jsonSamples(text).map((s) => [s.line, s] as const));
  const out = ["<html><head><title>x</title><script>var a = '<p>';</script></head><body>"];
  for (let i = 0; i < lines.length; i++) {
    const n = i + 1;
    const table = tables.get(n);
    const sample = samples.get(n);
    if (table !== undefined) {
      const cells = (cs: string[], tag: string) =>
        cs.map((c) => `<${tag}>${escapeHtml(c)}</${tag}>`).join("");
      out.push(`<table><thead><tr>${cells(table.header, "th")}</tr></thead><tbody>`);
      for (const r of table.rows) out.push(`<tr>${cells(r.cells, "td")}</tr>`);
      out.push("</tbody></table>");
      i = (table.rows.at(-1)?.line ?? n + 1) - 1;
    } else if (sample !== undefined) {
      out.push(`<pre><code>${escapeHtml(lines.slice(i, sample.endLine).join("\n"))}</code></pre>`);
      i = sample.endLine - 1;
    } else out.push(`<p>${escapeHtml(lines[i] ?? "")}</p>`);
  }
  out.push("</body></html>");
  return out.join("\n");
}

/** The seed with `from` replaced by `to` on 1-based line `line` (the test fails loudly if `from` is not there). */
export function edit(text: string, line: number, from: string, to: string): string {
  const lines = text.split("\n");
  const at = lines[line - 1] ?? "";
  if (!at.includes(from)) throw new Error(`line ${line} has no ${JSON.stringify(from)}: ${at}`);
  lines[line - 1] = at.replace(from, to);
  return lines.join("\n");
}
