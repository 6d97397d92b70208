/**
 * A passing and a failing case for each x-doku-rules rule, generic by kind: start from an example of the
 * rule's direction, then set the fields the rule reads. Only the rule's own verdict is asserted.
 */
import type { DokuRule, NamedExample, Operation } from "../../../src/model/index.js";
import { parsePointer, valueAt } from "../../../src/model/pointer.js";
import type { JsonSchema } from "../../../src/model/schema.js";
import { setAt } from "./document.js";
import { statusFor } from "./slots.js";

export interface RuleCase {
  label: string;
  body: unknown;
  status?: number;
}

export interface RuleCases {
  pass: RuleCase[];
  fail: (RuleCase & { pointer: string })[];
}

interface Base {
  body: unknown;
  status?: number;
  schema: JsonSchema;
  from: string;
}

const s = (rule: DokuRule, name: string) => rule[name] as string;

/** The example of the rule's direction that already holds the most of the pointers the rule reads. */
function baseFor(operation: Operation, rule: DokuRule, pointers: string[]): Base {
  const candidates: { example: NamedExample; status?: number; schema: JsonSchema }[] = [];
  if (rule.in === "request" && operation.request.body) {
    for (const example of operation.request.examples)
      candidates.push({ example, schema: operation.request.body.schema });
  }
  if (rule.in === "response") {
    for (const r of operation.responses) {
      if (!r.body) continue;
      for (const example of r.examples)
        candidates.push({ example, status: statusFor(operation, r), schema: r.body.schema });
    }
  }
  const score = (body: unknown) => pointers.filter((p) => valueAt(body, p) !== undefined).length;
  candidates.sort((a, b) => score(b.example.value) - score(a.example.value));
  const best = candidates[0];
  const fallbackSchema =
    rule.in === "request"
      ? operation.request.body?.schema
      : operation.responses.find((r) => r.body)?.body?.schema;
  if (best === undefined) return { body: {}, schema: fallbackSchema ?? {}, from: "an empty body" };
  return {
    body: best.example.value,
    schema: best.schema,
    from: `example ${best.example.name}`,
    ...(best.status !== undefined ? { status: best.status } : {}),
  };
}

const put = (base: Base, edits: [string, unknown][]) =>
  edits.reduce((doc, [pointer, value]) => setAt(base.schema, doc, parsePointer(pointer), value), base.body);

/** "100.00" -> "101.00", 7 -> 8: one unit more in the integer part, same shape. */
function oneMore(value: unknown): unknown {
  if (typeof value === "number") return value + 1;
  if (value !== null && typeof value === "object" && "value" in value)
    return { ...value, value: oneMore((value as { value: unknown }).value) };
  const m = /^([0-9]+)(\.[0-9]+)?$/.exec(String(value));
  return m ? `${BigInt(m[1] as string) + 1n}${m[2] ?? ""}` : value;
}

interface When {
  pointer: string;
  equals?: unknown;
  in?: unknown[];
  present?: boolean;
  absent?: boolean;
}

/** A value making the condition hold (undefined: the field removed). */
function conditionValue(when: When, base: Base): unknown {
  return when.absent === true || when.present === false
    ? undefined
    : (when.equals ?? when.in?.[0] ?? valueAt(base.body, when.pointer) ?? "x");
}

/** A value making the condition false: absent for equals / in / present, a placeholder for absent. */
function conditionFalse(when: When): unknown {
  return when.absent === true || when.present === false ? "__not-the-condition__" : undefined;
}

