/**
 * The documented workflow end to end on a mutated seed page (DOKU raised customer.name to 70 characters on the
 * DOKU VA page): `docs diff` finds the drift and names the spec line -> that line is edited in a temporary copy
 * of specs/ -> `generate` into a temporary generated/ says what changed -> `docs diff` against the new
 * generation is in step -> `spec diff` classifies the change (a loosened request: not breaking).
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SpecBundle } from "../../src/model/operation.js";
import { cli, ROOT, removeScratch, scratch } from "./cli.js";
import { seedText, toMarkdown } from "./fixtures.js";

afterAll(removeScratch);

const P001 = "001_44e08f0c3a01f949.txt" as const;

/** The DOKU VA page as GitBook markdown, with customer.name's "Max length: 64" raised to 70 in the create tables. */
const mutatedPage = () =>
  toMarkdown(P001)
    .split("\n")
    .map((l) =>
      /^\| customer\.name \| string \| Mandatory \| Customer name/.test(l)
        ? l.replace("Max length: 64", "Max length: 70")
        : l,
    )
    .join("\n");

async function bundleFrom(dir: string): Promise<SpecBundle> {
  const url = (f: string) => pathToFileURL(join(dir, f)).href;
  const [{ operations }, { validators }] = await Promise.all([
    import(url("operations.ts")),
    import(url("validators.js")),
  ]);
  return { operations, validators, document: JSON.parse(readFileSync(join(dir, "openapi.json"), "utf8")) };
}

let dir = "";
beforeAll(() => {
  mkdirSync(join(ROOT, ".tmp"), { recursive: true });
  dir = scratch("docs-workflow");
  cpSync(join(ROOT, "specs"), join(dir, "specs"), { recursive: true });
  cpSync(join(ROOT, "generated"), join(dir, "generated"), { recursive: true });
});

describe("docs diff -> edit specs -> generate -> spec diff", () => {
  it("runs end to end", { timeout: 120_000 }, async () => {
    const page = join(dir, "doku-va-guide.md");
    writeFileSync(page, mutatedPage());
    expect(seedText(P001)).not.toContain("Max length: 70");

    // 1. docs diff finds the drift and names the spec line to edit.
    const found = await cli(["docs", "diff", page, "--format", "json"]);
    expect(found.code).toBe(1);
    const drift = JSON.parse(found.stdout).items.filter((i: { status: string }) => i.status === "drift");
    expect(
      drift.map(
        (i: { operation: string; field: string; aspect: string }) => `${i.operation} ${i.field} ${i.aspect}`,
      ),
    ).toEqual([
      "dokuVaCreatePaymentCode customer.name maxLength",
      "dokuVaCreateMerchantPaymentCode customer.name maxLength",
    ]);
    const spec = drift[0].spec as { file: string; line: number };
    expect(spec).toEqual(drift[1].spec);

    // 2. Edit that line's maxLength in a temporary copy of specs/.
    const source = join(dir, spec.file);
    const lines = readFileSync(source, "utf8").split("\n");
    expect(lines[spec.line - 1]?.trim()).toBe("name:");
    const at = lines.findIndex((l, i) => i >= spec.line && l.trim() === "maxLength: 64");
    expect(at - spec.line).toBeLessThan(4);
    lines[at] = (lines[at] as string).replace("64", "70");
    writeFileSync(source, lines.join("\n"));

    // 3. generate into the temporary generated/: it says what changed.
    const specs = join(dir, "specs", "doku.yaml");
    const gen = await cli(["generate", "--specs", specs, "--out", join(dir, "generated")]);
    expect(gen.code).toBe(0);
    expect(gen.stdout).toContain(
      "generated types and validators: 0 operations added, 0 removed; 0 fields added, 0 removed, 2 changed (0 breaking)",
    );
    expect(gen.stdout).toContain(
      "  ~ dokuVaCreatePaymentCode request.body customer.name: max-length-increased 64 -> 70",
    );

    // 4. The page is now in step with the new generation.
    const again = await cli(["docs", "diff", page, "--specs", specs], () =>
      bundleFrom(join(dir, "generated")),
    );
    expect(again.stdout).toMatch(/^0 drift, /m);
    expect(again.code).toBe(0);

    // 5. spec diff against the package's specs classifies the change: a loosened request breaks no one.
    const diff = await cli(["spec", "diff", "specs", resolve(dir, "specs"), "--format", "json"]);
    expect(diff.code).toBe(0);
    const changes = JSON.parse(diff.stdout).changes;
    expect(changes).toEqual([
      expect.objectContaining({
        operation: "dokuVaCreatePaymentCode",
        slot: "request.body",
        field: "customer.name",
        rule: "request-property-max-length-increased",
        level: "info",
        from: 64,
        to: 70,
      }),
      expect.objectContaining({
        operation: "dokuVaCreateMerchantPaymentCode",
        slot: "request.body",
        field: "customer.name",
        rule: "request-property-max-length-increased",
        level: "info",
      }),
    ]);
    expect(changes[0].spec.file).toMatch(/specs\/components\/non-snap\.yaml$/);
  });
});

describe("the same workflow on a callback: the polarity flips", () => {
  it("DOKU documenting a longer virtualAccountName in its payment notification breaks the receiving merchant", {
    timeout: 120_000,
  }, async () => {
    const work = scratch("docs-workflow-webhook");
    cpSync(join(ROOT, "specs"), join(work, "specs"), { recursive: true });
    const text = seedText("002_53e227cf58eb634c.txt").split("\n");
    expect(text[1168]).toBe("Customer Name. | Mandatory | min length: 1 | max length: 255");
    text[1168] = "Customer Name. | Mandatory | min length: 1 | max length: 300";
    const page = join(work, "bni.txt");
    writeFileSync(page, text.join("\n"));

    const found = await cli(["docs", "diff", page, "--format", "json"]);
    expect(found.code).toBe(1);
    const [item] = JSON.parse(found.stdout).items.filter((i: { status: string }) => i.status === "drift");
    expect(item).toMatchObject({
      operation: "snapVaPaymentNotification",
      field: "virtualAccountName",
      change: "length",
      conflicts: [],
    });

    const source = join(work, item.spec.file);
    const lines = readFileSync(source, "utf8").split("\n");
    expect(item.spec.file).toBe("specs/components/snap.yaml");
    expect(lines[item.spec.line - 1]?.trim()).toBe("VirtualAccountName:");
    const at = lines.findIndex((l, i) => i >= item.spec.line && l.trim() === "maxLength: 255");
    expect(at - item.spec.line).toBeLessThan(4);
    lines[at] = (lines[at] as string).replace("255", "300");
    writeFileSync(source, lines.join("\n"));

    const diff = await cli(["spec", "diff", "specs", join(work, "specs")]);
    expect(diff.code).toBe(1);
    expect(diff.stdout).toMatch(
      /^BREAKING webhook snapVaPaymentNotification request\.body virtualAccountName: request-property-max-length-increased 255 -> 300; affects a merchant receiving DOKU's messages \(.*specs\/components\/snap\.yaml:[0-9]+\)$/m,
    );
    // The merchant's own answer to a callback (a webhook response) may now be longer: that breaks no one.
    expect(diff.stdout).toMatch(
      /^INFO +webhook snapVaInquiry response\.200\.body virtualAccountData\.virtualAccountName: response-property-max-length-increased/m,
    );
    // The definition is shared: the create-VA request (a merchant -> DOKU path) is loosened too, which breaks no one.
    expect(diff.stdout).toMatch(
      /^INFO +path snapCreateVa request\.body virtualAccountName: request-property-max-length-increased 255 -> 300 \(/m,
    );
  });
});
