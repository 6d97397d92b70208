/** Target resolution: the name reports where requests really go. */
import { describe, expect, it } from "vitest";
import type { SpecBundle } from "../../src/model/operation.js";
import { resolveTarget } from "../../src/runner/target.js";

const bundle: SpecBundle = { operations: [], validators: {}, document: {} };
const env = { DOKU_CLIENT_ID: "MCH-1", DOKU_SECRET_KEY: "SK-x" };
const startMock = async () => {
  throw new Error("mock not expected");
};

describe("resolveTarget", () => {
  it.each([
    ["sandbox", {}, "sandbox", "https://api-sandbox.doku.com"],
    [
      "sandbox",
      { DOKU_BASE_URL: "http://127.0.0.1:4010/" },
      "http://127.0.0.1:4010",
      "http://127.0.0.1:4010",
    ],
    ["http://127.0.0.1:9", {}, "http://127.0.0.1:9", "http://127.0.0.1:9"],
    [
      "http://127.0.0.1:9",
      { DOKU_BASE_URL: "http://127.0.0.1:8" },
      "http://127.0.0.1:8",
      "http://127.0.0.1:8",
    ],
  ])("--target %s with %j is named %s and sends to %s", async (target, extra, name, baseUrl) => {
    const resolved = await resolveTarget({
      target,
      bundle,
      env: { ...env, ...extra },
      needPrivateKey: false,
      startMock,
    });
    expect(resolved).toMatchObject({ name, baseUrl });
  });
});
