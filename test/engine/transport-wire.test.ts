/**
 * The transport writes requests itself (engine/http1.ts): the bytes on the wire must be exactly what
 * node:http sends for the same headers given as an object (the Host header it adds, its Connection header,
 * Content-Length: 0 for an empty POST, the order, chunk framing under a given Transfer-Encoding), for
 * bodies, empty bodies, a DELETE body, a latin-1 header value, a given Connection, Transfer-Encoding or Host
 * header, and IPv6.
 */
import http from "node:http";
import { createServer, type Server } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpTransport } from "../../src/engine/transport.js";
import type { SentRequest } from "../../src/model/case.js";

/** A TCP server that answers every request 200 and keeps each request's raw bytes. */
function rawServer(host: string): Promise<{ server: Server; port: number; received: string[] }> {
  const received: string[] = [];
  const server = createServer((socket) => {
    let buffered = "";
    socket.on("data", (chunk) => {
      buffered += chunk.toString("latin1");
      const head = buffered.indexOf("\r\n\r\n");
      if (head < 0) return;
      // A chunked body (its Content-Length notwithstanding) ends at the last chunk.
      const chunked = /\r\ntransfer-encoding: *chunked/i.test(buffered.slice(0, head));
      const last = buffered.indexOf("0\r\n\r\n", head + 4);
      const length = chunked
        ? last < 0
          ? Number.POSITIVE_INFINITY
          : last + 5 - head - 4
        : Number(/\r\ncontent-length: *(\d+)/i.exec(buffered.slice(0, head))?.[1] ?? 0);
      if (buffered.length < head + 4 + length) return;
      received.push(buffered.slice(0, head + 4 + length));
      buffered = buffered.slice(head + 4 + length);
      socket.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Type: application/json\r\n\r\n{}");
    });
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, host, () => {
      const address = server.address();
      resolve({ server, port: typeof address === "object" && address ? address.port : 0, received });
    });
  });
}

/** What node:http sends for the same request with a headers object (the transport's former way). */
function reference(host: string, port: number, request: SentRequest): Promise<void> {
  const headers: Record<string, string> = { ...request.headers };
  const stated = Object.keys(headers).some((k) => k.toLowerCase() === "content-length");
  if (request.body !== "" && !stated) headers["Content-Length"] = String(Buffer.byteLength(request.body));
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  return new Promise((resolve, reject) => {
    const req = http.request(
      { hostname: host, port, path: new URL(request.url).pathname, method: request.method, headers, agent },
      (res) => {
        res.resume();
        res.on("end", () => {
          agent.destroy();
          resolve();
        });
      },
    );
    req.on("error", reject);
    req.end(request.body === "" ? undefined : request.body);
  });
}

/** One case: its name, and its request to an origin (method, path, headers, body). */
const CASES: [string, SentRequest["method"], string, Record<string, string>, string][] = [
  [
    "POST with a JSON body",
    "POST",
    "/v1.0/transfer-va/create-va",
    { "Content-Type": "application/json", "X-TIMESTAMP": "2026-12-07T10:00:00+07:00", "x-partner-id": "P1" },
    '{"trxId":"ü-1"}',
  ],
  ["GET without a body", "GET", "/orders/v1/status/INV-1", { "Client-Id": "C1" }, ""],
  [
    "DELETE with a body",
    "DELETE",
    "/v1.0/transfer-va/delete-va",
    { "Content-Type": "application/json" },
    "{}",
  ],
  ["POST without a body", "POST", "/v1/empty", { "X-A": "1" }, ""],
  [
    "PUT with a body and a latin-1 header value",
    "PUT",
    "/v1/put",
    { "X-Name": "Jos\u00e9", "Content-Type": "application/json" },
    '{"name":"Jos\u00e9"}',
  ],
  ["a Connection header given by the case", "GET", "/v1/close", { Connection: "close" }, ""],
  [
    "a Transfer-Encoding: chunked header given by the case, with a body",
    "POST",
    "/v1/chunked",
    { "Transfer-Encoding": "chunked", "Content-Type": "application/json" },
    '{"a":"\u00fc"}',
  ],
  [
    "a Transfer-Encoding: chunked header given by the case, without a body",
    "POST",
    "/v1/chunked-empty",
    { "Transfer-Encoding": "chunked" },
    "",
  ],
  [
    "a Host header given by the case",
    "POST",
    "/x",
    { host: "merchant.example", "Content-Length": "2" },
    "{}",
  ],
];

describe("the transport's wire bytes equal node:http's with a headers object", () => {
  for (const host of ["127.0.0.1", "::1"]) {
    let target: Awaited<ReturnType<typeof rawServer>> | undefined;
    beforeAll(async () => {
      target = await rawServer(host).catch(() => undefined);
    });
    afterAll(() => target?.server.close());

    for (const [name, method, path, headers, body] of CASES) {
      it(`${name} (${host})`, async (ctx) => {
        if (!target) return ctx.skip(); // no IPv6 loopback on this machine
        const origin = `http://${host.includes(":") ? `[${host}]` : host}:${target.port}`;
        const request: SentRequest = { method, url: `${origin}${path}`, headers, body };
        const transport = createHttpTransport({ maxSockets: 1 });
        const response = await transport.send(request, { timeoutMs: 5000 });
        await transport.close();
        expect(response.status).toBe(200);
        await reference(host, target.port, request);
        const [ours, theirs] = target.received.slice(-2);
        expect(ours).toBe(theirs);
        expect(ours).toMatch(/\r\nHost: /i);
      });
    }
  }
});
