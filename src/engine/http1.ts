/**
 * HTTP/1.1 over node:net and node:tls for the default transport: each request written in one write, the
 * response read by a small incremental parser, keep-alive connections pooled per origin.
 *
 * It replaces node:http's client, whose request and response objects and streams cost about twice the
 * time of the exchange itself on a cold process (docs/benchmarks.md, "Eighth pass"). The bytes sent are
 * node:http's for the same request (test/engine/transport-wire.test.ts), and it refuses the requests
 * node:http refuses, with node's error codes. The parser follows RFC 9112's message framing: a body's
 * length comes from the request (HEAD), the status (1xx, 204, 304), Transfer-Encoding (chunked last: chunked;
 * otherwise until close), Content-Length, or the connection's close. Broken responses fail with llhttp's
 * error names (HPE_*), so a failure reads as it did under node:http (engine/failure-cause.ts).
 */
import { createRequire } from "node:module";
import net from "node:net";

/** node:tls, loaded on the first https origin (about 4 ms of start-up a run against an http target skips). */
let tlsModule: typeof import("node:tls") | undefined;
const tls = () => {
  tlsModule ??= createRequire(import.meta.url)("node:tls") as typeof import("node:tls");
  return tlsModule;
};

/** Node's default limit on a response's status line and headers together (http.maxHeaderSize). */
export const MAX_HEADER_BYTES = 16 * 1024;

/** A broken exchange: `code` is llhttp's name for a protocol error (HPE_*) or a system error code. */
export class WireError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

/** A complete response as the parser read it. */
export interface ParsedResponse {
  status: number;
  /** Header names and values as received, in order: [name, value, name, value, ...]. */
  rawHeaders: string[];
  body: Buffer;
  /** Whether the connection may carry another request after this response. */
  keepAlive: boolean;
}

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const INVALID_VALUE = /[^\t\x20-\x7e\x80-\xff]/;
const INVALID_PATH = /[^\u0021-\u00ff]/;

/** The TypeError node:http throws for a request it refuses, with its code. */
export function nodeError(code: string, message: string): Error {
  return Object.assign(new TypeError(message), { code });
}

/** A request as node:http writes it, and what its exchange needs to know. */
export interface WireRequest {
  /** The request line and headers; written as latin-1 when `body` is empty. */
  head: string;
  /** The body as framed; written after the head, both as UTF-8 (node's way for a string body). */
  body: string;
  /** A HEAD request: its response has no body. */
  bodiless: boolean;
  /** The request asked to close the connection after its response (Connection: close). */
  close: boolean;
}

/**
 * `headers` and `body` as node:http writes them to `host` (one pass over the headers): the method
 * upper-cased; the headers in the order given; then a Content-Length for a body without one (node would
 * not state it for a DELETE body), the Host header, `Connection: keep-alive` unless a Connection header is
 * given, and `Content-Length: 0` for a method with a default body (POST, PUT, PATCH, …) sent without one.
 * Under a Transfer-Encoding: chunked header the body is one chunk and the last chunk. Throws what node:http
 * throws for a method, path, header name or value it refuses.
 */
