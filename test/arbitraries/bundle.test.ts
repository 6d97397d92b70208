/**
 * The laws on the real bundle, for every operation and both directions: valid and boundary cases (and
 * shrinks) pass the generated validators and the x-doku-rules as the validation layer checks them;
 * every negative yields exactly its labelled violation; callback bodies and success responses are valid;
 * same seed, same cases; a seed-42 snapshot of the first 3 valid cases per operation.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadSpecBundle } from "../../conformance/bundle.js";
import {
  boundaryCases,
  caseArbitrary,
  isSignerHeader,
  negativeCases,
  requestBodyArbitrary,
  responseBodyArbitrary,
} from "../../src/arbitraries/index.js";
import type { Case } from "../../src/model/case.js";
import type { Operation } from "../../src/model/operation.js";
import { operationValidation, validateRequest, validateResponse } from "../../src/validation/index.js";
import { errorsOf, valuesAndShrinks } from "./helpers.js";

const bundle = await loadSpecBundle();
const ops = bundle.operations.map((op): [string, Operation] => [op.id, op]);
const NO_2XX_BODY: readonly string[] = [
  "danaPaymentNotification",
  "directDebitPaymentNotification",
  "dokuVaNotification",
  "checkoutNotification",
  "alfaNotification",
  "indomaretNotification",
];

/** Violations of a case as the kit's validation layer reports them, minus the headers the signer adds. */
function violations(op: Operation, c: Case) {
  const target = operationValidation(bundle, op.id);
  return validateRequest(target, { body: c.body, headers: c.headers, path: c.pathParams }).filter(
    (v) => !(v.pointer.startsWith("/headers/") && isSignerHeader(v.pointer.slice("/headers/".length))),
  );
}

/** Raw ajv errors of a case (generated standalone validators), with Case.expect pointer prefixes. */
function ajvErrors(op: Operation, c: Case) {
  const { body, headers, path } = op.request;
  const v = bundle.validators;
  return [
    ...(body ? errorsOf(v[body.key]!, c.body) : []),
    ...(headers
      ? errorsOf(v[headers.key]!, c.headers).map((e) => ({ ...e, pointer: `/headers${e.pointer}` }))
      : []),
    ...(path
      ? errorsOf(v[path.key]!, c.pathParams).map((e) => ({ ...e, pointer: `/path${e.pointer}` }))
      : []),
  ].filter((e) => !(e.keyword === "required" && isSignerHeader(e.pointer.slice("/headers/".length))));
}

function expectValid(op: Operation, c: Case) {
  expect(ajvErrors(op, c), c.label).toEqual([]);
  expect(violations(op, c), c.label).toEqual([]);
}

function expectOnly(op: Operation, c: Case) {
  if (c.expect.kind !== "reject") throw new Error(`${c.label}: not a negative`);
  const { rule, pointer } = c.expect;
  const found = violations(op, c).map((v) => ({ rule: v.rule, pointer: v.pointer, severity: v.severity }));
  expect(found, c.label).toEqual([{ rule, pointer, severity: "error" }]);
  expect(ajvErrors(op, c), c.label).toEqual(rule.startsWith("x-doku-") ? [] : [{ keyword: rule, pointer }]);
}

