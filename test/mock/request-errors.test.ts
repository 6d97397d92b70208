/**
 * Invalid requests get DOKU's 400 case codes naming the field (SNAP: 00 Bad Request, 01 Invalid Field
 * Format {field}, 02 Invalid Mandatory Field {field}); non-SNAP gets the kit's error body naming the field.
 */
import { describe, expect, it } from "vitest";
import { startMock } from "../../src/mock/index.js";
import { signRequest } from "../../src/signatures/index.js";
import { createVaBody, newVa, paymentCodeBody } from "./fixtures/bodies.js";
import { fetchToken, nonSnapInput, op, sendSigned, snapInput } from "./helpers.js";
import { useMock } from "./setup.js";

const f = useMock();

async function createVa(
  mutate: (body: Record<string, unknown>) => void,
  headers: Record<string, string> = {},
) {
  const body = createVaBody(f.bundle, newVa());
  mutate(body);
  const input = snapInput(op(f.bundle, "snapCreateVa"), f.mock.identity, await f.token(), body, headers);
  return sendSigned(f.mock.url, signRequest(input));
}

const SNAP_CASES: [string, (b: Record<string, unknown>) => void, string, string][] = [
  ["missing mandatory field", (b) => delete b.trxId, "4002702", "Invalid Mandatory Field {trxId}"],
  [
    "nested field format",
    (b) => {
      b.totalAmount = { value: "11500.00", currency: "USD" };
    },
    "4002701",
    "Invalid Field Format {totalAmount.currency}",
  ],
  [
    "amount with one decimal (pattern)",
    (b) => {
      b.totalAmount = { value: "11500.5", currency: "IDR" };
    },
    "4002701",
    "Invalid Field Format {totalAmount.value}",
  ],
  [
    "x-doku-rules concat (virtualAccountNo != partnerServiceId + customerNo)",
    (b) => {
      b.virtualAccountNo = "9882917299999999999999999999";
    },
    "4002701",
    "Invalid Field Format {virtualAccountNo}",
  ],
  [
    "unknown field with a non-Latin-1 name",
    (b) => {
      b["中文字段"] = 1;
    },
    "4002701",
    "Invalid Field Format {中文字段}",
  ],
  [
    "wrong type",
    (b) => {
      b.trxId = 12345;
    },
    "4002701",
    "Invalid Field Format {trxId}",
  ],
];

