/** The one check loop over the one registry: which checks applied, and each check's guards evaluated once. */
import { describe, expect, it } from "vitest";
import type { Check, CheckEntry } from "../../src/checks/check.js";
import { CALLBACK_CHECKS, CHECK_NAMES } from "../../src/checks/registry.js";
import { guard } from "../../src/checks/wrappers.js";
import { runChecks } from "../../src/engine/check-runner.js";
import type { Exchange } from "../../src/model/case.js";
import type { Violation } from "../../src/model/violation.js";

const exchange = { response: { status: 200 } } as unknown as Exchange;
const ctx = {} as never;
const found = { check: "always" } as unknown as Violation;

describe("runChecks", () => {
  it("runs the entries whose guards hold and names them as applied", () => {
    let guardCalls = 0;
    const counted = guard(() => {
      guardCalls++;
      return true;
    });
    const never = guard(() => false);
    const always: Check = () => [found];
    const entries: CheckEntry[] = [
      { name: "always", check: counted(always) },
      { name: "never", check: never(always) },
      { name: "bare", check: () => [] },
    ];
    expect(runChecks(entries, ctx, exchange)).toEqual({ violations: [found], applied: ["always", "bare"] });
    expect(guardCalls).toBe(1);
  });
});

describe("the registry", () => {
  it("keeps the public names of both drivers (response-time and latency, and the pair check duplicate-consistent)", () => {
    expect(CHECK_NAMES).toContain("response-time");
    expect(CALLBACK_CHECKS.map((e) => e.name)).toEqual([
      "response-received",
      "no-5xx",
      "valid-accepted",
      "forged-rejected",
      "byte-variant-accepted",
      "content-type",
      "status-code-documented",
      "response-body-valid",
      "response-headers-valid",
      "response-code",
      "response-signature",
      "latency",
      "duplicate-consistent",
    ]);
  });
});
