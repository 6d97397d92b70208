/**
 * Non-SNAP certification against flawed merchants: each flaw is caught by the right check and pointer,
 * and the correct merchant passes.
 */
import { afterEach, describe, expect, it } from "vitest";
import { SpecError } from "../../src/model/errors.js";
import { certify, checkNames, errorsOf, type Listening, listen } from "./helpers.js";
import { type NonSnapFlaws, nonSnapMerchant } from "./merchants/nonsnap.js";

const running: Listening[] = [];
afterEach(async () => {
  for (const r of running.splice(0)) await r.close();
});

async function run(kind: "inquiry" | "notification", flaws: NonSnapFlaws, extra: { ledger?: boolean } = {}) {
  const merchant = nonSnapMerchant(kind, flaws);
  const server = await listen(merchant.server);
  running.push(server);
  const path = kind === "inquiry" ? "/payments/inquiry" : "/payments/notifications";
  return certify({
    url: `${server.base}${path}`,
    flow: kind === "inquiry" ? "doku-va-inquiry" : "doku-va-notification",
    ...(extra.ledger ? { ledgerUrl: `${server.base}/ledger` } : {}),
  });
}

describe("doku-va-notification", () => {
  it("a correct receiver is certified", async () => {
    const summary = await run("notification", {}, { ledger: true });
    expect(errorsOf(summary)).toEqual([]);
    expect(summary.exitCode).toBe(0);
  });

  it.each([
    [
      "skipVerification",
      { skipVerification: true },
      "forged-rejected /headers/Signature status-code",
      ["forged-rejected"],
    ],
    [
      "acceptStale",
      { acceptStale: true },
      "forged-rejected /headers/Request-Timestamp status-code",
      ["forged-rejected"],
    ],
    [
      "reserialise",
      { reserialise: true },
      "byte-variant-accepted  raw-body-signature",
      ["byte-variant-accepted"],
    ],
    // Sorting keys breaks every genuine compact callback (valid-accepted); a merchant that refuses every
    // genuine callback answers its byte variants like their compact twins, so byte-variant-accepted is
    // silent (issue #13: "accepted like its compact twin").
    [
      "sortKeys",
      { sortKeys: true },
      "valid-accepted /headers/Signature signature",
      ["duplicate-consistent", "valid-accepted"],
    ],
    // Boundary callbacks share their base's invoice: a receiver that refuses a second payment of an invoice
    // also refuses those (valid-accepted), and 409 is not a documented answer (status-code-documented).
    [
      "doubleProcess",
      { doubleProcess: true },
      "duplicate-consistent /headers/Request-Id redelivery-acknowledged",
      ["duplicate-consistent", "status-code-documented", "valid-accepted"],
    ],
  ] as const)("%s is caught", async (_name, flaws, expected, checks) => {
    const summary = await run("notification", flaws);
    expect(errorsOf(summary)).toContain(expected);
    expect(checkNames(summary)).toEqual(checks);
    expect(summary.exitCode).toBe(1);
  });

  it("silent double processing is caught only through --ledger-url", async () => {
    const without = await run("notification", { silentDouble: true });
    expect(without.exitCode).toBe(0);
    expect(without.notes.join(" ")).toMatch(/--ledger-url/);
    const withLedger = await run("notification", { silentDouble: true }, { ledger: true });
    expect(errorsOf(withLedger)).toEqual(["ledger /headers/Request-Id processed-once"]);
    expect(withLedger.exitCode).toBe(1);
  });

  it("processing a forged notification before refusing it is caught only through --ledger-url", async () => {
    const without = await run("notification", { processThenVerify: true });
    expect(without.exitCode).toBe(0);
    const withLedger = await run("notification", { processThenVerify: true }, { ledger: true });
    // It also applies the redelivery again (it counts every arrival).
    expect(errorsOf(withLedger)).toEqual([
      "ledger /headers/Request-Id processed-never",
      "ledger /headers/Request-Id processed-once",
    ]);
    expect(withLedger.exitCode).toBe(1);
  });
});

describe("generator failure", () => {
  it("is a note, and only the examples are sent: nothing untested is reported as passed", async () => {
    const server = await listen(nonSnapMerchant("notification").server);
    running.push(server);
    const summary = await certify({
      url: `${server.base}/payments/notifications`,
      flow: "doku-va-notification",
      bodySource: () => {
        throw new SpecError("schema admits no value", "#/x");
      },
    });
    expect(summary.notes.join("\n")).toMatch(
      /no boundary or property callbacks were generated \(schema admits no value/,
    );
    expect(summary.kinds.property).toBeUndefined();
    expect(summary.kinds.boundary).toBeUndefined();
    expect(summary.exitCode).toBe(0);
  });
});

describe("doku-va-inquiry", () => {
  it("a correct merchant is certified", async () => {
    const summary = await run("inquiry", {});
    expect(errorsOf(summary)).toEqual([]);
    expect(summary.exitCode).toBe(0);
  });

  it.each([
    [
      "skipVerification",
      { skipVerification: true },
      "forged-rejected /headers/Signature status-code",
      ["forged-rejected"],
    ],
    [
      "acceptStale",
      { acceptStale: true },
      "forged-rejected /headers/Request-Timestamp status-code",
      ["forged-rejected"],
    ],
    [
      "reserialise",
      { reserialise: true },
      "byte-variant-accepted  raw-body-signature",
      ["byte-variant-accepted"],
    ],
    ["longName", { longName: true }, "response-body-valid /customer/name maxLength", ["response-body-valid"]],
    [
      "wrongStatus",
      { wrongStatus: true },
      "response-body-valid /virtual_account_inquiry/status x-doku-inquiry-status-http",
      ["response-body-valid"],
    ],
    [
      "unsignedAnswer",
      { unsignedAnswer: true },
      "response-signature /headers/Signature signature",
      ["response-headers-valid", "response-signature"],
    ],
    [
      "wrongAnswerSignature",
      { wrongAnswerSignature: true },
      "response-signature /headers/Signature signature",
      ["response-signature"],
    ],
    [
      "skipVerification, answering forged inquiries with a bill status",
      { skipVerification: true, noBills: true },
      "forged-rejected /headers/Signature processed-before-auth",
      ["forged-rejected"],
    ],
  ] as const)("%s is caught", async (_name, flaws, expected, checks) => {
    const summary = await run("inquiry", flaws);
    expect(checkNames(summary)).toEqual(checks);
    expect(errorsOf(summary)).toContain(expected);
    expect(summary.exitCode).toBe(1);
  });
});
