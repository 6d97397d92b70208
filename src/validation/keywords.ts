/**
 * One entry per JSON Schema keyword: which pointer an ajv error concerns, what was expected, what was
 * seen, and the sentence a merchant reads. Lengths are Unicode code points (see describe.ts).
 */

import { codePointLength } from "../model/code-points.js";
import type { AjvLikeError } from "../model/operation.js";
import { childPointer, dottedPath, valueAt } from "../model/pointer.js";
import type { JsonSchema } from "../model/schema.js";
import { jsonType, quoted, shownValue } from "./describe.js";

export interface Finding {
  pointer: string;
  rule: string;
  expected: unknown;
  actual: unknown;
  message: string;
}

/** What a keyword mapper gets: the error, the document validated, and the schema holding the keyword. */
export interface KeywordInput {
  error: AjvLikeError;
  data: unknown;
  node: JsonSchema | undefined;
  /** How a pointer reads in a sentence; default `dottedPath` ("customer.name"). */
  label?: (pointer: string) => string;
}

type Mapper = (input: KeywordInput) => Omit<Finding, "rule">;

const param = (e: AjvLikeError, name: string): unknown => e.params[name];
const an = (type: string): string => (/^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`);
const typeWords = (t: unknown): string => (Array.isArray(t) ? t.map(String).join(" or ") : String(t));

function at(input: KeywordInput, pointer = input.error.instancePath) {
  return { pointer, path: (input.label ?? dottedPath)(pointer), value: valueAt(input.data, pointer) };
}

function lengthOf(value: unknown): { n: number; note: string } {
  if (typeof value !== "string") return { n: 0, note: "" };
  const n = codePointLength(value);
  return { n, note: n !== value.length ? " (counted in Unicode code points)" : "" };
}

/** The documented property names of an object schema, for "allowed fields" hints. */
function propertyNames(node: JsonSchema | undefined): string[] {
  const props = node?.properties;
  return props !== null && typeof props === "object" ? Object.keys(props) : [];
}

const missing =
  (name: string): Mapper =>
  (input) => {
    const prop = String(param(input.error, name));
    const { pointer, path } = at(input, childPointer(input.error.instancePath, prop));
    return { pointer, expected: prop, actual: "absent", message: `${path} is missing; DOKU requires it` };
  };

const extra =
  (name: string): Mapper =>
  (input) => {
    const prop = String(param(input.error, name));
    const { pointer, path } = at(input, childPointer(input.error.instancePath, prop));
    const allowed = propertyNames(input.node);
    const hint =
      allowed.length > 0
        ? `; fields allowed here: ${allowed.slice(0, 12).join(", ")}${allowed.length > 12 ? ", …" : ""}`
        : "";
    return {
      pointer,
      expected: allowed,
      actual: prop,
      message: `${path} is not a field DOKU documents here${hint}`,
    };
  };

const bound =
  (words: string): Mapper =>
  (input) => {
    const { pointer, path, value } = at(input);
    const limit = param(input.error, "limit");
    return {
      pointer,
      expected: limit,
      actual: value,
      message: `${path} is ${quoted(value)}; DOKU allows ${words} ${limit}`,
    };
  };

const count =
  (unit: string, words: string, measure: (v: unknown) => number): Mapper =>
  (input) => {
    const { pointer, path, value } = at(input);
    const limit = param(input.error, "limit");
    const n = measure(value);
    return {
      pointer,
      expected: limit,
      actual: n,
      message: `${path} has ${n} ${unit}; DOKU allows ${words} ${limit}`,
    };
  };

const KEYWORDS: Record<string, Mapper> = {
  maxLength: (input) => {
    const { pointer, path, value } = at(input);
    const limit = param(input.error, "limit");
    const { n, note } = lengthOf(value);
    return {
      pointer,
      expected: limit,
      actual: n,
      message: `${path} is ${n} characters${note}; DOKU allows at most ${limit}`,
    };
  },
  minLength: (input) => {
    const { pointer, path, value } = at(input);
    const limit = param(input.error, "limit");
    const { n, note } = lengthOf(value);
    const is = n === 0 ? "is empty" : `is ${n} characters${note}`;
    return { pointer, expected: limit, actual: n, message: `${path} ${is}; DOKU requires at least ${limit}` };
  },
  pattern: (input) => {
    const { pointer, path, value } = at(input);
    const pattern = param(input.error, "pattern");
    return {
      pointer,
      expected: pattern,
      actual: shownValue(value),
      message: `${path} is ${quoted(value)}, which does not match the pattern ${pattern}`,
    };
  },
  format: (input) => {
    const { pointer, path, value } = at(input);
    const format = param(input.error, "format");
    return {
      pointer,
      expected: format,
      actual: shownValue(value),
      message: `${path} is ${quoted(value)}, which is not a valid ${format}`,
    };
  },
  enum: (input) => {
    const { pointer, path, value } = at(input);
    const allowed = param(input.error, "allowedValues");
    const list = Array.isArray(allowed) ? allowed.map((v) => quoted(v)).join(", ") : quoted(allowed);
    return {
      pointer,
      expected: allowed,
      actual: shownValue(value),
      message: `${path} is ${quoted(value)}; DOKU allows one of ${list}`,
    };
  },
  const: (input) => {
    const { pointer, path, value } = at(input);
    const allowed = param(input.error, "allowedValue");
    return {
      pointer,
      expected: allowed,
      actual: shownValue(value),
      message: `${path} is ${quoted(value)}; DOKU expects ${quoted(allowed)}`,
    };
  },
  type: (input) => {
    const { pointer, path, value } = at(input);
    const expected = param(input.error, "type");
    const seen = jsonType(value);
    const is = seen === "absent" ? "is absent" : `is ${an(seen)}`;
    return {
      pointer,
      expected,
      actual: seen,
      message: `${path} ${is}; DOKU expects ${an(typeWords(expected))}`,
    };
  },
  required: missing("missingProperty"),
  dependentRequired: (input) => {
    const base = missing("missingProperty")(input);
    return { ...base, message: `${base.message} when ${String(param(input.error, "property"))} is present` };
  },
  additionalProperties: extra("additionalProperty"),
  unevaluatedProperties: extra("unevaluatedProperty"),
  maximum: bound("at most"),
  minimum: bound("at least"),
  exclusiveMaximum: bound("less than"),
  exclusiveMinimum: bound("more than"),
  multipleOf: (input) => {
    const { pointer, path, value } = at(input);
    const step = param(input.error, "multipleOf");
    return {
      pointer,
      expected: step,
      actual: value,
      message: `${path} is ${quoted(value)}; DOKU expects a multiple of ${step}`,
    };
  },
  maxItems: count("items", "at most", (v) => (Array.isArray(v) ? v.length : 0)),
  minItems: count("items", "at least", (v) => (Array.isArray(v) ? v.length : 0)),
  maxProperties: count("fields", "at most", (v) =>
    v !== null && typeof v === "object" ? Object.keys(v).length : 0,
  ),
  minProperties: count("fields", "at least", (v) =>
    v !== null && typeof v === "object" ? Object.keys(v).length : 0,
  ),
  uniqueItems: (input) => {
    const { pointer, path } = at(input);
    const [i, j] = [param(input.error, "i"), param(input.error, "j")];
    return {
      pointer,
      expected: "unique items",
      actual: [j, i],
      message: `${path} has identical items at ${j} and ${i}; DOKU requires unique items`,
    };
  },
  oneOf: (input) => {
    const { pointer, path, value } = at(input);
    const passing = param(input.error, "passingSchemas");
    const many = Array.isArray(passing) && passing.length > 1;
    const message = many
      ? `${path} matches more than one of the allowed shapes (${passing.join(", ")}); DOKU expects exactly one`
      : `${path} is ${quoted(value)}, which matches none of the allowed shapes`;
    return {
      pointer,
      expected: "exactly one allowed shape",
      actual: many ? passing : shownValue(value),
      message,
    };
  },
  anyOf: (input) => {
    const { pointer, path, value } = at(input);
    return {
      pointer,
      expected: "one of the allowed shapes",
      actual: shownValue(value),
      message: `${path} is ${quoted(value)}, which matches none of the allowed shapes`,
    };
  },
  not: (input) => {
    const { pointer, path, value } = at(input);
    return {
      pointer,
      expected: "not the excluded shape",
      actual: shownValue(value),
      message: `${path} is ${quoted(value)}, a shape DOKU excludes here`,
    };
  },
  discriminator: (input) => {
    const tag = String(param(input.error, "tag"));
    const { pointer, path } = at(input, childPointer(input.error.instancePath, tag));
    const tagValue = param(input.error, "tagValue");
    return {
      pointer,
      expected: "a documented tag value",
      actual: shownValue(tagValue),
      message: `${path} is ${quoted(tagValue)}, which selects no documented shape`,
    };
  },
  propertyNames: (input) => {
    const { pointer, path } = at(input);
    const name = param(input.error, "propertyName");
    return {
      pointer,
      expected: "documented field names",
      actual: name,
      message: `${path} has a field named ${quoted(name)}, a name DOKU does not allow`,
    };
  },
};

/** Maps one ajv error to a finding; unknown keywords fall back to ajv's own words. */
export function mapKeyword(input: KeywordInput): Finding {
  const mapper = KEYWORDS[input.error.keyword];
  if (mapper !== undefined) return { rule: input.error.keyword, ...mapper(input) };
  const { pointer, path, value } = at(input);
  const message = `${path} ${input.error.message ?? `fails ${input.error.keyword}`}`;
  return {
    pointer,
    rule: input.error.keyword,
    expected: input.error.params,
    actual: shownValue(value),
    message,
  };
}
