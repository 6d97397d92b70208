/**
 * `docs diff` on the five seed pages (plain text, GitBook markdown and saved HTML forms written from them): no
 * drift beyond recorded conflicts; and on mutated copies: each changed fact is reported as drift, with the
 * spec file and line to edit.
 */
import { describe, expect, it } from "vitest";
import { loadSpecBundle } from "../../conformance/bundle.js";
import { type DriftItem, docsDiff } from "../../src/docs/diff.js";
import { readPage } from "../../src/docs/read.js";
import { locator } from "../../src/specdiff/locate.js";
import { KNOWN_PAGES, SEED_FILES, type SeedFile } from "../specs/seeds/load.js";
import { edit, seedText, toHtml, toMarkdown } from "./fixtures.js";

const bundle = await loadSpecBundle();
const root = new URL("../../", import.meta.url).pathname;
const locate = locator(`${root}specs/doku.yaml`, bundle.operations, root);
const diff = (file: string, text: string, operation?: string) =>
  docsDiff(
    bundle,
    [readPage(file, text, KNOWN_PAGES)],
    operation === undefined ? { locate } : { locate, operation },
  );
/** Findings without their page line (the forms place things on different lines). */
const shape = (items: readonly DriftItem[]) =>
  items.map((i) => `${i.operation} ${i.field.replace(/@[0-9]+/, "@")} ${i.aspect} ${i.status}`).sort();

describe("the seed pages are in step with the spec", () => {
  it.each(SEED_FILES)("%s (plain text): every difference is recorded", (file) => {
    const report = diff(file, seedText(file));
    expect(report.items.filter((i) => i.status === "drift")).toEqual([]);
    expect(report.pages[0]?.known).toBe(file.slice(0, 3));
  });

  it.each(SEED_FILES)("%s as GitBook markdown (.md): same findings as the text form", (file) => {
    const md = diff(`${file.slice(0, 3)}.md`, toMarkdown(file as SeedFile));
    expect(md.pages[0]?.format).toBe("markdown");
    expect(shape(md.items)).toEqual(shape(diff(file, seedText(file)).items));
  });

  it.each(SEED_FILES)("%s as saved HTML: same findings as the text form", (file) => {
    const html = diff(`${file.slice(0, 3)}.html`, toHtml(file as SeedFile));
    expect(html.pages[0]?.format).toBe("html");
    expect(shape(html.items)).toEqual(shape(diff(file, seedText(file)).items));
  });

  it("covered findings name the conflict that records them", () => {
    const report = diff(SEED_FILES[1], seedText(SEED_FILES[1]));
    const reusable = report.items.find(
      (i) => i.field === "virtual_account_info.reusable_status" && i.aspect === "type",
    );
    expect(reusable?.status).toBe("covered");
    expect(reusable?.conflicts).toContain("nonsnap-reusable-status-type");
  });
});

const P001 = SEED_FILES[1];
const drifted = (text: string, file = P001) => diff(file, text).items.filter((i) => i.status === "drift");

type Mutation = [label: string, mutate: (t: string) => string, expected: Partial<DriftItem>];

