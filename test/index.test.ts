import { describe, expect, it } from "vitest";
import {
  loadSpecBundle,
  mutatorsFor,
  operationValidation,
  signRequest,
  validateRequest,
  verifyRequest,
} from "../conformance/index.js";

describe("package entry", () => {
  it("validates a seed example and flags a mutated one through the public names", async () => {
    const bundle = await loadSpecBundle();
    const target = operationValidation(bundle, "dokuVaCreatePaymentCode");
    const example = target.operation.request.examples[0]?.value as { customer: { name: string } };
    expect(validateRequest(target, { body: example }).filter((v) => v.severity === "error")).toEqual([]);
    const tooLong = { ...example, customer: { ...example.customer, name: "x".repeat(65) } };
    expect(validateRequest(target, { body: tooLong })).toMatchObject([
      { pointer: "/customer/name", rule: "maxLength", expected: 64, actual: 65, severity: "error" },
    ]);
  });

  it("signs and verifies, and a mutator breaks verification", () => {
    const input = {
      auth: "nonsnap-hmac" as const,
      method: "POST",
      path: "/doku-virtual-account/v2/payment-code",
      body: '{"order":{"invoice_number":"INV-1","amount":1}}',
      headers: { "Client-Id": "MCH-1", "Request-Id": "r-1" },
      credentials: { clientId: "MCH-1", secretKey: "SK-test" },
    };
    const signed = signRequest(input);
    const options = { auth: "nonsnap-hmac" as const, credentials: input.credentials, maxSkewMs: null };
    expect(verifyRequest(signed, options)).toEqual({ ok: true });
    const mutator = mutatorsFor("nonsnap-hmac").find((m) => m.name === "tampered-body");
    expect(mutator).toBeDefined();
    const forged = mutator?.apply(input, signRequest);
    expect(forged && verifyRequest(forged, options).ok).toBe(false);
  });
});
