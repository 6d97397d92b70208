/**
 * Page sections: a section starts at its heading line (exact text after trimming; `next` = the following
 * non-blank line, to tell an embed title from a list item) and runs to the next heading of the same page.
 * The headings come from the known page (known-pages.ts); rows, samples and values are parsed, never listed.
 */
import type { Heading } from "./known-pages.js";
import { nextNonBlank } from "./page.js";

/** A heading found on the page, with the lines it spans. */
export interface Section extends Heading {
  /** 1-based line of the heading. */
  line: number;
  /** 1-based line of the next heading (exclusive), or lines + 1. */
  end: number;
}

/** The sections of a page, in page order; a heading listed but not found is reported by the caller. */
export function sections(headings: readonly Heading[], lines: readonly string[]): Section[] {
  const found: Section[] = [];
  let from = 0;
  for (const heading of headings) {
    for (let i = from; i < lines.length; i++) {
      if ((lines[i] ?? "").trim() !== heading.text) continue;
      if (heading.next !== undefined && (lines[nextNonBlank(lines, i + 1)] ?? "").trim() !== heading.next)
        continue;
      found.push({ ...heading, line: i + 1, end: lines.length + 1 });
      from = i + 1;
      break;
    }
  }
  found.forEach((s, k) => {
    s.end = found[k + 1]?.line ?? lines.length + 1;
  });
  return found;
}

/** The section a 1-based line falls in. */
export function sectionAt(list: readonly Section[], line: number): Section | undefined {
  return list.find((s) => s.line <= line && line < s.end);
}
