/**
 * Whole-spec tests on the REAL bundle (generated/): (1) every example validates or yields only conflict
 * warnings (a rule's knownExceptions may fail that rule only); (2) every length-limited string field,
 * found by walking the schemas, accepts a value at its limit and rejects one past it with exactly one
 * violation at its pointer; (3) every x-doku-rules rule has a passing and a failing case; (4) the
 * generated standalone validators and a runtime compile of the same schema agree on all of those inputs.
 */
import { describe, expect, it } from "vitest";
import { loadSpecBundle } from "../../conformance/bundle.js";
import type { CompiledValidator, DokuRule, Operation, Violation } from "../../src/model/index.js";
import { compileValidators } from "../../src/validation/ajv.js";
import { operationValidation, validateRequest, validateResponse } from "../../src/validation/index.js";
import { baseFor, lengthMutations, type Mutation } from "../validation/whole-spec/mutations.js";
import { ruleCases } from "../validation/whole-spec/rule-cases.js";
import { type Slot, slots, statusFor } from "../validation/whole-spec/slots.js";

const bundle = await loadSpecBundle();
const targetOf = (op: Operation) => operationValidation(bundle, op.id);
const show = (vs: Violation[]) =>
  vs.map((v) => `${v.pointer || "(body)"} ${v.rule}: ${v.message}`).join("; ");
const knownExceptions = (op: Operation, ruleId: string): string[] => {
  const list = op.rules.find((r) => r.id === ruleId)?.knownExceptions;
  return Array.isArray(list) ? list.map(String) : [];
};

interface ExampleRun {
  label: string;
  name: string;
  violations: Violation[];
}

function exampleRuns(op: Operation): ExampleRun[] {
  const target = targetOf(op);
  const runs: ExampleRun[] = op.request.examples.map((ex) => ({
    label: `request example ${ex.name}`,
    name: ex.name,
    violations: validateRequest(target, { body: ex.value }),
  }));
  for (const response of op.responses) {
    const status = statusFor(op, response);
    for (const ex of response.examples) {
      runs.push({
        label: `response ${response.status} example ${ex.name}`,
        name: ex.name,
        violations: validateResponse(target, { status, body: ex.value }),
      });
    }
  }
  return runs;
}

const operations = bundle.operations.map((op) => [op.id, op] as const);
const allSlots = bundle.operations.flatMap((op) => slots(op).map((slot) => [slot.label, op, slot] as const));

describe("(1) every example validates or yields only conflict warnings", () => {
  it("the bundle has examples", () => {
    expect(bundle.operations.reduce((n, op) => n + exampleRuns(op).length, 0)).toBeGreaterThan(0);
  });

  it.each(operations)("%s", (_id, op) => {
    const problems: string[] = [];
    for (const run of exampleRuns(op)) {
      const errors = run.violations.filter(
        (v) => v.severity === "error" && !knownExceptions(op, v.rule).includes(run.name),
      );
      if (errors.length > 0) problems.push(`${run.label}: ${show(errors)}`);
    }
    expect(problems).toEqual([]);
  });

  it.each(operations)(
    "%s: every knownExceptions entry names an example that does fail that rule",
    (_id, op) => {
      const runs = exampleRuns(op);
      const stale: string[] = [];
      for (const rule of op.rules) {
        for (const name of knownExceptions(op, rule.id)) {
          const matching = runs.filter((r) => r.name === name);
          if (!matching.some((r) => r.violations.some((v) => v.rule === rule.id)))
            stale.push(`${rule.id}: ${name}`);
        }
      }
      expect(stale).toEqual([]);
    },
  );
});

const prepared = new Map<Slot, { base: ReturnType<typeof baseFor>; mutations: Mutation[] }>();
/** The slot's base document and its boundary mutations, built once (tests 2 and 4 share them). */
function prepare(op: Operation, slot: Slot) {
  let entry = prepared.get(slot);
  if (entry === undefined) {
    const base = baseFor(targetOf(op), slot);
    entry = { base, mutations: base ? lengthMutations(slot.ref.schema, base.doc) : [] };
    prepared.set(slot, entry);
  }
  return entry;
}

