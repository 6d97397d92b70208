/** schemaChain: the schema nodes an ajv error passed through, built once per root and error position. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { JsonSchema } from "../../src/model/schema.js";
import { schemaChain } from "../../src/validation/schema-chain.js";

const schema = (): JsonSchema => ({
  type: "object",
  "x-doku-source": "root",
  properties: {
    items: { type: "array", items: { $ref: "#/$defs/Item" } },
    name: { type: "string", maxLength: 4, "x-doku-source": "name" },
  },
  $defs: {
    Item: {
      type: "object",
      properties: { code: { type: "string", pattern: "^[0-9]+$", "x-doku-source": "code" } },
    },
  },
});

const codeOf = (root: JsonSchema): unknown =>
  ((root.$defs as Record<string, JsonSchema>).Item as { properties: Record<string, JsonSchema> }).properties
    .code;
const pointers = (chain: readonly { pointer: string }[]) => chain.map((n) => n.pointer);

describe("schemaChain", () => {
  it("walks the instance path above a $ref and the schemaPath below it", () => {
    const root = schema();
    const chain = schemaChain(root, "/items/3/code", "#/$defs/Item/properties/code/pattern", "pattern");
    expect(pointers(chain)).toEqual(["", "/items", "/items/3", "/items/3", "/items/3/code"]);
    expect(chain.at(-1)?.schema).toBe(codeOf(root));
    const direct = schemaChain(root, "/name", "#/properties/name/maxLength", "maxLength");
    expect(pointers(direct)).toEqual(["", "/name"]);
  });

  it("returns the chain it built before for the same root and error position, and a new one for another root", () => {
    const root = schema();
    const a = schemaChain(root, "/items/0/code", "#/$defs/Item/properties/code/pattern", "pattern");
    expect(schemaChain(root, "/items/0/code", "#/$defs/Item/properties/code/pattern", "pattern")).toBe(a);
    expect(schemaChain(root, "/items/1/code", "#/$defs/Item/properties/code/pattern", "pattern")).not.toBe(a);
    const other = schema();
    const b = schemaChain(other, "/items/0/code", "#/$defs/Item/properties/code/pattern", "pattern");
    expect(b).not.toBe(a);
    expect(b.at(-1)?.schema).toBe(codeOf(other));
  });

  it("law: a remembered chain equals the chain built afresh on an equal schema, past the per-root bound", () => {
    const root = schema();
    fc.assert(
      fc.property(fc.array(fc.nat(2000), { minLength: 1, maxLength: 40 }), (indices) => {
        for (const i of [...indices, ...indices]) {
          const args = [`/items/${i}/code`, "#/$defs/Item/properties/code/pattern", "pattern"] as const;
          const fresh = schemaChain(schema(), ...args);
          expect(pointers(schemaChain(root, ...args))).toEqual(pointers(fresh));
        }
      }),
      { numRuns: 60 },
    );
  });
});
