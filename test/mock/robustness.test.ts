/**
 * Abuse over real sockets: oversized and malformed bodies, non-Latin-1 text, garbage HTTP, slow and
 * abandoned connections, 1,000 concurrent requests, a port already in use, and no handle left after close.
 * After each abuse the server must still answer a normal request.
 */
import { Agent, request as httpRequest } from "node:http";
import { connect, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSpecBundle } from "../../conformance/bundle.js";
import { type RunningMock, startMock } from "../../src/mock/index.js";
import { TargetError } from "../../src/model/errors.js";
import type { SpecBundle } from "../../src/model/operation.js";
import { signRequest } from "../../src/signatures/index.js";
import { createVaBody, newVa } from "./fixtures/bodies.js";
import { fetchToken, nonSnapInput, op, send, sendSigned, snapInput, tokenInput } from "./helpers.js";

let bundle: SpecBundle;
let mock: RunningMock;
const errors: unknown[] = [];

beforeAll(async () => {
  bundle = await loadSpecBundle();
  mock = await startMock({
    bundle,
    bodyLimitBytes: 64 * 1024,
    requestTimeoutMs: 400,
    onError: (e) => errors.push(e),
  });
});
afterAll(async () => {
  await mock?.close();
});

/** The server still answers: a fresh token request succeeds. */
async function stillServing(): Promise<void> {
  const answer = await sendSigned(mock.url, signRequest(tokenInput(bundle, mock.identity)));
  expect(answer.status).toBe(200);
  expect(errors).toEqual([]);
}

/** Opens a raw TCP connection to the mock. */
function raw(): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: "127.0.0.1", port: mock.port }, () => resolve(socket));
    socket.on("error", reject);
  });
}

/** Everything the server writes until it closes the connection. */
function readUntilClose(socket: Socket): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    socket.on("data", (c: Buffer) => chunks.push(c));
    socket.on("error", () => {});
    socket.on("close", () => resolve(Buffer.concat(chunks).toString("latin1")));
  });
}

