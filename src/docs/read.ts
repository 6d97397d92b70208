/**
 * A doc page file -> a DocPage: the format is chosen by extension (GitBook markdown `.md`, saved HTML
 * `.html`/`.htm`, anything else the plain text form of the seeds), converted to plain text, and recognized as
 * a known page by its marker line.
 */
import { htmlToText } from "./html.js";
import { type KnownPage, recognize } from "./known-pages.js";
import { markdownToText } from "./markdown.js";
import { type DocPage, pageOf } from "./page.js";

/** The page formats `docs diff` reads. */
export type PageFormat = "markdown" | "html" | "text";

const TO_TEXT: Record<PageFormat, (source: string) => string> = {
  markdown: markdownToText,
  html: htmlToText,
  text: (source) => source,
};

/** The format of a file, by its extension. */
export function formatOf(file: string): PageFormat {
  if (/\.(md|markdown)$/i.test(file)) return "markdown";
  if (/\.html?$/i.test(file)) return "html";
  return "text";
}

/** Reads a page's source in its format; `known` overrides recognition (e.g. a seed by file name). */
export function readPage(
  file: string,
  source: string,
  pages: readonly KnownPage[],
  known?: KnownPage,
): DocPage & { format: PageFormat } {
  const format = formatOf(file);
  const text = TO_TEXT[format](source);
  const page = pageOf(file, text, known ?? recognize(text.split(/\r?\n/), pages));
  return { ...page, format };
}
