/** The five DOKU doc pages (seeds), copied byte for byte into pages/, loaded once as src/docs pages. */
import { readFileSync } from "node:fs";
import { loadSpecBundle } from "../../../conformance/bundle.js";
import { corpusOf, type PageCorpus } from "../../../src/docs/corpus.js";
import { knownPagesOf } from "../../../src/docs/known-pages.js";
import { type DocPage, pageOf } from "../../../src/docs/page.js";

/** The seed files, in the numbering the specs cite (`x-doku-source`). */
export const SEED_FILES = [
  "000_1490e55bffd50068.txt",
  "001_44e08f0c3a01f949.txt",
  "002_53e227cf58eb634c.txt",
  "003_50bc0299ae03b2a9.txt",
  "004_79f74cf326aa7e34.txt",
] as const;

export type SeedFile = (typeof SEED_FILES)[number];

export const pagesDir = new URL("./pages/", import.meta.url);

/** The known pages, as the specs declare them (specs/doc-pages.yaml, bundled as `x-doku-pages`). */
export const KNOWN_PAGES = knownPagesOf((await loadSpecBundle()).document);

/** Reads one seed page from pages/ as the known page it is. */
export function loadSeed(file: SeedFile): DocPage {
  const text = readFileSync(new URL(file, pagesDir), "utf8");
  return pageOf(
    file,
    text,
    KNOWN_PAGES.find((p) => p.file === file),
  );
}

/** The section headings of each seed (from specs/doc-pages.yaml). */
export const HEADINGS = Object.fromEntries(KNOWN_PAGES.map((p) => [p.file, p.headings])) as Record<
  SeedFile,
  (typeof KNOWN_PAGES)[number]["headings"]
>;

/** All five pages, parsed once. */
export const corpus: readonly PageCorpus[] = SEED_FILES.map((file) => corpusOf(loadSeed(file)));