describe("bodies", () => {
  it("a body over the limit -> 413 (SNAP envelope), then still serving", async () => {
    const token = await fetchToken(mock.url, bundle, mock.identity);
    const big = JSON.stringify({ ...createVaBody(bundle, newVa()), virtualAccountName: "x".repeat(200_000) });
    const answer = await sendSigned(
      mock.url,
      signRequest(snapInput(op(bundle, "snapCreateVa"), mock.identity, token, big)),
    );
    expect(answer.status).toBe(413);
    expect(answer.json).toEqual({ responseCode: "4132700", responseMessage: "Request Entity Too Large" });
    await stillServing();
  });

  it("a chunked body over the limit (no Content-Length) -> 413 (non-SNAP kit body)", async () => {
    const socket = await raw();
    const closed = readUntilClose(socket);
    socket.write(
      "POST /doku-virtual-account/v2/payment-code HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n",
    );
    const chunk = "y".repeat(16 * 1024);
    for (let i = 0; i < 6; i++) socket.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`);
    socket.end("0\r\n\r\n");
    const text = await closed;
    expect(text).toMatch(/^HTTP\/1\.1 413/);
    expect(text).toContain('"code":"body_too_large"');
    await stillServing();
  });

  it("non-Latin-1 text in fields and header values never reaches a header", async () => {
    const token = await fetchToken(mock.url, bundle, mock.identity);
    const body = { ...createVaBody(bundle, newVa()), virtualAccountName: "名前 😀", 字段: "値" };
    const answer = await sendSigned(
      mock.url,
      signRequest(snapInput(op(bundle, "snapCreateVa"), mock.identity, token, body)),
    );
    expect(answer.status).toBe(400);
    expect(String(answer.json.responseMessage)).toMatch(/^Invalid Field Format \{/);
    // A non-SNAP request whose Request-Id (echoed in the answer) carries raw UTF-8 bytes.
    const socket = await raw();
    const closed = readUntilClose(socket);
    const head =
      "GET /orders/v1/status/INV-1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\nClient-Id: c\r\nRequest-Id: ";
    socket.end(Buffer.concat([Buffer.from(head), Buffer.from("請求-ü", "utf8"), Buffer.from("\r\n\r\n")]));
    expect(await closed).toMatch(/^HTTP\/1\.1 401/);
    await stillServing();
  });

  it("garbage instead of HTTP -> 400 and the connection closes", async () => {
    const socket = await raw();
    const closed = readUntilClose(socket);
    socket.write("\u0000\u0001 NOT HTTP AT ALL\r\n\r\n");
    expect(await closed).toMatch(/^HTTP\/1\.1 400/);
    await stillServing();
  });

  it("unknown path -> 404, wrong method -> 405 with Allow", async () => {
    const missing = await send(mock.url, { method: "POST", path: "/nowhere" });
    expect(missing.status).toBe(404);
    expect(missing.json).toMatchObject({ error: { code: "not_found" } });
    const wrong = await send(mock.url, {
      method: "GET",
      path: "/virtual-accounts/bi-snap-va/v1.1/transfer-va/create-va",
    });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.allow).toBe("POST");
  });

  it("Prefer: code=<undocumented status> is answered, not crashed on", async () => {
    const token = await fetchToken(mock.url, bundle, mock.identity);
    const input = snapInput(op(bundle, "snapCreateVa"), mock.identity, token, createVaBody(bundle, newVa()), {
      Prefer: "code=418",
    });
    const answer = await sendSigned(mock.url, signRequest(input));
    expect(answer.status).toBeGreaterThanOrEqual(400);
    const documented = snapInput(
      op(bundle, "snapCreateVa"),
      mock.identity,
      token,
      createVaBody(bundle, newVa()),
      { Prefer: "code=404" },
    );
    const example = await sendSigned(mock.url, signRequest(documented));
    expect(example.json).toEqual({ responseCode: "4042718", responseMessage: "Inconsistent Request" });
    await stillServing();
  });
});

describe("connections", () => {
  it("a client that stalls mid-headers is cut off by the request timeout; others are served meanwhile", async () => {
    const socket = await raw();
    const closed = readUntilClose(socket);
    socket.write("POST /authorization/v1/access-token/b2b HTTP/1.1\r\nHost: x\r\n");
    await stillServing();
    // Resolves only once the server closed the connection (Node answers 408 first).
    expect(await closed).toMatch(/^HTTP\/1\.1 408/);
  });

  it("a client that stalls mid-body is cut off too", async () => {
    const socket = await raw();
    const closed = readUntilClose(socket);
    socket.write(
      'POST /authorization/v1/access-token/b2b HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n{"gra',
    );
    await stillServing();
    await closed;
    expect(socket.destroyed).toBe(true);
  });

  it("a client that vanishes mid-body does not disturb the server", async () => {
    const socket = await raw();
    socket.write(
      'POST /doku-virtual-account/v2/payment-code HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n{"order":',
    );
    socket.destroy();
    await stillServing();
  });

  it("1,000 concurrent signed requests all succeed", async () => {
    const token = await fetchToken(mock.url, bundle, mock.identity);
    const create = op(bundle, "snapCreateVa");
    const before = mock.state.vas.size;
    const agent = new Agent({ keepAlive: false, maxSockets: Number.POSITIVE_INFINITY });
    const signed = Array.from({ length: 1000 }, () =>
      signRequest(snapInput(create, mock.identity, token, createVaBody(bundle, newVa()))),
    );
    const statuses = await Promise.all(
      signed.map(
        (s) =>
          new Promise<number>((resolve, reject) => {
            const headers = { ...s.headers, "Content-Length": String(Buffer.byteLength(s.body)) };
            const r = httpRequest(
              { host: "127.0.0.1", port: mock.port, method: s.method, path: s.path, headers, agent },
              (res) => {
                res.resume();
                res.on("end", () => resolve(res.statusCode ?? 0));
              },
            );
            r.on("error", reject);
            r.end(s.body);
          }),
      ),
    );
    agent.destroy();
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    expect(mock.state.vas.size - before).toBe(1000);
    await stillServing();
  });

  it("non-SNAP over the same socket (keep-alive): signature checked per request", async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      for (let i = 0; i < 3; i++) {
        const s = signRequest(
          nonSnapInput(op(bundle, "orderStatus"), mock.identity, undefined, "/orders/v1/status/NOPE"),
        );
        const status = await new Promise<number>((resolve, reject) => {
          const r = httpRequest(
            { host: "127.0.0.1", port: mock.port, method: "GET", path: s.path, headers: s.headers, agent },
            (res) => {
              res.resume();
              res.on("end", () => resolve(res.statusCode ?? 0));
            },
          );
          r.on("error", reject);
          r.end();
        });
        expect(status).toBe(404);
      }
    } finally {
      agent.destroy();
    }
  });
});

describe("lifecycle", () => {
  it("a port already in use is a one-line TargetError (exit 3)", async () => {
    const error = await startMock({ bundle, port: mock.port }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TargetError);
    expect((error as TargetError).exitCode).toBe(3);
    expect((error as TargetError).message).toMatch(/already in use/);
    expect((error as TargetError).message).not.toContain("\n");
  });

  it("close() ends every connection and leaves no server or socket handle behind", async () => {
    const count = () =>
      process.getActiveResourcesInfo().filter((r) => r === "TCPServerWrap" || r === "TCPSocketWrap").length;
    const baseline = count();
    const other = await startMock({ bundle, keepAliveTimeoutMs: 60_000 });
    const agent = new Agent({ keepAlive: true });
    await new Promise<void>((resolve, reject) => {
      const r = httpRequest({ host: "127.0.0.1", port: other.port, path: "/nowhere", agent }, (res) => {
        res.resume();
        res.on("end", () => resolve());
      });
      r.on("error", reject);
      r.end();
    });
    const idle = await raw2(other.port);
    expect(count()).toBeGreaterThan(baseline);
    await other.close();
    await other.close();
    agent.destroy();
    await new Promise((resolve) => idle.on("close", resolve));
    for (let i = 0; i < 50 && count() > baseline; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(count()).toBeLessThanOrEqual(baseline);
    const refused = await raw2(other.port).then(
      (s) => s.destroy(),
      (e: NodeJS.ErrnoException) => e.code,
    );
    expect(refused).toBe("ECONNREFUSED");
  });
});

function raw2(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: "127.0.0.1", port }, () => resolve(socket));
    socket.on("error", reject);
  });
}
