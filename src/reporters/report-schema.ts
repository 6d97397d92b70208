/**
 * JSON Schema (2020-12) of report.json: the CONTRACT.md fields are required and typed; the kit's
 * extensions are described too. Tests validate every report the runner writes against it.
 */
export const VIOLATION_SCHEMA = {
  type: "object",
  required: [
    "operationId",
    "direction",
    "check",
    "pointer",
    "rule",
    "expected",
    "actual",
    "message",
    "source",
  ],
  properties: {
    operationId: { type: "string", minLength: 1 },
    direction: { enum: ["request", "response"] },
    check: { type: "string", minLength: 1 },
    pointer: { type: "string", pattern: "^(/.*)?$" },
    rule: { type: "string", minLength: 1 },
    expected: true,
    actual: true,
    message: { type: "string", minLength: 1 },
    source: { type: "string", minLength: 1 },
    severity: { enum: ["error", "warning"] },
    conflict: { type: "object", required: ["id", "alternative"] },
    phase: { enum: ["examples", "boundary", "property", "negative", "signature"] },
    case: { type: "string" },
    caseIndex: { type: "integer", minimum: 0 },
    occurrences: { type: "integer", minimum: 1 },
    shrunk: { type: "boolean" },
    replay: { type: "string" },
    curl: { type: "string" },
    rerun: { type: "string", pattern: "^doku-conformance run --seed [0-9]+ --operation \\S+ --phase \\S+" },
  },
} as const;

const COUNT = { type: "integer", minimum: 0 } as const;

export const REPORT_SCHEMA = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://doku-conformance/report.schema.json",
  title: "doku-conformance run report (report.json)",
  type: "object",
  required: ["tool", "version", "seed", "target", "startedAt", "durationMs", "summary", "violations"],
  properties: {
    tool: { const: "doku-conformance" },
    version: { type: "string", minLength: 1 },
    seed: { type: "integer", minimum: 0 },
    target: { type: "string", minLength: 1 },
    startedAt: { type: "string", format: "date-time" },
    durationMs: { type: "number", minimum: 0 },
    summary: {
      type: "object",
      required: ["operations", "cases", "passed", "failed", "violations"],
      properties: {
        operations: COUNT,
        cases: COUNT,
        passed: COUNT,
        failed: COUNT,
        violations: COUNT,
        errors: COUNT,
        warnings: COUNT,
        requests: COUNT,
      },
    },
    violations: { type: "array", items: VIOLATION_SCHEMA },
    phases: { type: "array", items: { enum: ["examples", "boundary", "property", "negative", "signature"] } },
    checks: { type: "array", items: { type: "string" } },
    incomplete: { type: "string" },
    exitCode: { enum: [0, 1, 3] },
    operations: {
      type: "array",
      items: {
        type: "object",
        required: ["operationId", "cases", "passed", "failed", "checks"],
        properties: {
          operationId: { type: "string" },
          cases: COUNT,
          passed: COUNT,
          failed: COUNT,
          checks: {
            type: "object",
            additionalProperties: {
              type: "object",
              required: ["applied", "failed"],
              properties: { applied: COUNT, failed: COUNT },
            },
          },
        },
      },
    },
  },
} as const;
