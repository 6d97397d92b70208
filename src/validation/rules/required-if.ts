/** `required-if`: `field` must be present when the condition `when: {pointer, equals?, in?, present?, absent?}` holds. */

import { SpecError } from "../../model/errors.js";
import { quoted } from "../describe.js";
import { dottedPath, valueAt } from "../pointer.js";
import type { RuleKind } from "./kind.js";
import { objectParam, pointerParam, type RuleSite } from "./params.js";

type Condition = { test: (value: unknown) => boolean; words: string };

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function conditions(site: RuleSite, when: Record<string, unknown>): Condition[] {
  const out: Condition[] = [];
  if ("equals" in when) out.push({ test: (v) => same(v, when.equals), words: `is ${quoted(when.equals)}` });
  if ("in" in when) {
    const list = when.in;
    if (!Array.isArray(list))
      throw new SpecError(`x-doku-rules "${site.rule.id}": when.in must be a list`, site.where);
    out.push({
      test: (v) => list.some((x) => same(v, x)),
      words: `is one of ${list.map((x) => quoted(x)).join(", ")}`,
    });
  }
  if ("present" in when) {
    const want = when.present !== false;
    out.push({ test: (v) => (v !== undefined) === want, words: want ? "is present" : "is absent" });
  }
  if ("absent" in when) {
    const want = when.absent !== false;
    out.push({ test: (v) => (v === undefined) === want, words: want ? "is absent" : "is present" });
  }
  if (out.length === 0) {
    throw new SpecError(
      `x-doku-rules "${site.rule.id}": when needs one of equals, in, present, absent`,
      site.where,
    );
  }
  return out;
}

export const requiredIf: RuleKind = (site) => {
  const field = pointerParam(site, "field");
  const when = objectParam(site, "when");
  const whenPointer =
    typeof when.pointer === "string" && when.pointer.startsWith("/") ? when.pointer : undefined;
  if (whenPointer === undefined) {
    throw new SpecError(`x-doku-rules "${site.rule.id}": when.pointer must be a JSON pointer`, site.where);
  }
  const tests = conditions(site, when);
  const words = `${dottedPath(whenPointer)} ${tests.map((t) => t.words).join(" and ")}`;
  return ({ body }) => {
    const condition = valueAt(body, whenPointer);
    if (!tests.every((t) => t.test(condition)) || valueAt(body, field) !== undefined) return [];
    return [
      {
        pointer: field,
        expected: "present",
        actual: "absent",
        message: `${dottedPath(field)} is missing; DOKU requires it when ${words}`,
      },
    ];
  };
};
