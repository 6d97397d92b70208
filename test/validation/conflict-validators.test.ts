/**
 * `x-doku-conflict` alternatives are compiled by generate (generated/validators.js, `conflictKey`): a run
 * decides a tolerated finding with generated code, without loading Ajv's compiler.
 */
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { loadSpecBundle } from "../../conformance/bundle.js";
import type { SchemaRef } from "../../src/model/operation.js";
import { conflictAlternatives, conflictKey } from "../../src/validation/conflicts.js";
import { operationValidation, validateRequest } from "../../src/validation/index.js";

const require = createRequire(import.meta.url);
const ajvLoaded = () => Object.keys(require.cache).some((k) => /[\\/]ajv[\\/]dist[\\/]2020\.js$/.test(k));

const bundle = await loadSpecBundle();
const slots: SchemaRef[] = bundle.operations.flatMap((op) =>
  [
    op.request.body,
    op.request.headers,
    op.request.path,
    ...op.responses.flatMap((r) => [r.body, r.headers]),
  ].filter((ref): ref is SchemaRef => ref !== undefined),
);

/** snapCreateVa's documented request with `totalAmount.value` replaced (the amount conflict's field). */
function createVaWithAmount(value: string) {
  const target = operationValidation(bundle, "snapCreateVa");
  const example = structuredClone(target.operation.request.examples[0]?.value) as {
    totalAmount: { value: string };
  };
  example.totalAmount.value = value;
  return { target, body: example };
}

describe("generated conflict validators", () => {
  it("every alternative of every schema slot has one", () => {
    const missing: string[] = [];
    let found = 0;
    for (const slot of slots) {
      conflictAlternatives(slot.schema).forEach((_, n) => {
        found++;
        if (typeof bundle.validators[conflictKey(slot.key, n)] !== "function")
          missing.push(conflictKey(slot.key, n));
      });
    }
    expect(found).toBeGreaterThan(30);
    expect(missing).toEqual([]);
  });

  it("a tolerated finding is decided without Ajv's compiler, as a runtime compile decides it", () => {
    const { target, body } = createVaWithAmount("12500");
    const generated = validateRequest(target, { body });
    expect(generated.filter((v) => v.pointer === "/totalAmount/value")).toMatchObject([
      { severity: "warning", conflict: { id: "snap-amount-decimals" } },
    ]);
    expect(ajvLoaded()).toBe(false);
    // Without the generated table the alternative is compiled here: the same verdicts.
    const compiled = validateRequest({ ...target, validators: withoutConflictKeys() }, { body });
    expect(ajvLoaded()).toBe(true);
    expect(compiled).toEqual(generated);
  });

  it("a value the alternative refuses stays an error", () => {
    const { target, body } = createVaWithAmount("12,500");
    expect(validateRequest(target, { body }).filter((v) => v.pointer === "/totalAmount/value")).toMatchObject(
      [{ severity: "error" }],
    );
  });
});

function withoutConflictKeys() {
  return Object.fromEntries(Object.entries(bundle.validators).filter(([key]) => !key.includes("#conflict/")));
}
