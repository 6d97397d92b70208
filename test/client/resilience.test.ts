/**
 * What the client does when things go wrong, on real sockets: DOKU's token-invalid answer (401xx01) gets one
 * fresh token and one retry, never a loop (against the embedded mock whose clock runs ahead, and against a
 * server that always refuses); a silent server times out; an answer that breaks the spec and a request
 * missing a header nobody can fill become DokuErrors naming the operation.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { beforeAll, describe, expect, it } from "vitest";
import { loadSpecBundle } from "../../conformance/bundle.js";
import type { paths } from "../../generated/types.js";
import { createTypedClient, type DokuClientOptions, DokuError } from "../../src/client/index.js";
import { startMock } from "../../src/mock/index.js";
import type { SpecBundle } from "../../src/model/operation.js";

const CREATE_VA = "/virtual-accounts/bi-snap-va/v1.1/transfer-va/create-va";
const TOKEN_PATH = "/authorization/v1/access-token/b2b";

let bundle: SpecBundle;
beforeAll(async () => {
  bundle = await loadSpecBundle();
});

let vaCount = 0;
/** A valid create-VA body; each one a new VA (DOKU refuses a VA number or trxId twice). */
const vaBody = (trxId: string) => {
  const customerNo = String(12345678901234567890n + BigInt(++vaCount));
  return {
    partnerServiceId: "  088899",
    customerNo,
    virtualAccountNo: `  088899${customerNo}`,
    virtualAccountName: "Jokul Doe",
    trxId,
    totalAmount: { value: "12345678.00", currency: "IDR" as const },
    virtualAccountTrxType: "C" as const,
    expiredDate: "2030-03-27T09:00:00+07:00",
  };
};

