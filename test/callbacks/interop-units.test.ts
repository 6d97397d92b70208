/** Issue #13's kit fixes, piece by piece: conflicts that quote a value, forged outcomes, forgery severity. */
import { describe, expect, it } from "vitest";
import { loadSpecBundle } from "../../conformance/bundle.js";
import { countForged, describeForged, forgedOutcome } from "../../src/callbacks/forged-outcome.js";
import { acceptedForgerySeverity } from "../../src/checks/callback/forgery-severity.js";
import { responseCode } from "../../src/checks/response-code.js";
import type { CallbackExchange } from "../../src/model/callback-case.js";
import type { Exchange } from "../../src/model/case.js";
import type { Violation } from "../../src/model/violation.js";
import { conflictCovering } from "../../src/validation/conflict-covers.js";

const bundle = await loadSpecBundle();
const inquiry = bundle.operations.find((o) => o.id === "snapVaInquiry");
if (inquiry === undefined) throw new Error("snapVaInquiry missing");

const answer = (status: number, json: unknown) =>
  ({ case: { operationId: inquiry.id }, response: { status, json, headers: {} } }) as unknown as Exchange;

describe("a value a recorded conflict quotes is a warning naming it", () => {
  it("401 4010000 (the SDK README's answer, the spec's own 401 example) on the inquiry", () => {
    const found = responseCode({ operation: inquiry } as never, answer(401, { responseCode: "4010000" }));
    expect(found).toHaveLength(1);
    expect(found[0]?.severity).toBe("warning");
    expect(found[0]?.conflict?.id).toBe("inquiry-decline-http-status");
    expect(found[0]?.message).toMatch(/x-doku-conflict inquiry-decline-http-status/);
  });

  it("a 401 code no conflict quotes stays an error", () => {
    const found = responseCode({ operation: inquiry } as never, answer(401, { responseCode: "4019900" }));
    expect(found.map((v) => v.severity)).toEqual(["error"]);
  });

  it.each([
    ["00", undefined],
    ["4010000", "inquiry-decline-http-status"],
    ["401000", undefined], // a prefix is not a quote
  ])("conflictCovering(%s)", (value, id) => {
    expect(conflictCovering(inquiry.conflicts, value)?.id).toBe(id);
  });
});

describe("forged outcomes are told apart", () => {
  const ex = (status: number | undefined) =>
    ({ response: status === undefined ? undefined : { status } }) as unknown as CallbackExchange;
  const error = [{ severity: "error" }] as Violation[];
  const warning = [{ severity: "warning" }] as Violation[];
  it.each([
    [200, error, "accepted"],
    [200, warning, undefined],
    [500, error, "crashed"],
    [undefined, error, "crashed"],
    [400, error, "nonConforming"],
    [401, [], undefined],
  ] as const)("status %s", (status, found, outcome) => {
    expect(forgedOutcome(ex(status), found)).toBe(outcome);
  });
});

describe("the console's forged row", () => {
  it("counts accepted, crashed and non-conforming refusals apart", () => {
    const ex = (status: number) => ({ response: { status } }) as unknown as CallbackExchange;
    const error = [{ severity: "error" }] as Violation[];
    let tally = countForged(undefined, ex(200), error);
    tally = countForged(tally, ex(500), error);
    tally = countForged(tally, ex(403), error);
    tally = countForged(tally, ex(401), []);
    expect(tally).toEqual({ accepted: 1, crashed: 1, nonConforming: 1 });
    expect(describeForged(tally)).toBe("1 accepted (insecure) · 1 crashed · 1 refused non-conforming");
  });
});

describe("severity follows consequence", () => {
  it.each([
    ["tampered-body", "error"],
    ["stale-timestamp", "error"],
    ["future-timestamp", "error"],
    ["missing-token", "error"],
    ["case-folded-signature", "error"],
    ["foreign-client-id", "warning"],
    ["missing-client-id-header", "warning"],
  ])("accepting %s is an %s", (mutator, severity) => {
    const verdict = acceptedForgerySeverity(mutator);
    expect(verdict.severity).toBe(severity);
    if (severity === "warning") expect(verdict.why).toMatch(/secret/);
  });
});
