/**
 * The typed client against a real node:http server on 127.0.0.1 whose handler verifies every request with
 * verifyRequest (raw bytes), issues B2B tokens, and counts token fetches. Time is an injected clock.
 */
import { generateKeyPairSync } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSpecBundle } from "../../conformance/bundle.js";
import type { paths } from "../../generated/types.js";
import { createTypedClient, type DokuClientOptions, DokuError } from "../../src/client/index.js";
import { formatSnapTimestamp, type SignatureAuth, verifyRequest } from "../../src/signatures/index.js";

const CLIENT_ID = "BRN-0211-1696919651918";
const SECRET = "SK-tDzY6MSLBWlNXy3qCsUU";
const merchant = generateKeyPairSync("rsa", { modulusLength: 2048 });
const CREATE_VA = "/virtual-accounts/bi-snap-va/v1.1/transfer-va/create-va";

let clock = Date.UTC(2024, 2, 26, 9, 0, 0);
const now = () => clock;

interface Seen {
  method: string;
  path: string;
  headers: IncomingMessage["headers"];
  body: string;
  verdict: ReturnType<typeof verifyRequest>;
}
const seen: Seen[] = [];
const issued = new Set<string>();
let tokenFetches = 0;
let expiresIn: unknown = 900;

function schemeFor(path: string): SignatureAuth {
  if (path === "/authorization/v1/access-token/b2b") return "snap-asymmetric-token";
  if (path.startsWith("/orders/") || path.startsWith("/doku-virtual-account/")) return "nonsnap-hmac";
  return "snap-symmetric";
}