export function wireRequest(
  method: string,
  target: string,
  headers: Readonly<Record<string, string>>,
  body: string,
  host: string,
): WireRequest {
  if (!TOKEN.test(method))
    throw nodeError("ERR_INVALID_HTTP_TOKEN", `Method must be a valid HTTP token ["${method}"]`);
  if (INVALID_PATH.test(target))
    throw nodeError("ERR_UNESCAPED_CHARACTERS", "Request path contains unescaped characters");
  const verb = method.toUpperCase();
  let head = `${verb} ${target} HTTP/1.1\r\n`;
  let length = false;
  let named = false;
  let connection = false;
  let close = false;
  let encoding = false;
  let chunked = false;
  for (const name in headers) {
    const value = headers[name] as string;
    if (!TOKEN.test(name))
      throw nodeError("ERR_INVALID_HTTP_TOKEN", `Header name must be a valid HTTP token ["${name}"]`);
    if (INVALID_VALUE.test(value))
      throw nodeError("ERR_INVALID_CHAR", `Invalid character in header content ["${name}"]`);
    head += `${name}: ${value}\r\n`;
    const lower = name.length === 4 || (name.length >= 10 && name.length <= 17) ? name.toLowerCase() : "";
    if (lower === "content-length") length = true;
    else if (lower === "host") named = true;
    else if (lower === "connection") {
      connection = true;
      close = /(^|,)\s*close\s*(,|$)/i.test(value);
    } else if (lower === "transfer-encoding") {
      encoding = true;
      chunked = /(?:^|\W)chunked(?:$|\W)/i.test(value);
    }
  }
  if (body !== "" && !length) head += `Content-Length: ${Buffer.byteLength(body)}\r\n`;
  if (!named) head += `Host: ${host}\r\n`;
  if (!connection) head += "Connection: keep-alive\r\n";
  if (body === "" && !length && !encoding && !NO_DEFAULT_BODY.has(verb)) head += "Content-Length: 0\r\n";
  head += "\r\n";
  if (chunked)
    return body === ""
      ? { head: `${head}0\r\n\r\n`, body, bodiless: verb === "HEAD", close }
      : {
          head,
          body: `${Buffer.byteLength(body).toString(16)}\r\n${body}\r\n0\r\n\r\n`,
          bodiless: verb === "HEAD",
          close,
        };
  return { head, body, bodiless: verb === "HEAD", close };
}

/** Methods node:http sends without a body by default (no Content-Length: 0 when none is given). */
const NO_DEFAULT_BODY = new Set(["GET", "HEAD", "DELETE", "OPTIONS", "TRACE", "CONNECT"]);

type State = "head" | "length" | "chunk-size" | "chunk-data" | "chunk-end" | "trailers" | "close" | "done";

/** An incremental HTTP/1.x response parser: feed it bytes until it returns the response. */
export class ResponseParser {
  private state: State = "head";
  private buffered: Buffer | undefined;
  private headBytes = 0;
  private status = 0;
  private minor = 1;
  private rawHeaders: string[] = [];
  private remaining = 0;
  private parts: Buffer[] = [];
  private size = 0;
  private keepAlive = true;
  /** True once the final response's headers are in (a body may follow). */
  headed = false;
  /** Bytes received after the response's end. */
  extra = 0;

  /** `bodiless`: the request was a HEAD. `maxBody`: a longer body fails with EBODYTOOLARGE. */
  constructor(
    private readonly bodiless: boolean,
    private readonly maxBody: number,
  ) {}

  /** Reads `chunk`; the response once complete, undefined while more is needed. Throws a WireError. */
  feed(chunk: Buffer): ParsedResponse | undefined {
    if (this.state === "done") {
      this.extra += chunk.length;
      return undefined;
    }
    let data = chunk;
    if (this.buffered !== undefined) {
      data = Buffer.concat([this.buffered, chunk]);
      this.buffered = undefined;
    }
    let at = 0;
    while (at < data.length) {
      switch (this.state) {
        case "head":
        case "chunk-size":
        case "trailers": {
          const lf = data.indexOf(10, at);
          if (lf < 0) {
            // An unfinished line is kept, and counted when it ends (a drip must not be counted twice).
            this.limit(data.length - at, false);
            this.buffered = data.subarray(at);
            return undefined;
          }
          this.limit(lf + 1 - at, true);
          const end = lf > at && data[lf - 1] === 13 ? lf - 1 : lf;
          const line = data.toString("latin1", at, end);
          at = lf + 1;
          if (this.state === "head") this.headLine(line);
          else if (this.state === "chunk-size") this.chunkSize(line);
          else if (line === "") this.state = "done";
          break;
        }
        case "length":
        case "chunk-data": {
          const take = Math.min(this.remaining, data.length - at);
          this.body(data.subarray(at, at + take));
          at += take;
          this.remaining -= take;
          if (this.remaining === 0) this.state = this.state === "length" ? "done" : "chunk-end";
          break;
        }
        case "chunk-end": {
          // CRLF (or a bare LF) after a chunk's data.
          if (data[at] === 13) {
            if (at + 1 >= data.length) {
              this.buffered = data.subarray(at);
              return undefined;
            }
            at++;
          }
          if (data[at] !== 10) throw new WireError("HPE_STRICT", "Parse Error: Expected LF after chunk data");
          at++;
          this.state = "chunk-size";
          break;
        }
        case "close":
          this.body(data.subarray(at));
          at = data.length;
          break;
      }
      if (this.state === "done") {
        this.extra += data.length - at;
        return this.response();
      }
    }
    return undefined;
  }

