/**
 * `spec diff` classification, table-driven on tiny inline operations: on paths it agrees with oasdiff's rule
 * table (the oasdiff check id is named per row); on webhooks the polarity flips (what DOKU sends is what the
 * merchant receives), where oasdiff does not (its issue #1160).
 */
import { describe, expect, it } from "vitest";
import type { Operation } from "../../src/model/operation.js";
import type { JsonSchema } from "../../src/model/schema.js";
import { specDiff } from "../../src/specdiff/diff.js";
import { changeSummary } from "../../src/specdiff/summary.js";

const field = (extra: JsonSchema = {}): JsonSchema => ({
  type: "string",
  maxLength: 10,
  enum: ["A", "B"],
  ...extra,
});
const body = (f: JsonSchema, required = ["f"]): JsonSchema => ({
  type: "object",
  required,
  properties: { f },
});

function operation(
  kind: "path" | "webhook",
  request: JsonSchema,
  response: JsonSchema,
  id = "op",
): Operation {
  return {
    id,
    kind,
    method: "POST",
    path: "/x",
    auth: "snap-symmetric",
    source: "test",
    deprecated: false,
    summary: "",
    pointer: "#/paths/~1x/post",
    request: { body: { key: "req", schema: request }, examples: [] },
    responses: [{ status: "200", description: "", body: { key: "res", schema: response }, examples: [] }],
    rules: [],
    conflicts: [],
  } as Operation;
}

type Row = [oasdiff: string, side: "request" | "response", after: JsonSchema, rule: string, level: string];

const BASE = body(field());
/** oasdiff check ids and levels (ERR = breaking, INFO = info) for merchant -> DOKU paths. */
const PATH_ROWS: Row[] = [
  [
    "request-property-max-length-decreased (ERR)",
    "request",
    body(field({ maxLength: 8 })),
    "request-property-max-length-decreased",
    "breaking",
  ],
  [
    "request-property-max-length-increased (INFO)",
    "request",
    body(field({ maxLength: 12 })),
    "request-property-max-length-increased",
    "info",
  ],
  [
    "request-property-enum-value-removed (ERR)",
    "request",
    body(field({ enum: ["A"] })),
    "request-property-enum-value-removed",
    "breaking",
  ],
  [
    "request-property-enum-value-added (INFO)",
    "request",
    body(field({ enum: ["A", "B", "C"] })),
    "request-property-enum-value-added",
    "info",
  ],
  [
    "request-property-type-changed (ERR)",
    "request",
    body(field({ type: "integer" })),
    "request-property-type-changed",
    "breaking",
  ],
  [
    "new-required-request-property (ERR)",
    "request",
    { ...BASE, required: ["f", "g"], properties: { f: field(), g: field() } },
    "request-property-property-added-required",
    "breaking",
  ],
  [
    "new-optional-request-property (INFO)",
    "request",
    { ...BASE, properties: { f: field(), g: field() } },
    "request-property-property-added-optional",
    "info",
  ],
  [
    "response-property-became-optional (ERR)",
    "response",
    body(field(), []),
    "response-property-became-optional",
    "breaking",
  ],
  [
    "response-required-property-removed (ERR)",
    "response",
    { type: "object", properties: {} },
    "response-property-property-removed-required",
    "breaking",
  ],
  [
    "response-property-enum-value-added (WARN in older oasdiff, ERR in 1.32)",
    "response",
    body(field({ enum: ["A", "B", "C"] })),
    "response-property-enum-value-added",
    "breaking",
  ],
  [
    "response-property-type-changed (ERR)",
    "response",
    body(field({ type: "integer" })),
    "response-property-type-changed",
    "breaking",
  ],
  [
    "response-property-enum-value-removed (INFO)",
    "response",
    body(field({ enum: ["A"] })),
    "response-property-enum-value-removed",
    "info",
  ],
  [
    "response-property-max-length-decreased (INFO)",
    "response",
    body(field({ maxLength: 8 })),
    "response-property-max-length-decreased",
    "info",
  ],
];

const run = (kind: "path" | "webhook", side: "request" | "response", after: JsonSchema, from = BASE) => {
  const before = side === "request" ? operation(kind, from, BASE) : operation(kind, BASE, from);
  const next = side === "request" ? operation(kind, after, BASE) : operation(kind, BASE, after);
  return specDiff([before], [next]).changes;
};

describe("paths: oasdiff's rule table", () => {
  it.each(PATH_ROWS)("%s", (_oasdiff, side, after, rule, level) => {
    const changes = run("path", side, after);
    expect(changes.map((c) => [c.rule, c.level])).toContainEqual([rule, level]);
    const c = changes.find((x) => x.rule === rule);
    expect(c?.breaks).toBe(
      level === "info"
        ? null
        : side === "request"
          ? "a merchant calling DOKU"
          : "a merchant receiving DOKU's messages",
    );
  });

  it("request-property-became-required (ERR)", () => {
    expect(run("path", "request", BASE, body(field(), [])).map((c) => [c.rule, c.level])).toEqual([
      ["request-property-became-required", "breaking"],
    ]);
  });

  it("an endpoint removed is breaking (oasdiff api-removed-without-deprecation); one added is not", () => {
    const a = operation("path", BASE, BASE, "a");
    const b = operation("path", BASE, BASE, "b");
    expect(specDiff([a], [b]).changes.map((c) => [c.operation, c.rule, c.level])).toEqual([
      ["a", "api-removed", "breaking"],
      ["b", "api-added", "info"],
    ]);
  });
});

