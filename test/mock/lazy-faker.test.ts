/**
 * Prism is loaded without faker's locales and without postman-collection; both still work, loaded on first use.
 */
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { loadSpecBundle } from "../../conformance/bundle.js";
import { createPrismMocker } from "../../src/mock/prism.js";

const require = createRequire(import.meta.url);
const prismEntry = require.resolve("@stoplight/prism-http");
const fakerLocales = () =>
  Object.keys(require.cache).filter((k) => k.includes("@faker-js/faker/dist/cjs/locales"));
const postmanModules = () => Object.keys(require.cache).filter((k) => k.includes("/postman-collection/lib/"));

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