  /** The connection ended: the response when its body runs until close, else a WireError. */
  end(): ParsedResponse {
    if (this.state === "close") {
      this.state = "done";
      return this.response();
    }
    if (this.state === "done") return this.response();
    // node:http's words: no response yet, or a response cut short.
    throw new WireError("ECONNRESET", this.headed ? "aborted" : "socket hang up");
  }

  /** Checks a line of `bytes` against the limits; `ended`: a whole line, added to the head's size. */
  private limit(bytes: number, ended: boolean): void {
    if (this.state === "chunk-size") {
      if (bytes > 1024)
        throw new WireError("HPE_INVALID_CHUNK_SIZE", "Parse Error: Invalid character in chunk size");
      return;
    }
    if (this.headBytes + bytes > MAX_HEADER_BYTES)
      throw new WireError("HPE_HEADER_OVERFLOW", "Parse Error: Header overflow");
    if (ended) this.headBytes += bytes;
  }

  private body(bytes: Buffer): void {
    if (bytes.length === 0) return;
    this.size += bytes.length;
    if (this.size > this.maxBody)
      throw new WireError("EBODYTOOLARGE", `response body over ${this.maxBody} bytes`);
    this.parts.push(bytes);
  }

  private headLine(line: string): void {
    if (this.status === 0) {
      const m = /^HTTP\/1\.([01]) (\d{3})(?: .*)?$/.exec(line);
      if (!m) throw new WireError("HPE_INVALID_CONSTANT", "Parse Error: Expected HTTP/");
      this.minor = Number(m[1]);
      this.status = Number(m[2]);
      return;
    }
    if (line !== "") {
      const first = line.charCodeAt(0);
      if (first === 32 || first === 9) {
        // obs-fold: a continuation of the previous value, replaced by a space (RFC 9112 §5.2).
        const last = this.rawHeaders.length - 1;
        if (last < 1)
          throw new WireError("HPE_INVALID_HEADER_TOKEN", "Parse Error: Invalid header value char");
        this.rawHeaders[last] = `${this.rawHeaders[last]} ${line.trim()}`.trim();
        return;
      }
      const colon = line.indexOf(":");
      const name = colon < 0 ? "" : line.slice(0, colon);
      if (!TOKEN.test(name))
        throw new WireError("HPE_INVALID_HEADER_TOKEN", "Parse Error: Invalid header token");
      const value = line.slice(colon + 1).replace(/^[ \t]+|[ \t]+$/g, "");
      if (INVALID_VALUE.test(value))
        throw new WireError("HPE_INVALID_HEADER_TOKEN", "Parse Error: Invalid header value char");
      this.rawHeaders.push(name, value);
      return;
    }
    // The end of a head.
    if (this.status >= 100 && this.status < 200 && this.status !== 101) {
      // An interim response (100 Continue, 103 Early Hints): the final one follows.
      this.status = 0;
      this.rawHeaders = [];
      this.headBytes = 0;
      return;
    }
    this.frame();
  }

  /** How the body is delimited, and whether the connection stays open (RFC 9112 §6.3, §9.3). */
  private frame(): void {
    this.headed = true;
    let lengths: string | undefined;
    let coding: string | undefined;
    let connection = "";
    for (let i = 0; i < this.rawHeaders.length; i += 2) {
      const name = this.rawHeaders[i] as string;
      if (name.length < 10 || name.length > 17) continue;
      const lower = name.toLowerCase();
      const value = this.rawHeaders[i + 1] as string;
      if (lower === "content-length") lengths = lengths === undefined ? value : `${lengths},${value}`;
      else if (lower === "transfer-encoding") coding = coding === undefined ? value : `${coding},${value}`;
      else if (lower === "connection") connection += `,${value.toLowerCase()}`;
    }
    const tokens = connection.split(",").map((t) => t.trim());
    this.keepAlive = this.minor === 1 ? !tokens.includes("close") : tokens.includes("keep-alive");
    if (this.bodiless || this.status === 204 || this.status === 304 || this.status === 101) {
      if (this.status === 101) this.keepAlive = false;
      this.state = "done";
      return;
    }
    if (coding !== undefined) {
      const codings = coding.split(",").map((c) => c.trim().toLowerCase());
      if (codings[codings.length - 1] === "chunked") this.state = "chunk-size";
      else {
        this.state = "close";
        this.keepAlive = false;
      }
      // A message with both is a smuggling risk: never reuse its connection.
      if (lengths !== undefined) this.keepAlive = false;
      return;
    }
    if (lengths !== undefined) {
      const values = lengths.split(",").map((v) => v.trim());
      const length = values[0] as string;
      if (!/^\d{1,15}$/.test(length))
        throw new WireError("HPE_INVALID_CONTENT_LENGTH", "Parse Error: Invalid character in Content-Length");
      if (values.some((v) => v !== length))
        throw new WireError("HPE_UNEXPECTED_CONTENT_LENGTH", "Parse Error: Duplicate Content-Length");
      this.remaining = Number(length);
      this.state = this.remaining === 0 ? "done" : "length";
      return;
    }
    this.state = "close";
    this.keepAlive = false;
  }