const MUTATIONS: Mutation[] = [
  [
    "a length changed",
    (t) => edit(t, 73, "Max length: 64", "Max length: 70"),
    { operation: "dokuVaCreatePaymentCode", field: "customer.name", change: "length", aspect: "maxLength" },
  ],
  [
    "a field added",
    (t) =>
      edit(
        t,
        74,
        "customer.email",
        "customer.loyalty_id | string | Optional | Loyalty id Max length: 16 |\ncustomer.email",
      ),
    {
      operation: "dokuVaCreatePaymentCode",
      field: "customer.loyalty_id",
      change: "added",
      aspect: "missing",
    },
  ],
  [
    "a field dropped",
    (t) =>
      t
        .split("\n")
        .filter((l) => !/email/.test(l))
        .join("\n"),
    { operation: "dokuVaCreatePaymentCode", field: "customer.email", change: "removed", aspect: "removed" },
  ],
  [
    "a requiredness flipped",
    (t) => edit(t, 73, "| Mandatory |", "| Optional |"),
    {
      operation: "dokuVaCreatePaymentCode",
      field: "customer.name",
      change: "required",
      aspect: "not-required",
    },
  ],
  [
    "an enum value added",
    (t) => edit(t, 69, "FIX_BILL , NO_BILL Default", "FIX_BILL , NO_BILL , STATIC_BILL Default"),
    {
      operation: "dokuVaCreatePaymentCode",
      field: "virtual_account_info.billing_type",
      change: "enum",
      aspect: "enum",
    },
  ],
  [
    "a sample changed",
    (t) => edit(t, 48, '"INV-20210124-0001"', '"INV-20210124-0002"'),
    { operation: "dokuVaCreatePaymentCode", field: "sample@46", change: "example", aspect: "not-an-example" },
  ],
];

describe("mutated copies of a seed page: each change is drift", () => {
  it.each(MUTATIONS)("%s", (_label, mutate, expected) => {
    const items = drifted(mutate(seedText(P001)));
    expect(items).toContainEqual(expect.objectContaining({ ...expected, status: "drift" }));
    const item = items.find((i) => i.field === expected.field && i.aspect === expected.aspect);
    expect(item?.spec?.file).toMatch(/^specs\/.+\.yaml$/);
    expect(item?.spec?.line).toBeGreaterThan(0);
  });

  it("a length changed in the .md form is drift too, at the .md line", () => {
    const md = toMarkdown(P001).replace(
      "customer.name | string | Mandatory | Customer name that will be displayed on acquirer channel when do inquiry Allowed chars: alphabetic, numeric, special chars Max length: 64",
      "customer.name | string | Mandatory | Customer name that will be displayed on acquirer channel when do inquiry Allowed chars: alphabetic, numeric, special chars Max length: 70",
    );
    const items = diff("001.md", md).items.filter((i) => i.status === "drift");
    const item = items.find((i) => i.field === "customer.name");
    expect(item?.aspect).toBe("maxLength");
    expect(md.split("\n")[(item?.line ?? 0) - 1]).toContain("Max length: 70");
  });

  it("the length finding points at the line that defines the field", () => {
    const item = drifted(MUTATIONS[0]?.[1](seedText(P001)) ?? "").find((i) => i.field === "customer.name");
    const spec = item?.spec;
    const line = seedFileLine(`${root}${spec?.file}`, spec?.line ?? 0);
    expect(line.trim()).toBe("name:");
  });
});

import { readFileSync } from "node:fs";

const seedFileLine = (path: string, line: number) => readFileSync(path, "utf8").split("\n")[line - 1] ?? "";

describe("pages it cannot map", () => {
  const unknown =
    "Some other page\nParameter | Type | Mandatory | Description |\n---|---|---|---|\ntrxId | string | Mandatory | Invoice Max length: 64 |\n";

  it("a page the kit does not know is a UsageError without --operation", () => {
    expect(() => diff("other.txt", unknown)).toThrow(/cannot map other.txt: not a DOKU page the kit knows/);
  });

  it("with --operation it is mapped whole onto that operation", () => {
    const report = diff("other.txt", unknown, "snapCreateVa");
    expect(report.items.map((i) => [i.operation, i.field])).toEqual([]);
    const longer = diff("other.txt", unknown.replace("64", "65"), "snapCreateVa");
    expect(longer.items.map((i) => [i.operation, i.field, i.aspect, i.status])).toEqual([
      ["snapCreateVa", "trxId", "maxLength", "drift"],
    ]);
  });

  it("a page with nothing to read is a UsageError saying so", () => {
    expect(() => diff("empty.txt", "nothing here\n", "snapCreateVa")).toThrow(
      /no field table, JSON sample or API fact/,
    );
  });
});
