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

describe("the production guard's host canonicalisation", () => {
  const spellings = [
    "https://api.doku.com",
    "https://api.doku.com.",
    "https://api.doku.com..",
    "https://API.DOKU.COM",
    "https://Api.Doku.Com./",
    "https://api.doku.com:443",
    "http://api.doku.com:80",
    "https://api.doku.com:8443",
    "https://user:pass@api.doku.com",
    "https://ａｐｉ.ｄｏｋｕ.ｃｏｍ",
    "https://%61pi.doku.com",
    "https://api。doku。com",
  ];
  it.each(spellings)("--target %s is production", async (target) => {
    const resolved = await resolveTarget({ target, bundle, env, needPrivateKey: false, startMock });
    expect(resolved.production).toBe(true);
  });
  it.each(spellings)("DOKU_BASE_URL=%s is production under --target sandbox", async (base) => {
    const resolved = await resolveTarget({
      target: "sandbox",
      bundle,
      env: { ...env, DOKU_BASE_URL: base },
      needPrivateKey: false,
      startMock,
    });
    expect(resolved.production).toBe(true);
  });
  it.each([
    "https://api-sandbox.doku.com",
    "https://api.doku.com@evil.example",
    "https://api.doku.com.evil.example",
    "https://xapi.doku.com",
  ])("%s is not production", async (target) => {
    const resolved = await resolveTarget({ target, bundle, env, needPrivateKey: false, startMock });
    expect(resolved.production).toBe(false);
  });
});