/** A programmable DOKU stand-in: counts token and API requests; `answer` decides the API answer. */
function stubServer(answer: (n: number) => { status: number; body: unknown } | "hang") {
  const counts = { token: 0, api: 0 };
  const apiHeaders: Record<string, string | string[] | undefined>[] = [];
  const server: Server = createServer(async (req, res) => {
    for await (const _ of req) {
    }
    res.setHeader("Content-Type", "application/json");
    if (req.url === TOKEN_PATH) {
      counts.token++;
      res.end(
        JSON.stringify({ responseCode: "2007300", accessToken: `tok-${counts.token}`, expiresIn: 900 }),
      );
      return;
    }
    counts.api++;
    apiHeaders.push(req.headers);
    const a = answer(counts.api);
    if (a === "hang") return;
    res.statusCode = a.status;
    res.end(a.body === undefined ? undefined : JSON.stringify(a.body));
  });
  return {
    counts,
    apiHeaders,
    server,
    async start(): Promise<string> {
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    },
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function client(baseUrl: string, extra: Partial<DokuClientOptions> = {}) {
  return createTypedClient<paths>({
    baseUrl,
    credentials: { clientId: "BRN-0001-0000000000001", secretKey: "SK-1", privateKey: KEY },
    bundle,
    ...extra,
  });
}

// One throwaway key for the stub servers (they do not verify signatures).
const { privateKey: KEY } = await import("node:crypto").then((c) =>
  c.generateKeyPairSync("rsa", { modulusLength: 2048 }),
);

describe("token-invalid answer", () => {
  it("against the mock: an expired token gets one fresh token and the call succeeds", async () => {
    let mockNow = Date.now();
    const mock = await startMock({ bundle, clock: () => mockNow, tokenTtlSeconds: 60 });
    try {
      const frozen = mockNow;
      const seen: string[] = [];
      const again = createTypedClient<paths>({
        baseUrl: mock.url,
        credentials: {
          clientId: mock.identity.clientId,
          secretKey: mock.identity.secretKey,
          privateKey: mock.identity.merchantPrivateKeyPem ?? "",
        },
        bundle,
        now: () => frozen,
        fetch: async (request) => {
          const response = await globalThis.fetch(request);
          seen.push(`${new URL(request.url).pathname} ${response.status}`);
          return response;
        },
      });
      await again.client.POST(CREATE_VA, { body: vaBody("trx-b") });
      mockNow += 120_000; // the mock's token has expired; the client's clock says it has not
      const { response } = await again.client.POST(CREATE_VA, { body: vaBody("trx-c") });
      expect(response.status).toBe(200);
      expect(again.tokens.fetches).toBe(2);
      expect(seen).toEqual([
        `${TOKEN_PATH} 200`,
        `${CREATE_VA} 200`,
        `${CREATE_VA} 401`,
        `${TOKEN_PATH} 200`,
        `${CREATE_VA} 200`,
      ]);
    } finally {
      await mock.close();
    }
  }, 30_000);

  it("refreshes once, not twice: a server that always answers 4012701 gets two calls and a DokuError", async () => {
    const stub = stubServer(() => ({
      status: 401,
      body: { responseCode: "4012701", responseMessage: "Access Token Invalid (B2B)" },
    }));
    const baseUrl = await stub.start();
    try {
      const c = client(baseUrl);
      const error = await c.client.POST(CREATE_VA, { body: vaBody("t1") }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DokuError);
      expect(error).toMatchObject({ kind: "response", status: 401, serviceCode: "27", caseCode: "01" });
      expect(stub.counts).toEqual({ token: 2, api: 2 });
      const [first, retry] = stub.apiHeaders.map((h) => [h.authorization, h["x-external-id"]]);
      expect(first?.[0]).toBe("Bearer tok-1");
      expect(retry?.[0]).toBe("Bearer tok-2"); // the retry carries the fresh token
      expect(retry?.[1]).not.toBe(first?.[1]); // and a new X-EXTERNAL-ID (the client generated the first)
    } finally {
      await stub.close();
    }
  });

  it("does not retry other 401s (signature mismatch, 4012700)", async () => {
    const stub = stubServer(() => ({
      status: 401,
      body: { responseCode: "4012700", responseMessage: "Unauthorized. Signature Not Match" },
    }));
    const baseUrl = await stub.start();
    try {
      await expect(client(baseUrl).client.POST(CREATE_VA, { body: vaBody("t1") })).rejects.toMatchObject({
        caseCode: "00",
      });
      expect(stub.counts).toEqual({ token: 1, api: 1 });
    } finally {
      await stub.close();
    }
  });
});

describe("timeouts", () => {
  it("a server that never answers fails after timeoutMs with a timeout DokuError naming the operation", async () => {
    const stub = stubServer(() => "hang");
    const baseUrl = await stub.start();
    try {
      const started = Date.now();
      const error = await client(baseUrl, { timeoutMs: 300 })
        .client.GET("/orders/v1/status/{invoiceNumber}", { params: { path: { invoiceNumber: "INV-1" } } })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DokuError);
      expect(error).toMatchObject({ kind: "timeout", operationId: "orderStatus" });
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await stub.close();
    }
  });

  it("per call: signal: AbortSignal.timeout(ms) ends one call sooner than the client's default", async () => {
    const stub = stubServer(() => "hang");
    const baseUrl = await stub.start();
    try {
      const started = Date.now();
      const error = await client(baseUrl, { timeoutMs: 20_000 })
        .client.GET("/orders/v1/status/{invoiceNumber}", {
          params: { path: { invoiceNumber: "INV-1" } },
          signal: AbortSignal.timeout(200),
        })
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ kind: "timeout", operationId: "orderStatus" });
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await stub.close();
    }
  });
});

