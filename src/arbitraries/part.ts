/**
 * A part of a case (body, headers or path parameters): its shape, its rules, its valid Arbitrary, and the
 * verdicts boundary and negative searches rely on (valid, or "breaks exactly this, and it is not excused
 * by an x-doku-conflict").
 */
import type fc from "fast-check";
import { SpecError } from "../model/errors.js";
import type { DokuRule } from "../model/operation.js";
import { childPointer, parsePointer, valueAt } from "../model/pointer.js";
import { checkShape, decodeOf } from "./builders.js";
import { type Choices, firstAccepted, fromChoices, seededChoices } from "./choice.js";
import { keysAdded } from "./json.js";
import { ordered } from "./locate.js";
import { broken, decodeExtras, planRules, type RulePlan, repairAll } from "./rules/index.js";
import type { Shape } from "./shape.js";

export interface Part {
  /** Expectation pointer prefix: "" (body), "/headers", "/path". */
  prefix: string;
  shape: Shape;
  plans: RulePlan[];
  /** HTTP status, for response bodies (status-by). */
  status?: number;
  /** A valid value with every rule repaired, decoded from `c` (a case decodes its parts from one sequence). */
  decode(c: Choices): unknown;
  /** Valid values with every rule repaired (`decode` as an Arbitrary). */
  valid: fc.Arbitrary<unknown>;
  /** Keywords negatives may break here; undefined = all (headers and path params are strings on the wire). */
  negativeKeywords?: ReadonlySet<string>;
}

const REJECT: unique symbol = Symbol("reject");
/** Bodies sampled at build time, at most, to prove the rules can be met (the first repaired one ends it). */
const PROBE = 50;

/** An extra repair step (e.g. SNAP responseCode), run after the rules. */
export type Finish = (value: unknown, extra: unknown) => void;

export interface PartOptions {
  prefix?: string;
  status?: number;
  where: string;
  negativeKeywords?: ReadonlySet<string>;
  finish?: { extras(c: Choices): unknown; apply: Finish };
}

export function makePart(shape: Shape, rules: readonly DokuRule[], options: PartOptions): Part {
  const plans = planRules(rules, { root: shape, where: options.where });
  const { status, finish } = options;
  let decode = (c: Choices): unknown => decodeOf(shape, c);
  if (plans.length > 0 || finish) {
    const attempt = (c: Choices): unknown => {
      const body = decodeOf(shape, c);
      const extras = decodeExtras(plans, c);
      finish?.apply(body, finish.extras(c));
      const before = keysAdded();
      if (!repairAll(plans, body, extras, status)) return REJECT;
      return keysAdded() === before ? body : ordered(shape, body);
    };
    // One repaired sample proves the rules can hold: stop at the first.
    let repaired = false;
    for (let i = 0; i < PROBE && !repaired; i++) repaired = attempt(seededChoices(i)) !== REJECT;
    if (!repaired) {
      const ids = plans.map((p) => p.rule.id).join(", ");
      throw new SpecError(
        `x-doku-rules ${ids} cannot all hold on values of this schema (0 of ${PROBE} repaired)`,
        options.where,
      );
    }
    decode = (c) =>
      firstAccepted(
        () => attempt(c),
        (v) => v !== REJECT,
        "value on which the x-doku-rules can be repaired",
      );
  }
  return {
    prefix: options.prefix ?? "",
    shape,
    plans,
    ...(status !== undefined ? { status } : {}),
    decode,
    valid: fromChoices(decode),
    ...(options.negativeKeywords ? { negativeKeywords: options.negativeKeywords } : {}),
  };
}

/** Valid: no schema issue and every rule holds. */
export function isValid(part: Part, value: unknown): boolean {
  return checkShape(part.shape, value).length === 0 && broken(part.plans, value, part.status).length === 0;
}

/** Shapes from the root down to `pointer`, with the instance pointer each applies to. */
function chain(part: Part, pointer: string): { shape: Shape; at: string }[] {
  const out = [{ shape: part.shape, at: "" }];
  let at = "";
  for (const s of parsePointer(pointer)) {
    const cur: Shape = out[out.length - 1]!.shape;
    const next =
      cur.kind === "object"
        ? cur.props.find((p) => p.name === s)?.shape
        : cur.kind === "array"
          ? cur.items
          : undefined;
    at = childPointer(at, s);
    if (!next) break;
    out.push({ shape: next, at });
  }
  return out;
}

/** A finding at `pointer` the validation layer would only warn about (x-doku-conflict on the way). */
export function excused(part: Part, value: unknown, pointer: string, byRule: boolean): boolean {
  return chain(part, pointer).some(
    ({ shape, at }) =>
      shape.tolerant === true ||
      (!byRule && shape.alt !== undefined && checkShape(shape.alt, valueAt(value, at)).length === 0),
  );
}

/** What a negative claims to break: a JSON Schema keyword, or an x-doku-rules id (`byRule`). */
export interface Target {
  rule: string;
  pointer: string;
  byRule: boolean;
}

/** True when `value` fails exactly `target.rule` at `target.pointer`, and no x-doku-conflict excuses it. */
export function breaksOnly(part: Part, value: unknown, target: Target): boolean {
  const { rule, pointer, byRule } = target;
  const issues = checkShape(part.shape, value);
  const rules = broken(part.plans, value, part.status);
  const single = byRule
    ? issues.length === 0 && rules.length === 1 && rules[0]!.rule.id === rule && rules[0]!.pointer === pointer
    : rules.length === 0 &&
      issues.length === 1 &&
      issues[0]!.keyword === rule &&
      issues[0]!.pointer === pointer;
  return single && !excused(part, value, pointer, byRule);
}