const KINDS: Record<string, (rule: DokuRule, op: Operation) => RuleCases> = {
  concat: (rule, op) => {
    const target = s(rule, "target");
    const parts = rule.parts as string[];
    const base = baseFor(op, rule, [target, ...parts]);
    const body = put(
      base,
      parts.filter((p) => typeof valueAt(base.body, p) !== "string").map((p, i) => [p, `${i + 1}`]),
    );
    const joined = parts.map((p) => valueAt(body, p)).join("");
    const b = { ...base, body };
    return {
      pass: [{ label: `${base.from} with target = parts`, body: put(b, [[target, joined]]), ...st(base) }],
      fail: [
        {
          label: `${base.from} with target = "9" + parts`,
          body: put(b, [[target, `9${joined}`]]),
          pointer: target,
          ...st(base),
        },
      ],
    };
  },
  lte: (rule, op) => {
    const [left, right] = [s(rule, "left"), s(rule, "right")];
    const base = baseFor(op, rule, [left, right]);
    const r = valueAt(base.body, right) ?? valueAt(base.body, left) ?? 100;
    return {
      pass: [
        {
          label: `${base.from} with left = right`,
          body: put(base, [
            [right, r],
            [left, r],
          ]),
          ...st(base),
        },
      ],
      fail: [
        {
          label: `${base.from} with left = right + 1`,
          body: put(base, [
            [right, r],
            [left, oneMore(r)],
          ]),
          pointer: left,
          ...st(base),
        },
      ],
    };
  },
  "required-if": (rule, op) => {
    const field = s(rule, "field");
    const when = rule.when as When;
    const base = baseFor(op, rule, [field, when.pointer]);
    const present = conditionValue(when, base);
    const filled = valueAt(base.body, field) ?? "x";
    return {
      pass: [
        {
          label: `${base.from}, condition holds, field present`,
          body: put(base, [
            [when.pointer, present],
            [field, filled],
          ]),
          ...st(base),
        },
      ],
      fail: [
        {
          label: `${base.from}, condition holds, field removed`,
          body: put(base, [
            [when.pointer, present],
            [field, undefined],
          ]),
          pointer: field,
          ...st(base),
        },
      ],
    };
  },
  "minimum-if": (rule, op) => {
    const field = s(rule, "field");
    const when = rule.when as When;
    const base = baseFor(op, rule, [field, when.pointer]);
    const exclusive = "exclusiveMinimum" in rule;
    const limit = (exclusive ? rule.exclusiveMinimum : rule.minimum) as number;
    const condition: [string, unknown] = [when.pointer, conditionValue(when, base)];
    // Same form as the base's value (integer, or decimal string such as "12.00"), at and next to the bound.
    const current = valueAt(base.body, field);
    const form = (n: number): unknown =>
      typeof current === "string" ? (current.includes(".") ? `${n}.00` : `${n}`) : n;
    const [inside, outside] = exclusive
      ? [oneMore(form(limit)), form(limit)]
      : [form(limit), form(limit - 1)];
    return {
      pass: [
        {
          label: `${base.from}, condition holds, ${field} = ${JSON.stringify(inside)}`,
          body: put(base, [condition, [field, inside]]),
          ...st(base),
        },
        {
          label: `${base.from}, condition false, ${field} = ${JSON.stringify(outside)}`,
          body: put(base, [
            [when.pointer, conditionFalse(when)],
            [field, outside],
          ]),
          ...st(base),
        },
      ],
      fail: [
        {
          label: `${base.from}, condition holds, ${field} = ${JSON.stringify(outside)}`,
          body: put(base, [condition, [field, outside]]),
          pointer: field,
          ...st(base),
        },
      ],
    };
  },
  "max-digits-by": (rule, op) => {
    const [field, by] = [s(rule, "field"), s(rule, "by")];
    const base = baseFor(op, rule, [field, by]);
    const limits = rule.limits as Record<string, number>;
    const cases: RuleCases = { pass: [], fail: [] };
    for (const [key, limit] of Object.entries(limits)) {
      cases.pass.push({
        label: `${by} = ${key}, ${limit} digits`,
        body: put(base, [
          [by, key],
          [field, "1".repeat(limit)],
        ]),
        ...st(base),
      });
      cases.fail.push({
        label: `${by} = ${key}, ${limit + 1} digits`,
        body: put(base, [
          [by, key],
          [field, "1".repeat(limit + 1)],
        ]),
        pointer: field,
        ...st(base),
      });
    }
    return cases;
  },
  "enum-by": (rule, op) => {
    const [field, by] = [s(rule, "field"), s(rule, "by")];
    const base = baseFor(op, rule, [field, by]);
    const allowed = rule.allowed as Record<string, unknown[]>;
    const cases: RuleCases = { pass: [], fail: [] };
    const all = Object.values(allowed).flat();
    for (const [key, list] of Object.entries(allowed)) {
      const other =
        all.find((v) => !list.some((x) => JSON.stringify(x) === JSON.stringify(v))) ?? "__not-allowed__";
      cases.pass.push({
        label: `${by} = ${key}, allowed value`,
        body: put(base, [
          [by, key],
          [field, list[0]],
        ]),
        ...st(base),
      });
      cases.fail.push({
        label: `${by} = ${key}, ${JSON.stringify(other)}`,
        body: put(base, [
          [by, key],
          [field, other],
        ]),
        pointer: field,
        ...st(base),
      });
    }
    return cases;
  },
  "status-by": (rule, op) => {
    const field = s(rule, "field");
    const base = baseFor(op, rule, [field]);
    const statuses = rule.statuses as Record<string, number | number[]>;
    const cases: RuleCases = { pass: [], fail: [] };
    for (const [value, status] of Object.entries(statuses)) {
      const allowed = Array.isArray(status) ? status : [status];
      const wrong = [200, 400, 401, 404, 500].find((c) => !allowed.includes(c)) ?? 599;
      const body = put(base, [[field, value]]);
      cases.pass.push({
        label: `${field} = ${value} with HTTP ${allowed[0]}`,
        body,
        status: allowed[0] as number,
      });
      cases.fail.push({
        label: `${field} = ${value} with HTTP ${wrong}`,
        body,
        status: wrong,
        pointer: field,
      });
    }
    return cases;
  },
};

function st(base: Base) {
  return base.status !== undefined ? { status: base.status } : {};
}

/** Passing and failing cases for a rule; undefined for a kind this builder does not know. */
export function ruleCases(rule: DokuRule, operation: Operation): RuleCases | undefined {
  return KINDS[rule.kind]?.(rule, operation);
}
