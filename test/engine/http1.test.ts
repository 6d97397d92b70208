/**
 * engine/http1.ts: the response parser (framing, interim responses, errors, any split of the bytes) and
 * the connection pool (keep-alive reuse, the per-origin limit, queued timeouts, a target closing an idle
 * connection). Differentially: for generated responses sent by a raw TCP server, the transport returns
 * what node:http's own client (llhttp) reads from the same bytes.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import { createServer, type Server, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TLSSocket } from "node:tls";
import fc from "fast-check";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type ParsedResponse, ResponseParser, type WireError, wireRequest } from "../../src/engine/http1.js";
import { createHttpTransport, TransportFailure } from "../../src/engine/transport.js";
import type { SentRequest } from "../../src/model/case.js";

const MAX = 1 << 20;
const root = join(import.meta.dirname, "..", "..");

/** Feeds `pieces` in order; the response, or the error thrown, or "pending". */
function parse(pieces: readonly Buffer[], options: { head?: boolean; close?: boolean; max?: number } = {}) {
  const parser = new ResponseParser(options.head ?? false, options.max ?? MAX);
  try {
    for (const piece of pieces) {
      const done = parser.feed(piece);
      if (done) return { done, extra: parser.extra };
    }
    return options.close ? { done: parser.end(), extra: parser.extra } : "pending";
  } catch (error) {
    return { error: (error as WireError).code };
  }
}

const bytes = (text: string) => Buffer.from(text, "latin1");

/** A generated response: its bytes, and what a reader must make of them. */
const responseArb = fc
  .record({
    status: fc.constantFrom(200, 201, 202, 400, 401, 404, 409, 500, 503),
    reason: fc.constantFrom("OK", "", "Not Found", "Whatever it says"),
    headers: fc.array(
      fc.tuple(
        fc.constantFrom("Content-Type", "X-Trace", "x-Signature", "Set-Cookie", "Date", "X-Empty"),
        fc.stringMatching(/^[!-~]([ -~]{0,30}[!-~])?$/),
      ),
      { maxLength: 6 },
    ),
    body: fc.string({ unit: "binary", maxLength: 400 }),
    framing: fc.constantFrom("length", "chunked", "close"),
    chunks: fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1, maxLength: 8 }),
    extension: fc.boolean(),
    trailer: fc.boolean(),
  })
  .map((r) => {
    const body = Buffer.from(r.body, "utf8");
    let head = `HTTP/1.1 ${r.status}${r.reason === "" ? "" : ` ${r.reason}`}\r\n`;
    for (const [name, value] of r.headers) head += `${name}: ${value}\r\n`;
    let payload = body;
    if (r.framing === "length") head += `Content-Length: ${body.length}\r\n`;
    else if (r.framing === "close") head += "Connection: close\r\n";
    else {
      head += "Transfer-Encoding: chunked\r\n";
      const parts: Buffer[] = [];
      let at = 0;
      for (let i = 0; at < body.length; i++) {
        const size = Math.min(r.chunks[i % r.chunks.length] as number, body.length - at);
        parts.push(bytes(`${size.toString(16)}${r.extension ? ";name=value" : ""}\r\n`));
        parts.push(body.subarray(at, at + size), bytes("\r\n"));
        at += size;
      }
      parts.push(bytes(`0\r\n${r.trailer ? "X-Checksum: abc\r\n" : ""}\r\n`));
      payload = Buffer.concat(parts);
    }
    return {
      wire: Buffer.concat([bytes(`${head}\r\n`), payload]),
      framing: r.framing,
      status: r.status,
      headers: r.headers,
      body,
    };
  });

/** `wire` cut at the given fractions of its length. */
function split(wire: Buffer, cuts: readonly number[]): Buffer[] {
  const at = [...new Set(cuts.map((c) => Math.floor(c * wire.length)))].sort((a, b) => a - b);
  const out: Buffer[] = [];
  let from = 0;
  for (const cut of at) {
    out.push(wire.subarray(from, cut));
    from = cut;
  }
  out.push(wire.subarray(from));
  return out;
}

