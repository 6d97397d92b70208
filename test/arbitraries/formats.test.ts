/** The format registry: every entry yields values ajv accepts (formats) or its pattern matches, in its lengths. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromChoices } from "../../src/arbitraries/choice.js";
import { findFormat, formats, formatValid } from "../../src/arbitraries/formats/index.js";
import { arbitraryOf, compileSchemaRef } from "../../src/arbitraries/index.js";
import { compileValidators } from "../../src/validation/ajv.js";

const ajvFormat = (format: string) => compileValidators({ f: { type: "string", format } }).f!;
const sample = (name: string) => {
  const entry = formats.find((f) => f.name === name)!;
  return fc.sample(
    fromChoices((c) => entry.decode(c, entry.lengths)),
    { seed: 21, numRuns: 500 },
  );
};

describe("the registry", () => {
  it("has the documented entries, in matching order", () => {
    expect(formats.map((f) => f.name)).toEqual([
      "iso8601-offset",
      "iso8601-utc",
      "iso8601-timestamp",
      "yyyyMMddHHmmss",
      "date-time",
      "date",
      "snap-amount",
      "idr-currency",
      "numeric-string",
      "email",
      "uri",
      "uuid",
      "request-id",
      "ipv4",
      "content-type-json",
    ]);
  });
});

describe.each(formats.filter((f) => f.isFormat).map((f) => [f.name]))("JSON Schema format %s", (name) => {
  const entry = formats.find((f) => f.name === name)!;
  const validate = ajvFormat(name);
  it("values and documented forms pass ajv-formats, with lengths the entry declares", () => {
    for (const v of [...sample(name), ...entry.variants.map((x) => x.value)]) {
      expect(validate(v), v).toBe(true);
      expect(formatValid(name, v)).toBe(true);
      expect(entry.lengths).toContain([...v].length);
    }
  });
  it("invalid values have the asked length and fail the format", () => {
    for (const len of entry.lengths.slice(0, 40)) {
      const bad = entry.invalid?.(len);
      if (bad === undefined) continue;
      expect([...bad].length).toBe(len);
      expect(validate(bad), bad).toBe(false);
    }
  });
});

const patterned: [string, { pattern?: string; name?: string; description?: string }][] = [
  [
    "iso8601-offset",
    { pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}[+-][0-9]{2}:[0-9]{2}$" },
  ],
  ["iso8601-utc", { pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$" }],
  [
    "iso8601-timestamp",
    {
      pattern:
        "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{3})?(Z|[+-][0-9]{2}:[0-9]{2})$",
    },
  ],
  ["yyyyMMddHHmmss", { pattern: "^[0-9]{14}$", description: "Format yyyyMMddHHmmss" }],
  ["snap-amount", { pattern: "^(0|[1-9][0-9]{0,15})\\.[0-9]{2}$" }],
  ["idr-currency", { pattern: "^IDR$" }],
  ["numeric-string", { pattern: "^[0-9]{1,20}$" }],
  ["request-id", { name: "Request-Id", pattern: "^[!-~]+$" }],
  ["content-type-json", { pattern: "^application/json(;.*)?$" }],
];

/** A date-time or yyyyMMddHHmmss string that names a real calendar instant. */
function realInstant(v: string): boolean {
  const iso = /^[0-9]{14}$/.test(v)
    ? `${v.slice(0, 4)}-${v.slice(4, 6)}-${v.slice(6, 8)}T${v.slice(8, 10)}:${v.slice(10, 12)}:${v.slice(12)}Z`
    : /(Z|[+-][0-9]{2}:[0-9]{2})$/.test(v)
      ? v
      : `${v}Z`;
  return formatValid("date-time", iso);
}

describe.each(patterned)("DOKU format %s", (name, hints) => {
  const prop = hints.name ?? "v";
  const schema = {
    type: "object",
    required: [prop],
    properties: { [prop]: { type: "string", ...hints, name: undefined } },
  };
  const shape = compileSchemaRef(
    { key: `f.${name}`, schema: JSON.parse(JSON.stringify(schema)) },
    { context: "body", extras: false, depth: 2 },
  );
  const entry = findFormat({ ...hints, context: "body" });

  it("is what the registry picks for that schema", () => {
    expect(entry?.name).toBe(name);
    expect(
      shape.kind === "object" && shape.props[0]!.shape.kind === "string" && shape.props[0]!.shape.entry?.name,
    ).toBe(name);
  });
  it("yields values its pattern matches; date-times are real calendar instants", () => {
    const re = new RegExp(hints.pattern!, "u");
    const values = fc
      .sample(arbitraryOf(shape), { seed: 21, numRuns: 500 })
      .map((v) => (v as Record<string, string>)[prop]!);
    for (const v of [...values, ...entry!.variants.map((x) => x.value)]) {
      expect(re.test(v), v).toBe(true);
      if (name.startsWith("iso8601") || name === "yyyyMMddHHmmss") expect(realInstant(v), v).toBe(true);
    }
  });
});

describe("documented DOKU date-time forms", () => {
  it("X-TIMESTAMP covers offset, UTC Z, and milliseconds with either", () => {
    const entry = formats.find((f) => f.name === "iso8601-timestamp")!;
    expect(entry.variants.map((v) => v.value)).toEqual([
      "2024-03-19T14:39:01+07:00",
      "2024-03-19T07:39:01Z",
      "2024-03-19T07:39:01.000Z",
      "2024-03-19T14:39:01.000+07:00",
    ]);
  });
  it("a 14-digit pattern without a date hint stays a plain number", () => {
    expect(findFormat({ pattern: "^[0-9]{14}$", name: "accountNo", context: "body" })?.name).toBe(
      "numeric-string",
    );
  });
});
