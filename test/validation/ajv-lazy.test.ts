/** Ajv's compiler is loaded on first use: importing the checks (what a run loads) does not load it. */
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);
const ajvLoaded = () => Object.keys(require.cache).some((k) => /[\\/]ajv[\\/]dist[\\/]2020\.js$/.test(k));

describe("createAjv", () => {
  it("is not loaded by the check registry, and loads on first use", async () => {
    await import("../../src/checks/registry.js");
    expect(ajvLoaded()).toBe(false);
    const { createAjv } = await import("../../src/validation/ajv.js");
    const validate = createAjv().compile({ type: "string", format: "date-time", example: "x" });
    expect(validate("2026-12-07T10:00:00+07:00")).toBe(true);
    expect(validate("not a date")).toBe(false);
    expect(ajvLoaded()).toBe(true);
  });
});