let server: Server;
let baseUrl: string;

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const request = { method: req.method ?? "", path: req.url ?? "", headers: req.headers, body };
    const auth = schemeFor(request.path);
    const verdict = verifyRequest(request, {
      auth,
      credentials: { clientId: CLIENT_ID, secretKey: SECRET, publicKey: merchant.publicKey },
      accessToken: (token) => issued.has(token),
      now: clock,
    });
    seen.push({
      method: request.method,
      path: request.path,
      headers: req.headers,
      body: body.toString("utf8"),
      verdict,
    });
    res.setHeader("Content-Type", "application/json");
    if (!verdict.ok) {
      res.statusCode = 401;
      res.end(JSON.stringify({ responseCode: "4017300", responseMessage: verdict.reason }));
      return;
    }
    if (auth === "snap-asymmetric-token") {
      const token = `tok-${++tokenFetches}`;
      issued.add(token);
      res.end(
        JSON.stringify({
          responseCode: "2007300",
          responseMessage: "Successful",
          accessToken: token,
          tokenType: "Bearer",
          expiresIn,
        }),
      );
      return;
    }
    res.end(JSON.stringify({ responseCode: "2002700", responseMessage: "Successful" }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function client(overrides: Partial<DokuClientOptions> = {}) {
  return createTypedClient<paths>({
    baseUrl,
    credentials: { clientId: CLIENT_ID, secretKey: SECRET, privateKey: merchant.privateKey },
    bundle: loadSpecBundle,
    now,
    ...overrides,
  });
}

const vaBody = {
  partnerServiceId: "  088899",
  customerNo: "12345678901234567890",
  virtualAccountNo: "  08889912345678901234567890",
  virtualAccountName: "Jokul Doe",
  trxId: "abcdefgh1234",
  totalAmount: { value: "12345678.00", currency: "IDR" },
  virtualAccountTrxType: "C",
  expiredDate: "2024-03-27T09:00:00+07:00",
} as const;
const snapHeaders = {
  "X-PARTNER-ID": CLIENT_ID,
  "X-EXTERNAL-ID": "418075533589",
  "CHANNEL-ID": "H2H",
  "Content-Type": "application/json",
} as const;

const createVa = (c: ReturnType<typeof client>, serializer?: (b: unknown) => string) =>
  c.client.POST(CREATE_VA, {
    params: { header: snapHeaders },
    // biome-ignore lint/suspicious/noExplicitAny: the test body is a subset; the server checks signatures, not schemas
    body: vaBody as any,
    ...(serializer === undefined ? {} : { bodySerializer: serializer }),
  });

describe("typed client", () => {
  it("signs a SNAP request the server verifies over the exact bytes sent (token fetched first)", async () => {
    seen.length = 0;
    const c = client();
    const pretty = (b: unknown) => JSON.stringify(b, null, 2);
    const { response } = await createVa(c, pretty);
    expect(response.status).toBe(200);
    expect(seen.map((s) => [s.method, s.path, s.verdict.ok])).toEqual([
      ["POST", "/authorization/v1/access-token/b2b", true],
      ["POST", CREATE_VA, true],
    ]);
    const sent = seen[1]!;
    expect(sent.body).toBe(pretty(vaBody));
    expect(sent.headers["authorization"]).toBe("Bearer tok-1");
    expect(sent.headers["x-timestamp"]).toBe(formatSnapTimestamp(clock));
    expect(sent.headers["x-partner-id"]).toBe(CLIENT_ID);
  });

  it("signs non-SNAP POST (with Digest) and GET (without), generating Request-Id", async () => {
    seen.length = 0;
    const c = client({ requestId: () => "req-1" });
    const post = await c.client.POST("/doku-virtual-account/v2/payment-code", {
      // biome-ignore lint/suspicious/noExplicitAny: signature test; the schema is not under test here
      body: { order: { invoice_number: "INV-1", amount: 150000 } } as any,
    });
    const get = await c.client.GET("/orders/v1/status/{invoiceNumber}", {
      params: { path: { invoiceNumber: "INV-123123-12313" } },
    });
    expect([post.response.status, get.response.status]).toEqual([200, 200]);
    expect(seen.map((s) => s.verdict)).toEqual([{ ok: true }, { ok: true }]);
    expect(seen[0]!.headers["client-id"]).toBe(CLIENT_ID);
    expect(seen[0]!.headers["request-id"]).toBe("req-1");
    expect(seen[1]!.path).toBe("/orders/v1/status/INV-123123-12313");
    expect(seen[1]!.headers["request-timestamp"]).toBe("2024-03-26T09:00:00Z");
    expect(tokenFetchesOf(seen)).toBe(0);
  });

  it("the server really checks: a client with the wrong secret is refused", async () => {
    seen.length = 0;
    const c = client({
      credentials: { clientId: CLIENT_ID, secretKey: "wrong", privateKey: merchant.privateKey },
    });
    const error = await createVa(c).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DokuError);
    expect(error).toMatchObject({
      kind: "response",
      operationId: "snapCreateVa",
      status: 401,
      responseCode: "4017300",
      httpStatus: 401,
      serviceCode: "73",
      caseCode: "00",
    });
    expect(seen.at(-1)!.verdict).toMatchObject({ ok: false, rule: "signature-mismatch" });
  });

  it("fetches one token for several calls (also concurrent ones) and refetches after expiry minus margin", async () => {
    expiresIn = 900;
    const c = client();
    await Promise.all([createVa(c), createVa(c), createVa(c)]);
    await createVa(c);
    expect(c.tokens.fetches).toBe(1);
    clock += (900 - 10) * 1000 - 1; // just inside the 10 s safety margin
    await createVa(c);
    expect(c.tokens.fetches).toBe(1);
    clock += 2;
    const { response } = await createVa(c);
    expect(response.status).toBe(200);
    expect(c.tokens.fetches).toBe(2);
  });

  it("accepts expiresIn as a numeric string; does not cache a token without a usable expiresIn", async () => {
    expiresIn = "900";
    const a = client();
    await createVa(a);
    await createVa(a);
    expect(a.tokens.fetches).toBe(1);
    expiresIn = undefined;
    const b = client();
    await createVa(b);
    await createVa(b);
    expect(b.tokens.fetches).toBe(2);
    expiresIn = 900;
  });

  it("a refused token request is a DokuError (exit 3) naming the URL, the token operation and DOKU's code", async () => {
    const c = client({
      credentials: { clientId: "BRN-unknown", secretKey: SECRET, privateKey: merchant.privateKey },
    });
    const error = await createVa(c).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DokuError);
    expect(error).toMatchObject({
      kind: "response",
      operationId: "snapGetTokenB2b",
      exitCode: 3,
      status: 401,
      responseCode: "4017300",
    });
    expect((error as Error).message).toMatch(/access-token\/b2b answered 401 \(4017300 /);
  });

  it("an unreachable target is a network DokuError (exit 3)", async () => {
    const c = client({ baseUrl: "http://127.0.0.1:1" });
    await expect(createVa(c)).rejects.toMatchObject({ kind: "network", exitCode: 3 });
  });
});

function tokenFetchesOf(list: Seen[]): number {
  return list.filter((s) => s.path === "/authorization/v1/access-token/b2b").length;
}
