/** The five DOKU doc pages (seeds), copied byte for byte into pages/, loaded once as lines. */
import { readFileSync } from "node:fs";

/** The seed files, in the numbering the specs cite (`x-doku-source`). */
export const SEED_FILES = [
  "000_1490e55bffd50068.txt",
  "001_44e08f0c3a01f949.txt",
  "002_53e227cf58eb634c.txt",
  "003_50bc0299ae03b2a9.txt",
  "004_79f74cf326aa7e34.txt",
] as const;

export type SeedFile = (typeof SEED_FILES)[number];

export interface Seed {
  file: SeedFile;
  /** "000" .. "004". */
  id: string;
  text: string;
  /** Lines without their terminator; line n of the file is lines[n - 1]. */
  lines: string[];
}

export const pagesDir = new URL("./pages/", import.meta.url);

/** Reads one seed page from pages/. */
export function loadSeed(file: SeedFile): Seed {
  const text = readFileSync(new URL(file, pagesDir), "utf8");
  return { file, id: file.slice(0, 3), text, lines: text.split(/\r?\n/) };
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
