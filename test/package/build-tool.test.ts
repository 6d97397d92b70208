import { describe, expect, it } from "vitest";
import { importBuildTool } from "../../src/generator/build-tool.js";
import { UsageError } from "../../src/model/errors.js";

describe("importBuildTool", () => {
  it("turns a missing build-time tool into one UsageError line (exit 2) naming what to install", async () => {
    const missing = "doku-conformance-no-such-tool";
    const error = await importBuildTool(missing, () => import(missing)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).exitCode).toBe(2);
    expect((error as UsageError).message).toBe(
      `generate needs ${missing}, a build-time tool that is not installed: run npm ci in a checkout, or npm install --save-dev ${missing}`,
    );
  });

  it("passes other failures through unchanged", async () => {
    const boom = new Error("boom");
    await expect(importBuildTool("x", () => Promise.reject(boom))).rejects.toBe(boom);
  });

  it("returns the module when the tool is installed", async () => {
    const mod = await importBuildTool("@redocly/openapi-core", () => import("@redocly/openapi-core"));
    expect(typeof mod.bundle).toBe("function");
  });
});