/** Webhooks: the request is DOKU's callback, the response is the merchant's answer. */
const WEBHOOK_ROWS: [
  label: string,
  side: "request" | "response",
  after: JsonSchema,
  rule: string,
  level: string,
][] = [
  [
    "DOKU sends a new enum value",
    "request",
    body(field({ enum: ["A", "B", "C"] })),
    "request-property-enum-value-added",
    "breaking",
  ],
  [
    "DOKU sends a longer string",
    "request",
    body(field({ maxLength: 12 })),
    "request-property-max-length-increased",
    "breaking",
  ],
  [
    "DOKU may omit a field it always sent",
    "request",
    body(field(), []),
    "request-property-became-optional",
    "breaking",
  ],
  [
    "DOKU stops sending a required field",
    "request",
    { type: "object", properties: {} },
    "request-property-property-removed-required",
    "breaking",
  ],
  [
    "DOKU sends a shorter string",
    "request",
    body(field({ maxLength: 8 })),
    "request-property-max-length-decreased",
    "info",
  ],
  [
    "DOKU drops an enum value",
    "request",
    body(field({ enum: ["A"] })),
    "request-property-enum-value-removed",
    "info",
  ],
  [
    "the merchant's answer needs a new field",
    "response",
    { ...BASE, required: ["f", "g"], properties: { f: field(), g: field() } },
    "response-property-property-added-required",
    "breaking",
  ],
  [
    "DOKU accepts a longer answer",
    "response",
    body(field({ maxLength: 12 })),
    "response-property-max-length-increased",
    "info",
  ],
  [
    "DOKU accepts fewer answer values",
    "response",
    body(field({ enum: ["A"] })),
    "response-property-enum-value-removed",
    "breaking",
  ],
];

describe("webhooks: the polarity flips", () => {
  it.each(WEBHOOK_ROWS)("%s", (_label, side, after, rule, level) => {
    const changes = run("webhook", side, after);
    expect(changes.map((c) => [c.rule, c.level])).toContainEqual([rule, level]);
    const c = changes.find((x) => x.rule === rule);
    expect(c?.breaks).toBe(
      level === "info"
        ? null
        : side === "request"
          ? "a merchant receiving DOKU's messages"
          : "a merchant calling DOKU",
    );
  });

  it("DOKU now always sends a field", () => {
    expect(run("webhook", "request", BASE, body(field(), [])).map((c) => [c.rule, c.level])).toEqual([
      ["request-property-became-required", "info"],
    ]);
  });

  it("the same change has opposite levels on a path and on a webhook", () => {
    const after = body(field({ enum: ["A", "B", "C"] }));
    expect(run("path", "request", after)[0]?.level).toBe("info");
    expect(run("webhook", "request", after)[0]?.level).toBe("breaking");
  });

  it("a webhook removed is not breaking (DOKU stops calling)", () => {
    expect(specDiff([operation("webhook", BASE, BASE)], []).changes.map((c) => c.level)).toEqual(["info"]);
  });
});

describe("arrays", () => {
  it("an array of strings: the items' enum and length are compared at the array's field", () => {
    const list = (items: JsonSchema) => body({ type: "array", items });
    const changes = run(
      "webhook",
      "request",
      list({ type: "string", enum: ["A", "B"] }),
      list({ type: "string", enum: ["A"] }),
    );
    expect(changes.map((c) => [c.field, c.rule, c.level])).toEqual([
      ["f", "request-property-enum-value-added", "breaking"],
    ]);
  });
});

describe("no change, and the generate summary", () => {
  it("identical tables give no change", () => {
    expect(specDiff([operation("path", BASE, BASE)], [operation("path", BASE, BASE)]).changes).toEqual([]);
    expect(changeSummary(specDiff([], []))).toEqual([
      "generated types and validators: no operation or field changed",
    ]);
  });

  it("the summary names operations and fields added, removed and changed", () => {
    const before = [operation("path", BASE, BASE, "kept"), operation("path", BASE, BASE, "gone")];
    const after = [
      operation(
        "path",
        { ...BASE, properties: { f: field({ maxLength: 8 }), g: field() } },
        { type: "object", properties: {} },
        "kept",
      ),
      operation("webhook", BASE, BASE, "new"),
    ];
    const lines = changeSummary(specDiff(before, after));
    expect(lines[0]).toBe(
      "generated types and validators: 1 operations added, 1 removed; 1 fields added, 1 removed, 1 changed (3 breaking)",
    );
    expect(lines.slice(1)).toEqual([
      "  + operation new",
      "  - operation gone",
      "  + kept request.body g",
      "  - kept response.200.body f",
      "  ~ kept request.body f: max-length-decreased 10 -> 8 (breaking for a merchant calling DOKU)",
    ]);
  });
});
