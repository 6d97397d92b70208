/**
 * Prism is loaded without faker's locales, postman-collection, or its own request validator, callback runner
 * and forwarder; each still works, loaded on first use.
 */
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { loadSpecBundle } from "../../conformance/bundle.js";
import { DEFERRED_PRISM_MODULES } from "../../src/mock/lazy-faker.js";
import { createPrismMocker } from "../../src/mock/prism.js";

const require = createRequire(import.meta.url);
const prismEntry = require.resolve("@stoplight/prism-http");
const fakerLocales = () =>
  Object.keys(require.cache).filter((k) => k.includes("@faker-js/faker/dist/cjs/locales"));
const postmanModules = () => Object.keys(require.cache).filter((k) => k.includes("/postman-collection/lib/"));
const fromPrism = createRequire(prismEntry);
/** Whether Prism's module at `file` (relative to its dist/) is loaded for real (not a stand-in). */
const loadedFor = (file: string) =>
  Object.keys(require.cache).some((k) => k.endsWith(`prism-http/dist/${file}`));

describe("deferred faker", () => {
  it("Prism answers (static and dynamic) without loading faker's locales", async () => {
    const bundle = await loadSpecBundle();
    const mocker = await createPrismMocker(bundle.document);
    const op = bundle.operations.find((o) => o.id === "snapCreateVa");
    if (op === undefined) throw new Error("no snapCreateVa");
    expect(await mocker.answer(op, { dynamic: false })).toMatchObject({ status: 200 });
    expect(await mocker.answer(op, { dynamic: true })).toMatchObject({ status: 200 });
    expect(fakerLocales()).toEqual([]);
    expect(postmanModules()).toEqual([]);
  });

  it("every path operation is answered without Prism's request validator or callback runner", async () => {
    const bundle = await loadSpecBundle();
    const mocker = await createPrismMocker(bundle.document);
    for (const op of bundle.operations.filter((o) => o.kind === "path")) {
      expect((await mocker.answer(op, { dynamic: false })).status).toBeLessThan(500);
      expect((await mocker.answer(op, { dynamic: true })).status).toBeLessThan(500);
    }
    // Modules only the deferred ones require: loaded with them, not before.
    expect(loadedFor("validator/validators/utils.js")).toBe(false);
    expect(loadedFor("utils/runtimeExpression.js")).toBe(false);
  });

  it.each(Object.entries(DEFERRED_PRISM_MODULES))(
    "%s loads on first use, and exports the functions its stand-in names",
    (file, functions) => {
      const path = fromPrism.resolve(`./${file}`);
      const used = fromPrism(path) as Record<string, unknown>;
      const keys = Object.keys(used); // a first use loads the real module (an earlier test may have)
      const real = fromPrism.cache[path]?.exports as Record<string, unknown>;
      expect(keys).toEqual(Object.keys(real));
      expect(keys.length).toBeGreaterThan(0);
      for (const name of functions) expect(typeof real[name]).toBe("function");
    },
  );

  it("the stand-in loads the real faker on first use", () => {
    const faker = createRequire(prismEntry)("@faker-js/faker") as {
      default: { name: { firstName(): string } };
    };
    expect(typeof faker.default.name.firstName()).toBe("string");
    expect(fakerLocales().length).toBeGreaterThan(0);
  });

  it("the postman-collection stand-in loads the real module on first use", () => {
    const fromHttpSpec = createRequire(createRequire(prismEntry).resolve("@stoplight/http-spec/postman"));
    const postman = fromHttpSpec("postman-collection") as { Collection: new () => { toJSON(): unknown } };
    expect(typeof new postman.Collection().toJSON()).toBe("object");
    expect(postmanModules().length).toBeGreaterThan(0);
  });
});
