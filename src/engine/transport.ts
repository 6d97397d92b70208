/**
 * The transport: sends a request exactly as given (method, URL, headers, body bytes) and returns the
 * response as received. Injectable (RunOptions.transport); the default is node:http/https with keep-alive.
 */
import http from "node:http";
import https from "node:https";
import { requestTarget } from "../checks/response.js";
import type { ReceivedResponse, SentRequest } from "../model/case.js";
import { MAX_RESPONSE_BODY_BYTES } from "./failure-cause.js";
import { type Origin, originOf, type TransportState, track } from "./transport-state.js";

export interface SendOptions {
  timeoutMs: number;
  signal?: AbortSignal | undefined;
}

export interface Transport {
  send(request: SentRequest, options: SendOptions): Promise<ReceivedResponse>;
  close(): Promise<void>;
}

/** A failed send. `fatal` means the target cannot be reached at all (the run stops, exit 3). */
export class TransportFailure extends Error {
  readonly code: string;
  readonly fatal: boolean;
  constructor(code: string, message: string, fatal?: boolean) {
    super(message);
    this.name = "TransportFailure";
    this.code = code;
    this.fatal =
      fatal ?? (FATAL.has(code) || /^(CERT_|ERR_TLS|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED)/.test(code));
  }
}

const FATAL = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EADDRNOTAVAIL",
]);

/** node:http(s) transport with keep-alive agents sized to the run's concurrency. */
export function createHttpTransport(options: { maxSockets: number }): Transport {
  const agentOptions = { keepAlive: true, maxSockets: options.maxSockets };
  const agents = { "http:": new http.Agent(agentOptions), "https:": new https.Agent(agentOptions) };
  const state: TransportState = { agents, origins: new Map(), inFlight: new WeakMap() };
  return {
    send: (request, sendOptions) => send(request, sendOptions, state),
    async close() {
      agents["http:"].destroy();
      agents["https:"].destroy();
    },
  };
}

/**
 * The request's headers as node:http's flat [name, value, ...] list, as given, with the Content-Length node
 * would not state for a DELETE body and the Host header node adds for a headers object (a flat list skips
 * node's per-header bookkeeping; the bytes on the wire are the same: test/engine/transport-wire.test.ts).
 */
function headerList(request: SentRequest, origin: Origin): string[] {
  const list: string[] = [];
  let length = false;
  let host = false;
  for (const name in request.headers) {
    list.push(name, request.headers[name] as string);
    if (name.length === 14 && name.toLowerCase() === "content-length") length = true;
    else if (name.length === 4 && name.toLowerCase() === "host") host = true;
  }
  // Node sends a DELETE body without Content-Length (no chunking either): always state the length.
  if (request.body !== "" && !length) list.push("Content-Length", String(Buffer.byteLength(request.body)));
  if (!host) list.push("Host", origin.host);
  return list;
}

function send(request: SentRequest, options: SendOptions, state: TransportState): Promise<ReceivedResponse> {
  return new Promise((resolve, reject) => {
    const origin = originOf(request.url, state.origins);
    const lib = origin.secure ? https : http;
    const req = lib.request({
      protocol: origin.protocol,
      hostname: origin.hostname,
      port: origin.port,
      // The path exactly as signed: WHATWG URL parsing would remove "." / ".." segments (an invoice "." is valid).
      path: requestTarget(request.url),
      method: request.method,
      headers: headerList(request, origin) as unknown as http.OutgoingHttpHeaders,
      agent: origin.secure ? state.agents["https:"] : state.agents["http:"],
    });
    const untrack = options.signal ? track(state, options.signal, req) : () => {};
    let answered = false;
    const timer = setTimeout(
      () =>
        req.destroy(
          answered
            ? new TransportFailure(
                "EBODYTIMEOUT",
                `the response body did not end within ${options.timeoutMs} ms`,
              )
            : new TransportFailure("ETIMEDOUT", `no response within ${options.timeoutMs} ms`),
        ),
      options.timeoutMs,
    );
    req.on("error", (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      untrack();
      reject(
        error instanceof TransportFailure
          ? error
          : new TransportFailure(error.code ?? error.name, error.message),
      );
    });
    req.on("response", (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_RESPONSE_BODY_BYTES)
          req.destroy(
            new TransportFailure("EBODYTOOLARGE", `response body over ${MAX_RESPONSE_BODY_BYTES} bytes`),
          );
        else chunks.push(chunk);
      });
      res.on("error", (error: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        untrack();
        reject(
          error instanceof TransportFailure
            ? error
            : new TransportFailure(error.code ?? "ECONNRESET", error.message),
        );
      });
      res.on("end", () => {
        clearTimeout(timer);
        untrack();
        const body =
          chunks.length === 1
            ? (chunks[0] as Buffer).toString("utf8")
            : Buffer.concat(chunks).toString("utf8");
        const response: ReceivedResponse = {
          status: res.statusCode ?? 0,
          headers: rawHeaders(res.rawHeaders),
          body,
        };
        const json = parseJson(body);
        if (json !== undefined) response.json = json;
        resolve(response);
      });
    });
    req.end(request.body === "" ? undefined : request.body);
  });
}

/** Response headers with their received spelling; repeated headers joined with ", ". */
function rawHeaders(raw: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i] as string;
    const value = raw[i + 1] as string;
    out[name] = out[name] === undefined ? value : `${out[name]}, ${value}`;
  }
  return out;
}

function parseJson(body: string): unknown {
  if (body === "" || body.trim() === "") return undefined;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}