describe("validation and errors", () => {
  it("response validation on: a 200 that breaks the spec is an invalid-response DokuError listing violations", async () => {
    const stub = stubServer(() => ({ status: 200, body: { responseCode: 2002700 } }));
    const baseUrl = await stub.start();
    try {
      const off = await client(baseUrl).client.POST(CREATE_VA, { body: vaBody("t1") });
      expect(off.response.status).toBe(200); // off by default: the answer is returned as it is
      const error = await client(baseUrl, { validate: { response: true } })
        .client.POST(CREATE_VA, { body: vaBody("t2") })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DokuError);
      const e = error as DokuError;
      expect(e.kind).toBe("invalid-response");
      expect(e.operationId).toBe("snapCreateVa");
      expect(e.violations.map((v) => [v.pointer, v.rule])).toContainEqual(["/responseCode", "type"]);
    } finally {
      await stub.close();
    }
  });

  it("request validation on: a bad body is refused before anything is sent (exit code 2)", async () => {
    const stub = stubServer(() => ({ status: 200, body: {} }));
    const baseUrl = await stub.start();
    try {
      const bad = { ...vaBody("t1"), virtualAccountName: "x".repeat(300) };
      const error = await client(baseUrl, { validate: { request: true } })
        .client.POST(CREATE_VA, { body: bad })
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ kind: "invalid-request", operationId: "snapCreateVa", exitCode: 2 });
      expect((error as DokuError).violations.some((v) => v.pointer === "/virtualAccountName")).toBe(true);
      expect(stub.counts).toEqual({ token: 0, api: 0 });
    } finally {
      await stub.close();
    }
  });

  it("request validation on: a header the caller gave is validated (CHANNEL-ID H2H, or the conflict's alternative)", async () => {
    const stub = stubServer(() => ({ status: 200, body: {} }));
    const baseUrl = await stub.start();
    try {
      // The types refuse the value too; a plain .mjs caller has no types.
      const header = { "CHANNEL-ID": "not a channel" as "H2H" };
      const error = await client(baseUrl, { validate: { request: true } })
        .client.POST(CREATE_VA, { params: { header }, body: vaBody("t1") })
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ kind: "invalid-request", operationId: "snapCreateVa" });
      expect((error as DokuError).violations.map((v) => [v.pointer, v.rule])).toEqual([
        ["/headers/CHANNEL-ID", "enum"],
      ]);
      expect(stub.counts).toEqual({ token: 0, api: 0 });
    } finally {
      await stub.close();
    }
  });

  it("a required header the client cannot fill is refused before sending, naming the header", async () => {
    const stub = stubServer(() => ({ status: 200, body: {} }));
    const baseUrl = await stub.start();
    try {
      const error = await client(baseUrl)
        // biome-ignore lint/suspicious/noExplicitAny: the point is a call without the required header
        .client.POST("/direct-debit/core/v1/balance-inquiry", { body: {} } as any)
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ kind: "invalid-request", operationId: "ddBalanceInquiry" });
      expect((error as DokuError).message).toContain("Authorization-Customer");
      expect(stub.counts.api).toBe(0);
    } finally {
      await stub.close();
    }
  });

  it("a non-SNAP error body (error.code / error.message) is parsed", async () => {
    const stub = stubServer(() => ({
      status: 400,
      body: { error: { code: "invalid_parameter", message: "order.amount is required" } },
    }));
    const baseUrl = await stub.start();
    try {
      const error = await client(baseUrl)
        .client.GET("/orders/v1/status/{invoiceNumber}", { params: { path: { invoiceNumber: "INV-1" } } })
        .catch((e: unknown) => e);
      expect(error).toMatchObject({
        kind: "response",
        operationId: "orderStatus",
        status: 400,
        code: "invalid_parameter",
        responseMessage: "order.amount is required",
        responseCode: undefined,
      });
      expect((error as Error).message).toBe(
        "orderStatus: DOKU answered HTTP 400 (invalid_parameter order.amount is required)",
      );
    } finally {
      await stub.close();
    }
  });

  it("a 204 answer (no body) is returned as success, not a crash", async () => {
    const stub = stubServer(() => ({ status: 204, body: undefined }));
    const baseUrl = await stub.start();
    try {
      const { data, response } = await client(baseUrl).client.GET("/orders/v1/status/{invoiceNumber}", {
        params: { path: { invoiceNumber: "INV-1" } },
      });
      expect([response.status, data]).toEqual([204, undefined]);
    } finally {
      await stub.close();
    }
  });

  it("an unreachable DOKU is a network DokuError (non-SNAP, no token involved)", async () => {
    const error = await client("http://127.0.0.1:1")
      .client.GET("/orders/v1/status/{invoiceNumber}", { params: { path: { invoiceNumber: "INV-1" } } })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "network", operationId: "orderStatus", exitCode: 3 });
  });
});