describe.each(ops)("%s", (_id, op) => {
  it("valid cases and their shrinks pass the generated validators and the x-doku-rules", () => {
    const { values, shrinks } = valuesAndShrinks(caseArbitrary(op, "valid"), {
      samples: 60,
      perLevel: 3,
      depth: 2,
    });
    for (const c of [...values, ...shrinks]) expectValid(op, c);
  });

  it("boundary cases are valid", () => {
    const list = boundaryCases(op);
    expect(list.length).toBeGreaterThan(0);
    for (const c of list) expectValid(op, c);
  });

  it("each negative case yields exactly its labelled violation", () => {
    const list = negativeCases(op);
    expect(list.length).toBeGreaterThan(0);
    for (const c of list) expectOnly(op, c);
  });

  it("negatives from the Arbitrary, and their shrinks, keep their label true", () => {
    const { values, shrinks } = valuesAndShrinks(caseArbitrary(op, "negative"), {
      samples: 40,
      perLevel: 2,
      depth: 2,
    });
    for (const c of [...values, ...shrinks]) expectOnly(op, c);
  });

  it("same seed, same cases", () => {
    const arb = caseArbitrary(op, "valid");
    expect(fc.sample(arb, { seed: 42, numRuns: 20 })).toEqual(fc.sample(arb, { seed: 42, numRuns: 20 }));
  });

  it("seed 42: the first 3 valid cases are unchanged", () => {
    expect(fc.sample(caseArbitrary(op, "valid"), { seed: 42, numRuns: 3 })).toMatchSnapshot();
  });

  it("success response bodies are valid, with a documented SNAP responseCode", () => {
    const target = operationValidation(bundle, op.id);
    const statuses = op.responses.filter((r) => /^2[0-9]{2}$/.test(r.status) && r.body);
    // webhooks whose merchant answer has no documented body; every other operation must be exercised here
    if (NO_2XX_BODY.includes(op.id)) expect(statuses).toEqual([]);
    else expect(statuses.length, "a 2xx response with a body").toBeGreaterThan(0);
    for (const r of statuses) {
      for (const body of fc.sample(responseBodyArbitrary(op, r.status), { seed: 7, numRuns: 60 })) {
        expect(validateResponse(target, { status: Number(r.status), body }), JSON.stringify(body)).toEqual(
          [],
        );
        const code = (body as { responseCode?: unknown }).responseCode;
        if (op.serviceCode && typeof code === "string") {
          expect(code.slice(0, 5)).toBe(`${r.status}${op.serviceCode}`);
          if (r.caseCodes?.length) expect(r.caseCodes).toContain(code.slice(5));
        }
      }
    }
  });
});

describe.each(ops.filter(([, op]) => op.kind === "webhook" && op.request.body))("callback %s", (_id, op) => {
  it("request bodies (DOKU -> merchant) are valid, valid ones with the occasional unknown property", () => {
    const target = operationValidation(bundle, op.id);
    const bodies = fc.sample(requestBodyArbitrary(op.request.body!, op.rules), { seed: 5, numRuns: 150 });
    for (const b of bodies)
      expect(validateRequest(target, { body: b.value }), JSON.stringify(b.value)).toEqual([]);
  });
  it("negative request bodies break exactly their label", () => {
    const target = operationValidation(bundle, op.id);
    for (const b of fc.sample(requestBodyArbitrary(op.request.body!, op.rules, "negative"), {
      seed: 5,
      numRuns: 60,
    })) {
      if (b.expect.kind !== "reject") throw new Error("not a negative");
      const found = validateRequest(target, { body: b.value }).map((v) => [v.rule, v.pointer]);
      expect(found, b.label).toEqual([[b.expect.rule, b.expect.pointer]]);
    }
  });
});

describe("DOKU-authored bodies", () => {
  it("sometimes carry an unknown property where the schema allows it (DOKU may add fields)", () => {
    const webhooks = ops.filter(([, op]) => op.kind === "webhook" && op.request.body).map(([, op]) => op);
    const texts = webhooks.flatMap((op) =>
      fc
        .sample(requestBodyArbitrary(op.request.body!, op.rules), { seed: 6, numRuns: 100 })
        .map((b) => JSON.stringify(b.value)),
    );
    expect(texts.some((t) => t.includes('"x_doku_extra"') || t.includes('"additionalField"'))).toBe(true);
  });
  it("merchant-authored request bodies never get one by default", () => {
    for (const [, op] of ops.filter(([, o]) => o.kind === "path")) {
      for (const c of fc.sample(caseArbitrary(op, "valid"), { seed: 6, numRuns: 50 })) {
        expect(JSON.stringify(c.body ?? null)).not.toMatch(/"(x_doku_extra|additionalField)"/);
      }
    }
  });
});