  private chunkSize(line: string): void {
    const m = /^([0-9A-Fa-f]{1,12})[ \t]*(?:;.*)?$/.exec(line);
    if (!m) throw new WireError("HPE_INVALID_CHUNK_SIZE", "Parse Error: Invalid character in chunk size");
    const size = Number.parseInt(m[1] as string, 16);
    if (size === 0) {
      this.state = "trailers";
      this.headBytes = 0;
      return;
    }
    this.remaining = size;
    this.state = "chunk-data";
  }

  private response(): ParsedResponse {
    const body = this.parts.length === 1 ? (this.parts[0] as Buffer) : Buffer.concat(this.parts, this.size);
    return {
      status: this.status,
      rawHeaders: this.rawHeaders,
      body,
      keepAlive: this.keepAlive && this.extra === 0,
    };
  }
}

/** Where a request goes: scheme, host and port. */
export interface Endpoint {
  secure: boolean;
  hostname: string;
  port: string | number;
}

/** One exchange: what it writes, and how it settles (exactly one of `done` and `fail`, once). */
export interface Exchange extends WireRequest {
  /** The final response's headers are in (its body may still be coming). */
  headers(): void;
  done(response: ParsedResponse): void;
  fail(error: Error): void;
}

interface Job {
  exchange: Exchange;
  pool: Pool;
  conn: Connection | undefined;
  settled: boolean;
}

interface Connection {
  socket: net.Socket;
  pool: Pool;
  job: Job | undefined;
  parser: ResponseParser | undefined;
}

interface Pool {
  endpoint: Endpoint;
  idle: Connection[];
  open: number;
  waiting: Job[];
}

/** Keep-alive HTTP/1.1 connections, at most `maxSockets` per origin; exchanges beyond wait in order. */
export class Http1Client {
  private readonly pools = new Map<string, Pool>();
  private readonly connections = new Set<Connection>();
  private closed = false;

  constructor(
    private readonly maxSockets: number,
    private readonly maxBody: number,
  ) {}

  /**
   * Starts `exchange` on a free connection to `endpoint`, a new one, or the first to come free. Returns its
   * cancel: `exchange.fail(error)` at once, its connection destroyed (a half-read response cannot be reused).
   */
  start(endpoint: Endpoint, exchange: Exchange): (error: Error) => void {
    const key = `${endpoint.secure ? "https" : "http"}://${endpoint.hostname}:${endpoint.port}`;
    let pool = this.pools.get(key);
    if (!pool) {
      pool = { endpoint, idle: [], open: 0, waiting: [] };
      this.pools.set(key, pool);
    }
    const job: Job = { exchange, pool, conn: undefined, settled: false };
    const cancel = (error: Error) => this.settle(job, error);
    if (this.closed) {
      cancel(new WireError("ECONNRESET", "the transport is closed"));
      return cancel;
    }
    let idle = pool.idle.pop();
    while (idle?.socket.destroyed) idle = pool.idle.pop();
    if (idle) {
      idle.socket.ref();
      this.begin(idle, job);
    } else if (pool.open < this.maxSockets) this.begin(this.connect(pool), job);
    else pool.waiting.push(job);
    return cancel;
  }

