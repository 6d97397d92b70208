/** The one operation lookup (src/validation/operation-lookup.ts) that `validate`, `run` and `callback` share. */
import { describe, expect, it } from "vitest";
import type { Operation } from "../../src/model/operation.js";
import { closeMatches, requireOperation } from "../../src/validation/operation-lookup.js";

const ops = ["snapGetTokenB2b", "snapCreateVa", "snapUpdateVa", "dokuVaCreatePaymentCode"].map(
  (id) => ({ id }) as Operation,
);
const bundle = { operations: ops };

describe("requireOperation", () => {
  it.each<[string, RegExp | string]>([
    ["snapCreateVa", "snapCreateVa"],
    ["snapCreateVA", /^unknown operation "snapCreateVA"; did you mean snapCreateVa, snapUpdateVa\?$/],
    ["createva", /did you mean snapCreateVa\?$/],
    ["dokuVaCreatePaymentcode", /did you mean dokuVaCreatePaymentCode\?$/],
    [
      "zzzzzzzzzzzzzzzz",
      /; known operations: snapGetTokenB2b, snapCreateVa, snapUpdateVa, dokuVaCreatePaymentCode$/,
    ],
  ])("%s", (id, want) => {
    if (typeof want === "string") expect(requireOperation(bundle, id).id).toBe(want);
    else expect(() => requireOperation(bundle, id)).toThrow(want);
  });
});

describe("closeMatches", () => {
  it.each<[string, string[]]>([
    ["createva", ["snapCreateVa"]],
    ["snapUpdatVa", ["snapUpdateVa"]],
    ["zzzzzzzzzzzzzzzz", []],
  ])("%s", (name, want) => {
    expect(
      closeMatches(
        name,
        ops.map((o) => o.id),
      ),
    ).toEqual(want);
  });
});
