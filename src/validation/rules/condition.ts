/** The `when` condition shared by `required-if` and `minimum-if`: `{pointer, equals?, in?, present?, absent?}`. */
import { SpecError } from "../../model/errors.js";
import { dottedPath, valueAt } from "../../model/pointer.js";
import { quoted } from "../describe.js";
import { objectParam, type RuleSite } from "./params.js";

/** A read condition: `holds(body)` and the words for messages ("billing_type is \"FIX_BILL\""). */
export interface Condition {
  pointer: string;
  holds: (body: unknown) => boolean;
  words: string;
}

type Test = { test: (value: unknown) => boolean; words: string };

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function tests(site: RuleSite, when: Record<string, unknown>): Test[] {
  const out: Test[] = [];
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

/** Reads the rule's `when` parameter; throws SpecError when it is malformed. */
export function conditionParam(site: RuleSite): Condition {
  const when = objectParam(site, "when");
  const pointer = typeof when.pointer === "string" && when.pointer.startsWith("/") ? when.pointer : undefined;
  if (pointer === undefined) {
    throw new SpecError(`x-doku-rules "${site.rule.id}": when.pointer must be a JSON pointer`, site.where);
  }
  const list = tests(site, when);
  return {
    pointer,
    holds: (body) => {
      const value = valueAt(body, pointer);
      return list.every((t) => t.test(value));
    },
    words: `${dottedPath(pointer)} ${list.map((t) => t.words).join(" and ")}`,
  };
}