  /** Destroys every connection; exchanges in flight or waiting fail with ECONNRESET. */
  close(): void {
    this.closed = true;
    for (const pool of this.pools.values())
      for (const job of pool.waiting.splice(0))
        this.settle(job, new WireError("ECONNRESET", "the transport is closed"));
    for (const conn of this.connections) conn.socket.destroy();
  }

  /** Settles a job once: with a response, or with an error (its connection, if any, destroyed). */
  private settle(job: Job, outcome: Error | ParsedResponse): void {
    if (job.settled) return;
    job.settled = true;
    const conn = job.conn;
    if (outcome instanceof Error) {
      const queued = job.pool.waiting.indexOf(job);
      if (queued >= 0) job.pool.waiting.splice(queued, 1);
      if (conn?.job === job) {
        conn.job = undefined;
        conn.socket.destroy();
      }
      job.exchange.fail(outcome);
      return;
    }
    if (conn?.job === job) {
      conn.job = undefined;
      if (outcome.keepAlive && !job.exchange.close && !this.closed && !conn.socket.destroyed)
        this.release(conn);
      else conn.socket.destroy();
    }
    job.exchange.done(outcome);
  }

  private connect(pool: Pool): Connection {
    pool.open++;
    const { endpoint } = pool;
    const port = Number(endpoint.port);
    const socket = endpoint.secure
      ? tls().connect({
          host: endpoint.hostname,
          port,
          ...(net.isIP(endpoint.hostname) === 0 ? { servername: endpoint.hostname } : {}),
        })
      : net.connect({ host: endpoint.hostname, port });
    socket.setNoDelay(true);
    socket.setKeepAlive(true, 1000);
    const conn: Connection = { socket, pool, job: undefined, parser: undefined };
    this.connections.add(conn);
    socket.on("data", (chunk: Buffer) => this.data(conn, chunk));
    socket.on("end", () => {
      // The target closed its side: an idle connection leaves the pool at once (close follows).
      if (!conn.job) this.drop(conn);
    });
    socket.on("error", (error: NodeJS.ErrnoException) => {
      if (conn.job) this.settle(conn.job, new WireError(error.code ?? "ECONNRESET", error.message));
    });
    socket.on("close", () => this.closedConnection(conn));
    return conn;
  }

  private begin(conn: Connection, job: Job): void {
    job.conn = conn;
    conn.job = job;
    conn.parser = new ResponseParser(job.exchange.bodiless, this.maxBody);
    const { socket } = conn;
    const { head, body } = job.exchange;
    // As node:http: a head alone is written as latin-1, a head with a body in one UTF-8 write (its header
    // values too: node prepends the head to the first string chunk and writes both in the chunk's encoding).
    if (body === "") socket.write(head, "latin1");
    else socket.write(head + body);
  }

  private data(conn: Connection, chunk: Buffer): void {
    const job = conn.job;
    const parser = conn.parser;
    if (!job || !parser) {
      // Bytes on an idle connection: nothing asked for them, so the connection cannot be trusted.
      this.drop(conn);
      conn.socket.destroy();
      return;
    }
    let response: ParsedResponse | undefined;
    try {
      const headed = parser.headed;
      response = parser.feed(chunk);
      if (!headed && parser.headed) job.exchange.headers();
    } catch (error) {
      this.settle(job, error as Error);
      return;
    }
    if (response) this.settle(job, response);
  }

  private release(conn: Connection): void {
    const next = conn.pool.waiting.shift();
    if (next) this.begin(conn, next);
    else {
      conn.socket.unref();
      conn.pool.idle.push(conn);
    }
  }

  private drop(conn: Connection): void {
    const at = conn.pool.idle.indexOf(conn);
    if (at >= 0) conn.pool.idle.splice(at, 1);
  }

  private closedConnection(conn: Connection): void {
    const { pool } = conn;
    this.connections.delete(conn);
    pool.open--;
    this.drop(conn);
    const job = conn.job;
    if (job && conn.parser) {
      let outcome: Error | ParsedResponse;
      try {
        outcome = conn.parser.end();
      } catch (error) {
        outcome = error as Error;
      }
      this.settle(job, outcome);
    }
    const next = this.closed ? undefined : pool.waiting.shift();
    if (next) this.begin(this.connect(pool), next);
  }
}
