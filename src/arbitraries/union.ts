/**
 * Unions: type arrays (["string", "null"]), oneOf (exactly one branch may match: values from one branch
 * that another branch also accepts are filtered out) and anyOf.
 */
import { firstAccepted } from "./choice.js";
import type { Builder, Helpers } from "./family.js";
import type { Mutation, UnionShape } from "./shape.js";

const matches = (s: UnionShape, v: unknown, h: Helpers): number =>
  s.branches.filter((b) => h.checkShape(b, v).length === 0).length;

export const unionBuilder: Builder<UnionShape> = {
  decode(s, c, h) {
    const draw = () => h.decodeOf(s.branches[c.next(s.branches.length)]!, c);
    if (s.keyword !== "oneOf") return draw();
    return firstAccepted(draw, (v) => matches(s, v, h) === 1, "value matching exactly one oneOf branch");
  },
  check(s, v, at, out, h) {
    if (s.keyword === "type") {
      // ajv checks a type array once, then the keywords of the type that matched.
      const own = s.branches
        .map((b) => h.checkShape(b, v, at))
        .filter((is) => !is.some((i) => i.keyword === "type" && i.pointer === at));
      if (own.length === 0) out.push({ keyword: "type", pointer: at });
      else if (!own.some((is) => is.length === 0)) out.push(...own[0]!);
      return;
    }
    const n = matches(s, v, h);
    if (s.keyword === "oneOf" ? n !== 1 : n === 0) out.push({ keyword: s.keyword, pointer: at });
  },
  boundaries(s, _v, h) {
    return s.branches
      .map((b, i) => ({
        path: "",
        op: "set" as const,
        value: h.witness(b),
        label: `${s.keyword} branch ${i} (${b.kind})`,
      }))
      .filter((v) => matches(s, v.value, h) === 1 || (s.keyword !== "oneOf" && matches(s, v.value, h) > 0));
  },
  negatives(s, _v, h) {
    if (s.keyword !== "type") {
      return {
        mutations: [],
        unsupported: [
          {
            pointer: "",
            rule: s.keyword,
            reason: `ajv reports every ${s.keyword} branch; no single-rule break`,
          },
        ],
      };
    }
    const candidates: [unknown, string][] = [
      [12345, "a number"],
      [true, "a boolean"],
      ["x", "a string"],
      [[], "an array"],
    ];
    const hit = candidates.find(([v]) => h.onlyBreaks(s, v, "type"));
    const mutations: Mutation[] = hit
      ? [{ path: "", op: "set", value: hit[0], rule: "type", reason: `${hit[1]}, none of the listed types` }]
      : [];
    return { mutations, unsupported: [] };
  },
};
