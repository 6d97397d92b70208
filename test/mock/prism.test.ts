/** Prism embedded: the bundled document is parsed once per document object, and mocks stay independent. */
import { describe, expect, it } from "vitest";
import { loadSpecBundle } from "../../conformance/bundle.js";
import { createPrismMocker, isProblem, parsedOperations } from "../../src/mock/prism.js";
import { SpecError } from "../../src/model/errors.js";

const bundle = await loadSpecBundle();
const op = bundle.operations.find((o) => o.id === "snapCreateVa");
if (op === undefined) throw new Error("snapCreateVa is not in the bundle");

describe("parsedOperations", () => {
  it("parses a document object once and another object (even an equal one) again", async () => {
    const first = parsedOperations(bundle.document);
    expect(parsedOperations(bundle.document)).toBe(first);
    const copy = structuredClone(bundle.document);
    const other = parsedOperations(copy);
    expect(other).not.toBe(first);
    expect((await other).map((o) => o.iid)).toEqual((await first).map((o) => o.iid));
  });

  it("does not keep a failed parse: the next mock from that document tries again", async () => {
    // A $ref to nothing: Prism's dereferencing refuses it.
    const broken: Record<string, unknown> = {
      openapi: "3.1.0",
      info: { title: "x", version: "1" },
      paths: { "/a": { get: { responses: { 200: { $ref: "#/nope" } } } } },
    };
    const failed = parsedOperations(broken);
    await expect(failed).rejects.toThrow(/nope/);
    expect(parsedOperations(broken)).not.toBe(failed);
    await expect(createPrismMocker(broken)).rejects.toBeInstanceOf(SpecError);
  });
});

describe("mocks sharing one parse", () => {
  it("answer alike, and what one hands out cannot change the other's answers", async () => {
    const a = await createPrismMocker(bundle.document);
    const b = await createPrismMocker(bundle.document);
    const fromA = await a.answer(op, { dynamic: false });
    const fromB = await b.answer(op, { dynamic: false });
    if (isProblem(fromA) || isProblem(fromB)) throw new Error("Prism answered a problem");
    expect(fromB).toEqual(fromA);
    const pristine = structuredClone(fromA.body);
    (fromA.body as Record<string, unknown>).responseCode = "changed";
    for (const mocker of [a, b]) {
      const again = await mocker.answer(op, { dynamic: false });
      if (isProblem(again)) throw new Error("Prism answered a problem");
      expect(again.body).toEqual(pristine);
    }
    const dynamic = await b.answer(op, { dynamic: true, seed: "1" });
    expect(dynamic.status).toBeLessThan(500);
  });
});
