/**
 * SNAP QRIS generate on the mock: a generic answer (no state), in the SNAP envelope with service code 47
 * (responseCode 2004700); an unsigned call is refused like every SNAP call.
 */
import { describe, expect, it } from "vitest";
import { formatSnapTimestamp, signRequest } from "../../src/signatures/index.js";
import { op, send, sendSigned, snapInput } from "./helpers.js";
import { useMock } from "./setup.js";

const f = useMock();
const BODY = {
  partnerReferenceNo: "INV-QRIS-0001",
  amount: { value: "50000.00", currency: "IDR" },
  merchantId: "M-1",
  terminalId: "T-1",
  additionalInfo: { postalCode: "12190", feeType: "1" },
};

describe("snapQrisGenerate", () => {
  it("answers 200 with responseCode 2004700", async () => {
    const input = snapInput(op(f.bundle, "snapQrisGenerate"), f.mock.identity, await f.token(), BODY);
    const answer = await sendSigned(
      f.mock.url,
      signRequest({ ...input, timestamp: formatSnapTimestamp(Date.now()) }),
    );
    expect(answer.status, answer.text).toBe(200);
    expect(answer.json.responseCode).toBe("2004700");
    expect(typeof answer.json.responseMessage).toBe("string");
  });

  it("refuses a call without a signature", async () => {
    const answer = await send(f.mock.url, {
      method: "POST",
      path: "/snap-adapter/b2b/v1.0/qr/qr-mpm-generate",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(BODY),
    });
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
    expect(f.errors).toEqual([]);
  });
});
