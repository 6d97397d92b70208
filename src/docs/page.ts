/**
 * A DOKU doc page as the parsers read it: the plain text form of the seeds (one rendered line per line), with
 * the known page it is (its id in the numbering the specs cite as `x-doku-source`) when it is recognized.
 */
import type { KnownPage } from "./known-pages.js";

/** A page as plain text lines, with the known page it is. */
export interface DocPage {
  /** The file it was read from (as given), or the seed file name. */
  file: string;
  /** "000" .. "004" for a recognized page, "" otherwise. */
  id: string;
  text: string;
  /** Lines without their terminator; line n of the page is lines[n - 1]. */
  lines: string[];
  /** The known page this is (section map, spec source file name), when recognized. */
  known?: KnownPage;
}

/** A page from its plain text and the known page it is (if any). */
export function pageOf(file: string, text: string, known?: KnownPage): DocPage {
  const lines = text.split(/\r?\n/);
  return known === undefined ? { file, id: "", text, lines } : { file, id: known.id, text, lines, known };
}

/** The index of the next non-blank line at or after `from`, or -1. */
export function nextNonBlank(lines: readonly string[], from: number): number {
  for (let i = from; i < lines.length; i++) if ((lines[i] ?? "").trim() !== "") return i;
  return -1;
}

/** The index of the previous non-blank line at or before `from`, or -1. */
export function prevNonBlank(lines: readonly string[], from: number): number {
  for (let i = from; i >= 0; i--) if ((lines[i] ?? "").trim() !== "") return i;
  return -1;
}