describe("ResponseParser", () => {
  it("reads a response the same in any split of its bytes, as it was sent", () => {
    fc.assert(
      fc.property(
        responseArb,
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 12 }),
        (r, cuts) => {
          const close = r.framing === "close";
          const whole = parse([r.wire], { close }) as { done: ParsedResponse };
          const pieces = parse(split(r.wire, cuts), { close }) as { done: ParsedResponse };
          expect(pieces).toEqual(whole);
          expect(whole.done.status).toBe(r.status);
          expect(whole.done.body.equals(r.body)).toBe(true);
          expect(whole.done.rawHeaders.slice(0, r.headers.length * 2)).toEqual(r.headers.flat());
          expect(whole.done.keepAlive).toBe(!close);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("waits for the end of a body whose length is unknown until the connection closes", () => {
    const wire = bytes("HTTP/1.1 200 OK\r\n\r\nhello");
    expect(parse([wire])).toBe("pending");
    const closed = parse([wire], { close: true }) as { done: ParsedResponse };
    expect(closed.done.body.toString()).toBe("hello");
    expect(closed.done.keepAlive).toBe(false);
  });

  it.each([
    ["a HEAD request's Content-Length", "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n", { head: true }],
    ["204", "HTTP/1.1 204 No Content\r\n\r\n", {}],
    ["304", "HTTP/1.1 304 Not Modified\r\nContent-Length: 9\r\n\r\n", {}],
    ["Content-Length: 0", "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", {}],
  ])("has no body for %s, and keeps the connection", (_name, text, options) => {
    const r = parse([bytes(text)], options) as { done: ParsedResponse };
    expect(r.done.body.length).toBe(0);
    expect(r.done.keepAlive).toBe(true);
  });

  it("skips interim responses (100 Continue, 103 Early Hints) to the final one", () => {
    const text =
      "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\n{}";
    const r = parse([bytes(text)]) as { done: ParsedResponse };
    expect(r.done.status).toBe(201);
    expect(r.done.rawHeaders).toEqual(["Content-Length", "2"]);
    expect(r.done.body.toString()).toBe("{}");
  });

  it.each([
    [
      "HTTP/1.1 + Connection: close",
      "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n",
      false,
    ],
    ["HTTP/1.0", "HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n", false],
    ["HTTP/1.0 + keep-alive", "HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\nContent-Length: 0\r\n\r\n", true],
    [
      "Transfer-Encoding with Content-Length",
      "HTTP/1.1 200 OK\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
      false,
    ],
    ["bytes after the response", "HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nxy", false],
  ])("decides reuse: %s", (_name, text, keepAlive) => {
    expect((parse([bytes(text)]) as { done: ParsedResponse }).done.keepAlive).toBe(keepAlive);
  });

  it("joins an obs-fold continuation into its header with a space, and trims values", () => {
    const r = parse([
      bytes("HTTP/1.1 200 OK\r\nX-A:  one\r\n  two\r\nX-B:\tx \r\nContent-Length: 0\r\n\r\n"),
    ]);
    expect((r as { done: ParsedResponse }).done.rawHeaders).toEqual([
      "X-A",
      "one two",
      "X-B",
      "x",
      "Content-Length",
      "0",
    ]);
  });

  it.each([
    ["not HTTP", "SSH-2.0-OpenSSH_9.6\r\n\r\n", "HPE_INVALID_CONSTANT"],
    ["a header without a colon", "HTTP/1.1 200 OK\r\nbroken\r\n\r\n", "HPE_INVALID_HEADER_TOKEN"],
    ["a control character in a value", "HTTP/1.1 200 OK\r\nX: a\u0001b\r\n\r\n", "HPE_INVALID_HEADER_TOKEN"],
    [
      "two different lengths",
      "HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab",
      "HPE_UNEXPECTED_CONTENT_LENGTH",
    ],
    [
      "a length that is not a number",
      "HTTP/1.1 200 OK\r\nContent-Length: 1x\r\n\r\n",
      "HPE_INVALID_CONTENT_LENGTH",
    ],
    [
      "a chunk size that is not hex",
      "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
      "HPE_INVALID_CHUNK_SIZE",
    ],
    [
      "a chunk without its CRLF",
      "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nab\r\n",
      "HPE_STRICT",
    ],
    ["headers over 16 KB", `HTTP/1.1 200 OK\r\nX: ${"a".repeat(17 * 1024)}\r\n\r\n`, "HPE_HEADER_OVERFLOW"],
    ["a status line over 16 KB", `HTTP/1.1 200 ${"a".repeat(17 * 1024)}`, "HPE_HEADER_OVERFLOW"],
  ])("fails on %s with llhttp's name for it", (_name, text, code) => {
    expect(parse([bytes(text)])).toEqual({ error: code });
  });

  it("counts a head that arrives in small pieces once: 12 KB of headers pass, 17 KB overflow", () => {
    const pieces = (text: string) =>
      split(
        bytes(text),
        Array.from({ length: 200 }, (_, i) => i / 200),
      );
    const big = (size: number) => `HTTP/1.1 200 OK\r\nX: ${"a".repeat(size)}\r\nContent-Length: 0\r\n\r\n`;
    expect((parse(pieces(big(12 * 1024))) as { done: ParsedResponse }).done.status).toBe(200);
    expect(parse(pieces(big(17 * 1024)))).toEqual({ error: "HPE_HEADER_OVERFLOW" });
  });

  it("fails on a body over the limit (EBODYTOOLARGE), a body cut short and no answer at all (ECONNRESET)", () => {
    expect(parse([bytes("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n0123456789")], { max: 9 })).toEqual({
      error: "EBODYTOOLARGE",
    });
    expect(parse([bytes("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n01234")], { close: true })).toEqual({
      error: "ECONNRESET",
    });
    const silent = new ResponseParser(false, MAX);
    expect(() => silent.end()).toThrow(/socket hang up/);
  });
});

describe("wireRequest", () => {
  /** What node:http itself throws for the same request (its code), or "ok". */
  function nodeRefusal(method: string, path: string, headers: Record<string, string>): string {
    try {
      const req = http.request({ host: "127.0.0.1", port: 9, method, path, headers });
      req.on("error", () => {});
      req.destroy();
      return "ok";
    } catch (error) {
      return (error as { code: string }).code;
    }
  }
  function ours(method: string, path: string, headers: Record<string, string>): string {
    try {
      wireRequest(method, path, headers, "", "127.0.0.1:9");
      return "ok";
    } catch (error) {
      return (error as { code: string }).code;
    }
  }

  it.each([
    ["POST", "/a", { "X-A": "1" }],
    ["P OST", "/a", {}],
    ["post", "/a", {}],
    ["GET", "/a b", {}],
    ["GET", "/ü", {}],
    ["GET", "/中", {}],
    ["GET", "/a", { "X A": "1" }],
    ["GET", "/a", { "X-A": "1\r\nX-B: 2" }],
    ["GET", "/a", { "X-A": "é" }],
    ["GET", "/a", { "X-A": "中" }],
    ["GET", "/a", { "X-A": "\u0000" }],
  ] as [string, string, Record<string, string>][])(
    "refuses what node:http refuses, with its code: %s %s %o",
    (method, path, headers) => {
      expect(ours(method, path, headers)).toBe(nodeRefusal(method, path, headers));
    },
  );
});

/** A raw TCP server: `answer` writes the reply for each request's bytes; connections are counted. */
async function rawServer(answer: (socket: Socket, request: string, index: number) => void) {
  const sockets = new Set<Socket>();
  let connections = 0;
  let requests = 0;
  const server: Server = createServer((socket) => {
    connections++;
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => {});
    let buffered = "";
    socket.on("data", (chunk) => {
      buffered += chunk.toString("latin1");
      for (;;) {
        const end = buffered.indexOf("\r\n\r\n");
        if (end < 0) return;
        const length = Number(/\r\ncontent-length: *(\d+)/i.exec(buffered.slice(0, end))?.[1] ?? 0);
        if (buffered.length < end + 4 + length) return;
        const request = buffered.slice(0, end + 4 + length);
        buffered = buffered.slice(end + 4 + length);
        answer(socket, request, requests++);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    connections: () => connections,
    open: () => sockets.size,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

const get = (url: string): SentRequest => ({ method: "GET", url, headers: {}, body: "" });
const ok = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}";

describe("the transport reads what node:http reads", () => {
  /** node:http's client on the same bytes: status, headers joined as the transport joins them, body. */
  function viaNode(url: string): Promise<{ status: number; headers: Record<string, string>; body: string }> {
    return new Promise((resolve, reject) => {
      http
        .get(url, { agent: false }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => {
            const headers: Record<string, string> = {};
            for (let i = 0; i < res.rawHeaders.length; i += 2) {
              const name = res.rawHeaders[i] as string;
              const value = res.rawHeaders[i + 1] as string;
              headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
            }
            resolve({ status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks).toString("utf8") });
          });
        })
        .on("error", reject);
    });
  }

  it("for generated responses (length, chunked, until close), over real sockets", async () => {
    let wire = Buffer.alloc(0);
    let close = false;
    const server = await rawServer((socket) => {
      socket.write(wire);
      if (close) socket.end();
    });
    closers.push(server.close);
    const transport = createHttpTransport({ maxSockets: 2 });
    closers.push(() => transport.close());
    await fc.assert(
      fc.asyncProperty(responseArb, async (r) => {
        wire = r.wire;
        close = r.framing === "close";
        const theirs = await viaNode(`${server.url}/x`);
        const ours = await transport.send(get(`${server.url}/x`), { timeoutMs: 5000 });
        expect({ status: ours.status, headers: ours.headers, body: ours.body }).toEqual(theirs);
      }),
      { numRuns: 60 },
    );
  });
});

describe("the connection pool", () => {
  it("reuses one connection for requests in sequence", async () => {
    const server = await rawServer((socket) => socket.write(ok));
    closers.push(server.close);
    const transport = createHttpTransport({ maxSockets: 4 });
    closers.push(() => transport.close());
    for (let i = 0; i < 5; i++)
      expect((await transport.send(get(server.url), { timeoutMs: 5000 })).json).toEqual({});
    expect(server.connections()).toBe(1);
  });

  it("opens no more than maxSockets per origin; the rest wait and are served in turn", async () => {
    const held: Socket[] = [];
    const server = await rawServer((socket) => held.push(socket));
    closers.push(server.close);
    const transport = createHttpTransport({ maxSockets: 2 });
    closers.push(() => transport.close());
    const pending = Array.from({ length: 5 }, () => transport.send(get(server.url), { timeoutMs: 5000 }));
    while (held.length < 2) await new Promise((resolve) => setTimeout(resolve, 5));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(server.connections()).toBe(2);
    expect(held).toHaveLength(2);
    for (let answered = 0; answered < 5; ) {
      const socket = held.shift();
      if (socket) {
        socket.write(ok);
        answered++;
      } else await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect((await Promise.all(pending)).map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(server.connections()).toBe(2);
  });

  it("times out a request still waiting for a connection without spending one", async () => {
    const held: Socket[] = [];
    // The first request is held until the second has timed out; later ones are answered at once.
    const server = await rawServer((socket, _request, index) =>
      index === 0 ? held.push(socket) : socket.write(ok),
    );
    closers.push(server.close);
    const transport = createHttpTransport({ maxSockets: 1 });
    closers.push(() => transport.close());
    const first = transport.send(get(server.url), { timeoutMs: 5000 });
    const second = await transport.send(get(server.url), { timeoutMs: 50 }).catch((e: unknown) => e);
    expect((second as TransportFailure).code).toBe("ETIMEDOUT");
    (held[0] as Socket).write(ok);
    expect((await first).status).toBe(200);
    expect((await transport.send(get(server.url), { timeoutMs: 5000 })).status).toBe(200);
    expect(server.connections()).toBe(1);
  });

  it("opens a new connection when the target closed the idle one, or answered Connection: close", async () => {
    const server = await rawServer((socket, _request, index) => {
      if (index === 0) {
        socket.write(ok);
        setTimeout(() => socket.end(), 10);
      } else socket.write("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
    });
    closers.push(server.close);
    const transport = createHttpTransport({ maxSockets: 1 });
    closers.push(() => transport.close());
    await transport.send(get(server.url), { timeoutMs: 5000 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await transport.send(get(server.url), { timeoutMs: 5000 });
    await transport.send(get(server.url), { timeoutMs: 5000 });
    expect(server.connections()).toBe(3);
  });

  it("closes the connection after a request that asked for it (Connection: close)", async () => {
    const server = await rawServer((socket) => socket.write(ok));
    closers.push(server.close);
    const transport = createHttpTransport({ maxSockets: 1 });
    closers.push(() => transport.close());
    const request = { ...get(server.url), headers: { Connection: "close" } };
    await transport.send(request, { timeoutMs: 5000 });
    await transport.send(request, { timeoutMs: 5000 });
    expect(server.connections()).toBe(2);
  });

  it("reports a connection closed before any answer as ECONNRESET, and a refused one as fatal", async () => {
    const server = await rawServer((socket) => socket.destroy());
    closers.push(server.close);
    const transport = createHttpTransport({ maxSockets: 1 });
    closers.push(() => transport.close());
    const reset = (await transport
      .send(get(server.url), { timeoutMs: 5000 })
      .catch((e: unknown) => e)) as TransportFailure;
    expect([reset.code, reset.fatal]).toEqual(["ECONNRESET", false]);
    const port = server.port;
    await server.close();
    const refused = (await transport
      .send(get(`http://127.0.0.1:${port}/`), { timeoutMs: 5000 })
      .catch((e: unknown) => e)) as TransportFailure;
    expect([refused.code, refused.fatal]).toEqual(["ECONNREFUSED", true]);
  });

  it("refuses a URL that is not http or https with node:http's code", async () => {
    const transport = createHttpTransport({ maxSockets: 1 });
    const error = await transport
      .send(get("ftp://127.0.0.1:9/x"), { timeoutMs: 100 })
      .catch((e: unknown) => e);
    const theirs = (() => {
      try {
        http.request("ftp://127.0.0.1:9/x");
      } catch (e) {
        return (e as { code: string }).code;
      }
    })();
    expect((error as { code: string }).code).toBe(theirs);
    expect(theirs).toBe("ERR_INVALID_PROTOCOL");
    await transport.close();
  });

  it("fails a request sent after close", async () => {
    const transport = createHttpTransport({ maxSockets: 1 });
    await transport.close();
    const error = (await transport
      .send(get("http://127.0.0.1:9/"), { timeoutMs: 100 })
      .catch((e: unknown) => e)) as TransportFailure;
    expect(error).toBeInstanceOf(TransportFailure);
  });
});

/** Runs `program` (an ES module using the transport) in a fresh process (async: the servers live here). */
function child(program: string, env: Record<string, string> = {}) {
  return new Promise<{ stdout: string; stderr: string; status: number | null }>((resolve) => {
    const run = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", program], {
      cwd: root,
      env: { ...process.env, ...env },
      timeout: 20_000,
    });
    let stdout = "";
    let stderr = "";
    run.stdout.on("data", (c: Buffer) => {
      stdout += c.toString();
    });
    run.stderr.on("data", (c: Buffer) => {
      stderr += c.toString();
    });
    run.on("close", (status) => resolve({ stdout, stderr, status }));
  });
}

const transportModule = JSON.stringify(join(root, "src/engine/transport.ts"));

describe("over TLS", () => {
  const dir = mkdtempSync(join(tmpdir(), "doku-http1-tls-"));
  const cert = join(dir, "cert.pem");
  const key = join(dir, "key.pem");
  // A real self-signed certificate for localhost (openssl, as on every machine of this kind).
  const made = spawnSync("openssl", [
    "req",
    "-x509",
    "-newkey",
    "rsa:2048",
    "-nodes",
    "-days",
    "2",
    "-subj",
    "/CN=localhost",
    "-addext",
    "subjectAltName=DNS:localhost",
    "-keyout",
    key,
    "-out",
    cert,
  ]);
  let server: https.Server | undefined;
  let servername: string | undefined;
  let port = 0;
  beforeAll(async () => {
    expect(made.status, String(made.stderr)).toBe(0);
    server = https.createServer({ cert: readFileSync(cert), key: readFileSync(key) }, (req, res) => {
      servername = (req.socket as TLSSocket).servername || undefined;
      res.setHeader("Content-Type", "application/json");
      res.end(JSON.stringify({ path: req.url }));
    });
    await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
    port = (server.address() as { port: number }).port;
  });
  afterAll(() => {
    server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("refuses a certificate no CA vouches for, as a fatal failure with the TLS code", async () => {
    const transport = createHttpTransport({ maxSockets: 1 });
    closers.push(() => transport.close());
    const error = (await transport
      .send(get(`https://localhost:${port}/a`), { timeoutMs: 5000 })
      .catch((e: unknown) => e)) as TransportFailure;
    expect(error).toBeInstanceOf(TransportFailure);
    expect(error.code).toMatch(/SELF_SIGNED/);
    expect(error.fatal).toBe(true);
  });

  it("answers through a CA the process trusts (NODE_EXTRA_CA_CERTS), naming the host by SNI", async () => {
    const run = await child(
      `import { createHttpTransport } from ${transportModule};
       const t = createHttpTransport({ maxSockets: 1 });
       const a = await t.send({ method: "GET", url: "https://localhost:${port}/x?y=1", headers: {}, body: "" }, { timeoutMs: 5000 });
       const b = await t.send({ method: "GET", url: "https://localhost:${port}/z", headers: {}, body: "" }, { timeoutMs: 5000 });
       await t.close();
       process.stdout.write(JSON.stringify([a.json, b.json]));`,
      { NODE_EXTRA_CA_CERTS: cert },
    );
    expect(run.stderr).toBe("");
    expect(JSON.parse(run.stdout)).toEqual([{ path: "/x?y=1" }, { path: "/z" }]);
    expect(servername).toBe("localhost");
  });
});

describe("idle connections", () => {
  it("do not keep the process alive (a run without close still exits at once)", async () => {
    const server = await rawServer((socket) => socket.write(ok));
    closers.push(server.close);
    const run = await child(
      `import { createHttpTransport } from ${transportModule};
       const t = createHttpTransport({ maxSockets: 2 });
       const r = await t.send({ method: "GET", url: "${server.url}/", headers: {}, body: "" }, { timeoutMs: 5000 });
       process.stdout.write(String(r.status));`,
    );
    expect([run.status, run.stdout]).toEqual([0, "200"]);
    // One connection, left idle (not closed) when the request ended: the child exited all the same.
    expect(server.connections()).toBe(1);
  });
});