function lengthProblems(op: Operation, slot: Slot): { problems: string[]; checked: number } {
  const target = targetOf(op);
  const { base, mutations } = prepare(op, slot);
  if (base === undefined)
    return {
      problems: ["no valid base document (no error-free example, minimal value invalid)"],
      checked: 0,
    };
  const problems: string[] = [];
  for (const m of mutations) {
    const pointer = slot.prefix + m.field.pointer;
    const where = `${pointer} ${m.rule} ${m.limit} (base: ${base.from})`;
    if (m.atLimit === undefined && (m.enumerated || (m.rule === "minLength" && m.limit === 1))) {
      // No value of that length exists, legitimately: an enum/const is the effective limit, or minLength 1
      // only says "not empty" next to a pattern that needs more. "" must still fail (checked below).
    } else if (m.atLimit === undefined) {
      problems.push(`${where}: no value of exactly ${m.limit} characters satisfies the field's own schema`);
    } else {
      const at = slot.validate(target, m.atLimit).filter((v) => v.pointer === pointer);
      if (at.length > 0) problems.push(`${where}: a value at the limit is rejected: ${show(at)}`);
    }
    const past = slot.validate(target, m.pastLimit).filter((v) => v.pointer === pointer && v.rule === m.rule);
    if (past.length !== 1)
      problems.push(`${where}: one past the limit gives ${past.length} ${m.rule} violations at the pointer`);
  }
  return { problems, checked: mutations.length };
}

describe("(2) length limits: at the limit accepted, one past it exactly one violation", () => {
  it("the specs have length-limited fields", () => {
    const total = allSlots.reduce((n, [, op, slot]) => n + lengthProblems(op, slot).checked, 0);
    expect(total).toBeGreaterThan(0);
  });

  it.each(allSlots)("%s", (_label, op, slot) => {
    expect(lengthProblems(op, slot).problems).toEqual([]);
  });
});

const rules = bundle.operations.flatMap((op) =>
  op.rules.map((rule) => [`${op.id} ${rule.id}`, op, rule] as const),
);

function ruleFindings(op: Operation, rule: DokuRule, body: unknown, status: number | undefined): Violation[] {
  const target = targetOf(op);
  const all =
    rule.in === "request"
      ? validateRequest(target, { body })
      : validateResponse(target, {
          status:
            status ?? statusFor(op, op.responses[0] ?? { status: "200", description: "", examples: [] }),
          body,
        });
  return all.filter((v) => v.rule === rule.id);
}

describe("(3) every x-doku-rules rule passes and fails", () => {
  it("the specs have rules", () => {
    expect(rules.length).toBeGreaterThan(0);
  });

  it.each(rules)("%s", (_label, op, rule) => {
    const cases = ruleCases(rule, op);
    expect(cases, `no case builder for kind ${rule.kind}`).toBeDefined();
    const problems: string[] = [];
    for (const c of cases?.pass ?? []) {
      const found = ruleFindings(op, rule, c.body, c.status);
      if (found.length > 0) problems.push(`pass case "${c.label}" fails: ${show(found)}`);
    }
    for (const c of cases?.fail ?? []) {
      const found = ruleFindings(op, rule, c.body, c.status);
      if (found.length !== 1 || found[0]?.pointer !== c.pointer)
        problems.push(`fail case "${c.label}" gives ${show(found) || "no finding"}`);
    }
    expect(cases?.pass.length).toBeGreaterThan(0);
    expect(cases?.fail.length).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });
});

function outcome(validate: CompiledValidator, doc: unknown) {
  const valid = validate(doc);
  const errors = (validate.errors ?? []).map((e) => `${e.keyword} ${e.instancePath} ${e.schemaPath}`).sort();
  return { valid, errors };
}

describe("(4) generated standalone validators agree with a runtime compile", () => {
  it.each(allSlots)("%s", (_label, op, slot) => {
    const generated = bundle.validators[slot.ref.key];
    expect(generated, `generated/validators.js has no ${slot.ref.key}`).toBeDefined();
    const runtime = compileValidators({ [slot.ref.key]: slot.ref.schema })[slot.ref.key] as CompiledValidator;
    const { base, mutations } = prepare(op, slot);
    const docs: unknown[] = [...slot.examples.map((e) => e.value), ...(base ? [base.doc] : [])];
    for (const m of mutations) docs.push(m.pastLimit, ...(m.atLimit ? [m.atLimit] : []));
    docs.push(undefined, null, {}, []);
    const disagreements = docs.flatMap((doc) => {
      const [a, b] = [outcome(generated as CompiledValidator, doc), outcome(runtime, doc)];
      return JSON.stringify(a) === JSON.stringify(b)
        ? []
        : [
            `${JSON.stringify(doc)?.slice(0, 200)}: generated ${JSON.stringify(a)} vs runtime ${JSON.stringify(b)}`,
          ];
    });
    expect(docs.length).toBeGreaterThan(4);
    expect(disagreements).toEqual([]);
  });
});