describe("SNAP 400 case codes (create-va, service 27)", () => {
  for (const [name, mutate, code, message] of SNAP_CASES) {
    it(`${name} -> ${code} ${message}`, async () => {
      const answer = await createVa(mutate);
      expect(answer.status).toBe(400);
      expect(answer.json).toEqual({ responseCode: code, responseMessage: message });
    });
  }

  it("a missing mandatory header names the header", async () => {
    const input = snapInput(
      op(f.bundle, "snapCreateVa"),
      f.mock.identity,
      await f.token(),
      createVaBody(f.bundle, newVa()),
    );
    const { "CHANNEL-ID": _dropped, ...headers } = input.headers ?? {};
    const answer = await sendSigned(f.mock.url, signRequest({ ...input, headers }));
    expect(answer.json).toEqual({
      responseCode: "4002702",
      responseMessage: "Invalid Mandatory Field {CHANNEL-ID}",
    });
  });

  it("malformed JSON -> 4002700 Bad Request", async () => {
    const input = snapInput(
      op(f.bundle, "snapCreateVa"),
      f.mock.identity,
      await f.token(),
      '{"partnerServiceId": "9882',
    );
    const answer = await sendSigned(f.mock.url, signRequest(input));
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({ responseCode: "4002700", responseMessage: "Bad Request" });
  });

  it("a non-JSON content type -> 4002701 Invalid Field Format {Content-Type}", async () => {
    const body = createVaBody(f.bundle, newVa());
    const input = snapInput(op(f.bundle, "snapCreateVa"), f.mock.identity, await f.token(), body, {
      "Content-Type": "text/plain",
    });
    const answer = await sendSigned(f.mock.url, signRequest(input));
    expect(answer.json).toEqual({
      responseCode: "4002701",
      responseMessage: "Invalid Field Format {Content-Type}",
    });
  });

  it("a value only another DOKU source allows (x-doku-conflict) is accepted; --strict refuses it", async () => {
    expect((await createVa(() => {}, { "CHANNEL-ID": "VA009" })).status).toBe(200);
    const strict = await startMock({ bundle: f.bundle, strict: true });
    try {
      const token = await fetchToken(strict.url, f.bundle, strict.identity);
      // The MGPC sample's phone (0816...) is itself a tolerated conflict: use the documented 62 format.
      const body = { ...createVaBody(f.bundle, newVa()), virtualAccountPhone: "62816291271826" };
      const input = snapInput(op(f.bundle, "snapCreateVa"), strict.identity, token, body, {
        "CHANNEL-ID": "VA009",
      });
      const answer = await sendSigned(strict.url, signRequest(input));
      expect(answer.json).toEqual({
        responseCode: "4002701",
        responseMessage: "Invalid Field Format {CHANNEL-ID}",
      });
    } finally {
      await strict.close();
    }
  });

  it("no Content-Type -> 4002702 Invalid Mandatory Field {Content-Type}", async () => {
    const input = snapInput(
      op(f.bundle, "snapCreateVa"),
      f.mock.identity,
      await f.token(),
      createVaBody(f.bundle, newVa()),
    );
    const { "Content-Type": _dropped, ...headers } = input.headers ?? {};
    const answer = await sendSigned(f.mock.url, signRequest({ ...input, headers }));
    expect(answer.json).toEqual({
      responseCode: "4002702",
      responseMessage: "Invalid Mandatory Field {Content-Type}",
    });
  });

  it("uses the operation's service code (DANA payment, 05)", async () => {
    const dana = op(f.bundle, "danaPayment");
    const body = structuredClone(dana.request.examples[0]?.value) as Record<string, unknown>;
    delete body.partnerReferenceNo;
    const answer = await sendSigned(
      f.mock.url,
      signRequest(snapInput(dana, f.mock.identity, await f.token(), body)),
    );
    expect(answer.json).toEqual({
      responseCode: "4000502",
      responseMessage: "Invalid Mandatory Field {partnerReferenceNo}",
    });
  });
});

describe("non-SNAP 400 errors (kit body, DOKU documents none)", () => {
  async function paymentCode(mutate: (b: Record<string, Record<string, unknown>>) => void, raw?: string) {
    const body = paymentCodeBody(f.bundle);
    mutate(body);
    const input = nonSnapInput(op(f.bundle, "dokuVaCreatePaymentCode"), f.mock.identity, raw ?? body);
    return sendSigned(f.mock.url, signRequest(input));
  }

  it("missing field", async () => {
    const answer = await paymentCode((b) => delete b.customer?.name);
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ error: { code: "missing_field", field: "customer.name" } });
  });

  it("x-doku-rules required-if: FIX_BILL without amount", async () => {
    const answer = await paymentCode((b) => delete b.order?.amount);
    expect(answer.json).toMatchObject({ error: { code: "missing_field", field: "order.amount" } });
  });

  it("too long", async () => {
    const answer = await paymentCode((b) => {
      if (b.customer) b.customer.name = "x".repeat(65);
    });
    expect(answer.json).toMatchObject({ error: { code: "invalid_field", field: "customer.name" } });
  });

  it("malformed JSON", async () => {
    const answer = await paymentCode(() => {}, '{"order": ');
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ error: { code: "malformed_json" } });
  });

  it("the error answer is signed like DOKU's responses", async () => {
    const answer = await paymentCode((b) => delete b.customer);
    expect(answer.headers.signature).toMatch(/^HMACSHA256=/);
    expect(answer.headers["response-timestamp"]).toMatch(/Z$/);
  });
});
