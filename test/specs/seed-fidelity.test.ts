/**
 * Seed fidelity: the five DOKU doc pages (test/specs/seeds/pages/, byte copies of the seeds) are parsed by src/docs/
 * mechanically (pipe tables, GitBook embed field blocks, vertical header tables, JSON samples, header
 * samples, labelled API facts, prose statements) and compared field by field with the generated bundle.
 * Only the section -> operation map (src/docs/known-pages.ts) and the documented exceptions (seeds/exceptions.ts)
 * are written by hand; every row, sample and value comes from the pages.
 */
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadSpecBundle } from "../../conformance/bundle.js";
import { auditSeed } from "../../src/docs/audit.js";
import { readFacts } from "../../src/docs/facts.js";
import type { AuditFinding, AuditKind } from "../../src/docs/findings.js";
import { type EmbedBlock, embedBlocks } from "../../src/docs/gitbook.js";
import { tolerantParse } from "../../src/docs/json-samples.js";
import { type PipeTable, pipeTables } from "../../src/docs/pipe-tables.js";
import { auditCitedExamples, recordsFor } from "../../src/docs/records.js";
import { embedRows, pipeRows } from "../../src/docs/rows.js";
import { atPointer } from "../../src/docs/schema.js";
import { auditStatements } from "../../src/docs/statements.js";
import type { Operation, SpecBundle } from "../../src/model/operation.js";
import { coverageOf, coverageRow } from "./seeds/coverage.js";
import { SEED_EXCEPTIONS } from "./seeds/exceptions.js";
import { corpus, HEADINGS, pagesDir, SEED_FILES, type SeedFile } from "./seeds/load.js";

const bundle = await loadSpecBundle();

const auditAll = (b: SpecBundle): AuditFinding[] => [
  ...corpus.flatMap((c) => [...auditSeed(b, c), ...auditStatements(b, c)]),
  ...auditCitedExamples(b, corpus),
];
const findings = auditAll(bundle);
const excepted = new Set(SEED_EXCEPTIONS.map((e) => e.key));
const show = (fs: readonly AuditFinding[]) => fs.map((f) => `${f.key} (line ${f.line}): ${f.message}`);
const unexplained = (fs: readonly AuditFinding[]) =>
  show(fs.filter((f) => !f.aspect.endsWith("-tolerated") && !excepted.has(f.key)));

