/**
 * Adding an operation is spec data: test/engine-data/fixture/ declares two operations no source file names
 * (a widget create with an `x-doku-unique-keys` key, and a read-only status GET whose `x-doku-setup` needs a
 * created widget). Bundled and tabled by the generator's own functions, they are validated, generated and
 * run against the embedded mock with no source change.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { caseArbitrary, negativeCases } from "../../src/arbitraries/case.js";
import { createHttpTransport, type Transport } from "../../src/engine/transport.js";
import { bundleSpec } from "../../src/generator/bundle.js";
import { buildOperations } from "../../src/generator/operations.js";
import type { SentRequest } from "../../src/model/case.js";
import type { Operation, SpecBundle } from "../../src/model/operation.js";
import { runSuite } from "../../src/runner/suite.js";
import { compileValidators } from "../../src/validation/ajv.js";
import { operationValidation, validateRequest } from "../../src/validation/validate.js";

const FIXTURE = fileURLToPath(new URL("./fixture/doku.yaml", import.meta.url));
let bundle: SpecBundle;
let create: Operation;
let status: Operation;

beforeAll(async () => {
  const document = await bundleSpec(FIXTURE);
  const { operations, schemas } = buildOperations(document);
  bundle = { operations, validators: compileValidators(schemas), document };
  [create, status] = operations as [Operation, Operation];
});

describe("a fixture operation declared only in a spec", () => {
  it("reaches the operation table with its DOKU facts", () => {
    expect(create.id).toBe("fixtureCreateWidget");
    expect(create.uniqueKeys).toEqual([{ space: "fixture-widget-no", pointers: ["/widget/widget_no"] }]);
    expect(status).toMatchObject({
      id: "fixtureWidgetStatus",
      readOnly: true,
      setup: {
        creates: "fixtureCreateWidget",
        bind: [{ from: "request:/widget/widget_no", to: "path:widgetNo" }],
      },
    });
  });

  it("validate: accepts the example and names the broken field of a bad request", () => {
    const target = operationValidation(bundle, "fixtureCreateWidget");
    expect(validateRequest(target, { body: { widget: { widget_no: "07", amount: 10 } } })).toEqual([]);
    const violations = validateRequest(target, { body: { widget: { widget_no: "7", amount: 10 } } });
    expect(violations.map((v) => [v.pointer, v.rule])).toEqual([["/widget/widget_no", "pattern"]]);
    const path = validateRequest(operationValidation(bundle, "fixtureWidgetStatus"), {
      path: { widgetNo: "x" },
    });
    expect(path.map((v) => v.pointer)).toEqual(["/path/widgetNo"]);
  });

  it("arbitraries: valid cases validate, every negative breaks what it says", () => {
    for (const op of [create, status]) {
      const target = operationValidation(bundle, op.id);
      for (const kase of fc.sample(caseArbitrary(op, "valid"), { seed: 42, numRuns: 50 })) {
        expect(validateRequest(target, { body: kase.body, path: kase.pathParams })).toEqual([]);
      }
      const negatives = negativeCases(op);
      expect(negatives.length).toBeGreaterThan(0);
      for (const kase of negatives) {
        const pointers = validateRequest(target, {
          body: kase.body,
          path: kase.pathParams,
          headers: kase.headers,
        }).map((v) => v.pointer);
        expect(kase.expect.kind === "reject" && pointers).toContain(
          kase.expect.kind === "reject" && kase.expect.pointer,
        );
      }
    }
  });

  it("run: the embedded mock answers it; setup binds each status case to a fresh, unique widget", async () => {
    const inner = createHttpTransport({ maxSockets: 4 });
    const sent: [SentRequest, number][] = [];
    const transport: Transport = {
      async send(request, options) {
        const response = await inner.send(request, options);
        sent.push([request, response.status]);
        return response;
      },
      close: () => inner.close(),
    };
    const summary = await runSuite({
      bundle,
      transport,
      seed: 42,
      cases: 20,
      negativeCases: 5,
      phases: ["examples", "property", "negative"],
      outputDir: mkdtempSync(join(tmpdir(), "doku-fixture-run-")),
    });
    expect(summary.violations.filter((v) => v.severity === "error").map((v) => [v.check, v.message])).toEqual(
      [],
    );
    expect(summary.exitCode).toBe(0);
    // The accepted (2xx) creates and the lookups of a well-formed widget number.
    const created: string[] = [];
    const looked: string[] = [];
    for (const [request, answered] of sent) {
      const path = new URL(request.url).pathname;
      if (request.method !== "POST") looked.push(decodeURIComponent(path.split("/").at(-1) ?? ""));
      else if (answered === 200)
        created.push((JSON.parse(request.body) as { widget: { widget_no: string } }).widget.widget_no);
    }
    // x-doku-unique-keys: drawn widget numbers collide (two digits), yet no valid create reuses one.
    const drawn = fc
      .sample(caseArbitrary(create, "valid"), { seed: 42, numRuns: created.length })
      .map((c) => (c.body as { widget: { widget_no: string } }).widget.widget_no);
    expect(new Set(drawn).size).toBeLessThan(drawn.length);
    expect(created.length).toBeGreaterThan(20);
    expect(new Set(created).size).toBe(created.length);
    // x-doku-setup: every valid status lookup asks for a widget the run created first.
    const valid = looked.filter((n) => /^[0-9]{2}$/.test(n));
    expect(valid.length).toBeGreaterThan(20);
    for (const no of valid) expect(created).toContain(no);
  }, 60_000);
});