describe("the pages and their parse", () => {
  const shared = "/work/shared/seeds";
  it.skipIf(!existsSync(shared)).each(SEED_FILES)("%s is a byte copy of the shared seed", (file) => {
    expect(readFileSync(new URL(file, pagesDir))).toEqual(readFileSync(`${shared}/${file}`));
  });

  it.each(corpus.map((c) => [c.page.file, c] as const))("%s: every section heading is found", (file, c) => {
    expect(c.sections.map((s) => s.text)).toEqual(HEADINGS[file as SeedFile].map((h) => h.text));
  });

  it.each(corpus.map((c) => [c.page.file, c] as const))(
    "%s: the parsers miss nothing the page marks up",
    (_file, c) => {
      const { text } = c.page;
      const n = (re: RegExp) => [...text.matchAll(re)].length;
      const rows = (kind: string) =>
        c.tables.filter((t) => t.kind === kind).reduce((k, t) => k + t.rows.length, 0);
      expect(c.tables.filter((t) => t.kind === "pipe").length).toBe(
        n(/^Parameter \| Type \| Mandatory \| Description \|$/gm),
      );
      expect(c.tables.filter((t) => t.kind === "pipe-header").length).toBe(
        n(/^Parameter \| Description \|$/gm),
      );
      expect(rows("embed")).toBe(
        n(/^[A-Za-z][\w-]*?(string|number|integer|boolean|object|array)( · .*?)?(Required|Optional)$/gm),
      );
      expect(rows("vertical")).toBe(
        n(/^(Mandatory|Optional|Conditional)$/gm) - c.tables.filter((t) => t.kind === "vertical").length,
      );
      expect(c.samples.length).toBe(n(/^\{[ \t]*$/gm));
      expect(c.samples.filter((s) => s.sample.fragment).length).toBe(
        c.samples.filter((s) => s.sample.text.includes("...")).length,
      );
      expect(c.samples.filter((s) => !s.sample.fragment).every((s) => s.sample.repairs.length === 0)).toBe(
        true,
      );
    },
  );

  it("every parsed item lands in a section that names operations", () => {
    const orphans = corpus.flatMap((c) =>
      [...c.tables, ...c.samples, ...c.headerSamples, ...c.facts]
        .filter((item) => item.ops.length === 0)
        .map((item) => `${c.page.id} line ${item.line}`),
    );
    expect(orphans).toEqual([]);
  });

  it("every response item knows its documented status", () => {
    const missing = corpus.flatMap((c) =>
      [...c.tables, ...c.samples, ...c.headerSamples]
        .filter((item) => item.direction === "response" && item.statuses.length === 0)
        .map((item) => `${c.page.id} line ${item.line}`),
    );
    expect(missing).toEqual([]);
  });
});

const KINDS: AuditKind[] = ["table", "sample", "header-sample", "fact", "statement"];

describe.each(corpus.map((c) => [c.page.file, c.page.id] as const))("%s against the spec", (_file, id) => {
  it.each(KINDS)("%s findings are all documented exceptions", (kind) => {
    expect(unexplained(findings.filter((f) => f.seed === id && f.kind === kind))).toEqual([]);
  });
});

describe("spec examples and fragments that cite a seed", () => {
  it("are samples of that seed (or completions of its fragments)", () => {
    expect(unexplained(findings.filter((f) => f.kind === "cited-example"))).toEqual([]);
  });
});

describe("documented exceptions", () => {
  const ops = new Map(bundle.operations.map((o) => [o.id, o] as const));

  it.each(SEED_EXCEPTIONS.map((e) => [e.key, e] as const))("%s: a finding still needs it", (key) => {
    expect(findings.some((f) => f.key === key)).toBe(true);
  });

  it.each(SEED_EXCEPTIONS.map((e) => [e.key, e] as const))("%s: the spec records it", (_key, e) => {
    const [, opId = "", field = ""] = e.key.split(" ");
    const op = ops.get(opId) as Operation;
    const records = recordsFor(op, field);
    if (e.conflict !== undefined) expect(records.conflicts).toContain(e.conflict);
    if (e.unconfirmed) expect(records.unconfirmed).toBe(true);
    expect(e.conflict !== undefined || e.unconfirmed === true).toBe(true);
  });

  it("values the seeds show that fail a field are accepted only by that field's conflict alternative", () => {
    const tolerated = findings.filter((f) => f.aspect.endsWith("-tolerated"));
    expect(tolerated.length).toBeGreaterThan(0);
    for (const f of tolerated) expect(f.message).toMatch(/accepted by the alternative of [a-z0-9-]+$/);
  });
});

describe("docs/seed-coverage.md", () => {
  const path = new URL("../../docs/seed-coverage.md", import.meta.url);
  const doc = existsSync(path) ? readFileSync(path, "utf8") : "";

  it.each(corpus.map((c) => [c.page.file, c] as const))("%s: shows the counts this test checked", (_f, c) => {
    expect(doc).toContain(coverageRow(coverageOf(bundle, c)));
  });

  it("names every documented exception and every tolerating conflict", () => {
    const ids = new Set([
      ...SEED_EXCEPTIONS.map((e) => e.conflict ?? "x-doku-unconfirmed"),
      ...findings
        .filter((f) => f.aspect.endsWith("-tolerated"))
        .map((f) => /alternative of ([a-z0-9-]+)$/.exec(f.message)?.[1] ?? ""),
    ]);
    expect([...ids].filter((id) => !doc.includes(`\`${id}\``))).toEqual([]);
  });
});

type Mutation = [label: string, expectedKey: string, mutate: (b: SpecBundle) => void];
type Node = Record<string, unknown>;

/** The object at `path` under `root` (test-only navigation of cloned generated data). */
const at = (root: unknown, ...path: (string | number)[]): Node =>
  path.reduce<unknown>((n, k) => (n as Node)[k], root) as Node;
const opOf = (b: SpecBundle, id: string) => b.operations.find((o) => o.id === id) as Operation;
const body = (b: SpecBundle, id: string, ...path: string[]) =>
  at(opOf(b, id).request.body?.schema, ...path.flatMap((p) => ["properties", p]));
const rule = (b: SpecBundle, id: string, ruleId: string) =>
  opOf(b, id).rules.find((r) => r.id === ruleId) as unknown as Node;

const MUTATIONS: Mutation[] = [
  [
    "a max length",
    "001 dokuVaCreatePaymentCode virtual_account_info.info1 maxLength",
    (b) => {
      body(b, "dokuVaCreatePaymentCode", "virtual_account_info", "info1").maxLength = 33;
    },
  ],
  [
    "a numeric max length",
    "001 dokuVaCreatePaymentCode order.amount maxLength",
    (b) => {
      body(b, "dokuVaCreatePaymentCode", "order", "amount").maximum = 99999999999;
    },
  ],
  [
    "a type",
    "001 dokuVaCreatePaymentCode order.min_amount type",
    (b) => {
      body(b, "dokuVaCreatePaymentCode", "order", "min_amount").type = "string";
    },
  ],
  [
    "a default",
    "001 dokuVaCreatePaymentCode virtual_account_info.billing_type default",
    (b) => {
      body(b, "dokuVaCreatePaymentCode", "virtual_account_info", "billing_type").default = "NO_BILL";
    },
  ],
  [
    "a Mandatory field",
    "002 snapCreateVa trxId required",
    (b) => {
      const root = body(b, "snapCreateVa");
      root.required = (root.required as string[]).filter((r) => r !== "trxId");
    },
  ],
  [
    "an Optional field",
    "002 snapVaInquiry language not-required",
    (b) => {
      (body(b, "snapVaInquiry").required as string[]).push("language");
    },
  ],
  [
    "a response field",
    "001 dokuVaInquiry order.amount required",
    (b) => {
      const response = opOf(b, "dokuVaInquiry").responses.find((r) => r.status === "200");
      at(response?.body?.schema, "properties", "order").required = ["invoice_number"];
    },
  ],
  [
    "a field",
    "002 snapVaInquiry channelCode missing",
    (b) => {
      delete at(body(b, "snapVaInquiry"), "properties").channelCode;
    },
  ],
  [
    "an enum",
    "004 danaPayment pointOfInitiation enum",
    (b) => {
      body(b, "danaPayment", "pointOfInitiation").enum = ["app", "pc"];
    },
  ],
  [
    "a header length",
    "001 dokuVaCreateMerchantPaymentCode Request-Id maxLength",
    (b) => {
      at(
        opOf(b, "dokuVaCreateMerchantPaymentCode").request.headers?.schema,
        "properties",
        "Request-Id",
      ).maxLength = 64;
    },
  ],
  [
    "an example",
    "002 snapCreateVa sample@226 not-an-example",
    (b) => {
      at(opOf(b, "snapCreateVa").request.examples, 0, "value").trxId = "23219829714";
    },
  ],
  [
    "a service code",
    "002 snapCreateVa service-code@43 service-code",
    (b) => {
      opOf(b, "snapCreateVa").serviceCode = "26";
    },
  ],
  [
    "a method",
    "001 dokuVaUpdatePaymentCode method@402 method",
    (b) => {
      opOf(b, "dokuVaUpdatePaymentCode").method = "PUT";
    },
  ],
  [
    "an inquiry status",
    "001 dokuVaInquiry status-by@311 status-by",
    (b) => {
      at(rule(b, "dokuVaInquiry", "x-doku-inquiry-status-http"), "statuses").billing_not_found = 400;
    },
  ],
  [
    "a billing-type matrix cell",
    "003 snapUpdateVa VIRTUAL_ACCOUNT_BANK_SYARIAH_MANDIRI billing-types",
    (b) => {
      at(
        rule(b, "snapUpdateVa", "x-doku-billing-type-by-channel"),
        "allowed",
      ).VIRTUAL_ACCOUNT_BANK_SYARIAH_MANDIRI = ["C", "O"];
    },
  ],
  [
    "a payment-code limit",
    "000 snapVaInquiry x-doku-va-digits-by-channel.VIRTUAL_ACCOUNT_BTN payment-code-length",
    (b) => {
      at(rule(b, "snapVaInquiry", "x-doku-va-digits-by-channel"), "limits").VIRTUAL_ACCOUNT_BTN = 18;
    },
  ],
  [
    "a BIN table",
    "003 snapCreateVa x-doku-bin-rules.tables[3] bin-table",
    (b) => {
      at(
        atPointer(b.document, opOf(b, "snapCreateVa").pointer),
        "x-doku-bin-rules",
        "tables",
        3,
      ).maxVaDigits = 16;
    },
  ],
];

describe("the audit can fail: one changed spec value, one finding", () => {
  const clone = (): SpecBundle => ({
    ...bundle,
    operations: structuredClone(bundle.operations) as Operation[],
    document: structuredClone(bundle.document),
  });

  it.each(MUTATIONS)("%s", (_label, key, mutate) => {
    expect(findings.some((f) => f.key === key)).toBe(false);
    const b = clone();
    mutate(b);
    expect(auditAll(b).map((f) => f.key)).toContain(key);
  });

  it("an exception whose conflict record is removed is no longer recorded", () => {
    const b = clone();
    delete body(b, "dokuVaCreatePaymentCode", "virtual_account_info", "reusable_status")["x-doku-conflict"];
    const records = recordsFor(opOf(b, "dokuVaCreatePaymentCode"), "virtual_account_info.reusable_status");
    expect(records.conflicts).not.toContain("nonsnap-reusable-status-type");
  });
});

describe("parsers on inline text", () => {
  it.each([
    ["Allowed chars: numeric Max length: 12", { maxLength: 12 }],
    ["Maximum length: 5 Default value: 60", { maxLength: 5, default: "60" }],
    [
      "Possible Value : FIX_BILL , NO_BILL Default value: FIX_BILL",
      { enum: ["FIX_BILL", "NO_BILL"], default: "FIX_BILL" },
    ],
    [
      "Set ACTIVE to cancel the virtual accountPossible value: ACTIVE, DELETE",
      { enum: ["ACTIVE", "DELETE"] },
    ],
    ["Value: VIRTUAL_ACCOUNT", { enum: ["VIRTUAL_ACCOUNT"] }],
    [
      "Point of initiation from partner | value: app/pc/mweb | max: 20",
      { maxLength: 20, enum: ["app", "pc", "mweb"] },
    ],
    [
      "Transaction type. C (Closed Amount), O (Open Amount), V (Bill Variable Amount) | Mandatory | min length: 1 | max length: 1",
      { maxLength: 1, minLength: 1, enum: ["C", "O", "V"] },
    ],
    ["Unique random string (max 128 characters) generated", { maxLength: 128 }],
    ["channel ID for VA. Please fill with H2H (Host-To-Host )", { enum: ["H2H"] }],
    [
      "Customer Phone, Format: 62xxxxxxxxx xxxx | min length: 9 | max length: 30",
      { maxLength: 30, minLength: 9 },
    ],
    [
      "Expired time payment url | format: 2024-07-10T11:57:58+07:00",
      { formatExamples: ["2024-07-10T11:57:58+07:00"] },
    ],
  ])("facts of %j", (text, expected) => {
    expect(readFacts(text)).toEqual(expected);
  });

  it("repairs a fragment and lists what it repaired", () => {
    const { value, repairs } = tolerantParse(
      '{\n  "a": "1",\n  ...\n  "b": { "c" : "2"\n "d" : "3" },\n  "t": "O" / "V",\n  ...\n}',
    );
    expect(value).toEqual({ a: "1", b: { c: "2", d: "3" }, t: "O" });
    expect(repairs).toHaveLength(4);
  });

  it("reads an embed block: marker, constraint text, example, and a marker the text contradicts", () => {
    const lines = [
      "Body",
      "trxIdstringRequired",
      "",
      "Invoice. | Mandatory | min length: 1 | max length: 64",
      "",
      "Example: 1",
      "paymentRequestIdstringOptional",
      "",
      "Id. | Mandatory | max length: 30",
      "Responses",
      "xstringRequired",
    ];
    const [block] = embedBlocks(lines);
    expect(block?.fields.map((f) => [f.name, f.marker, f.example])).toEqual([
      ["trxId", "Required", "1"],
      ["paymentRequestId", "Optional", undefined],
    ]);
    expect(
      embedRows(block as EmbedBlock).map((r) => [r.mandatory, r.markerConflict, r.facts.maxLength]),
    ).toEqual([
      ["mandatory", false, 64],
      ["optional", true, 30],
    ]);
  });

  it("reads a pipe table row whose Mandatory cell is not Mandatory/Optional/Conditional as unstated", () => {
    const [table] = pipeTables([
      "Parameter | Type | Mandatory | Description |",
      "---|---|---|---|",
      "order.invoice_number | string | Same as the generate VA request | |",
      "virtual_account_info. virtual_account_number | number | Mandatory | Max Length: 16 |",
      "end",
    ]);
    expect(pipeRows(table as PipeTable).map((r) => [r.name, r.type, r.mandatory, r.facts.maxLength])).toEqual(
      [
        ["order.invoice_number", "string", "unstated", undefined],
        ["virtual_account_info.virtual_account_number", "number", "mandatory", 16],
      ],
    );
  });
});
