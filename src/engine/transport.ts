/**
 * The transport: sends a request exactly as given (method, URL, headers, body bytes) and returns the
 * response as received. Injectable (RunOptions.transport); the default is HTTP/1.1 over node:net/tls with
 * keep-alive (engine/http1.ts).
 */
import { requestTarget } from "../checks/response.js";
import type { ReceivedResponse, SentRequest } from "../model/case.js";
import { MAX_RESPONSE_BODY_BYTES } from "./failure-cause.js";
import { Http1Client, nodeError, requestHead } from "./http1.js";
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

/** The default transport: HTTP/1.1 with keep-alive (engine/http1.ts), `maxSockets` connections per origin. */
export function createHttpTransport(options: { maxSockets: number }): Transport {
  const client = new Http1Client(options.maxSockets, MAX_RESPONSE_BODY_BYTES);
  const state: TransportState = { origins: new Map(), inFlight: new WeakMap() };
  return {
    send: (request, sendOptions) => send(request, sendOptions, client, state),
    async close() {
      client.close();
    },
  };
}

/**
 * The request's headers as a flat [name, value, ...] list, as given, then the Content-Length node:http
 * would not state for a DELETE body and the Host header it adds (the bytes on the wire are node:http's:
 * test/engine/transport-wire.test.ts).
 */
function headerList(request: SentRequest, origin: Origin) {
  const list: string[] = [];
  let length = false;
  let host = false;
  let close = false;
  let chunked = false;
  for (const name in request.headers) {
    const value = request.headers[name] as string;
    list.push(name, value);
    if (name.length === 14 && name.toLowerCase() === "content-length") length = true;
    else if (name.length === 4 && name.toLowerCase() === "host") host = true;
    else if (name.length === 10 && name.toLowerCase() === "connection")
      close = /(^|,)\s*close\s*(,|$)/i.test(value);
    else if (name.length === 17 && name.toLowerCase() === "transfer-encoding")
      chunked = /(?:^|\W)chunked(?:$|\W)/i.test(value);
  }
  // Node sends a DELETE body without Content-Length (no chunking either): always state the length.
  if (request.body !== "" && !length) list.push("Content-Length", String(Buffer.byteLength(request.body)));
  if (!host) list.push("Host", origin.host);
  return { list, close, chunked };
}

/**
 * The body as node:http frames it: as it is, or, under a Transfer-Encoding: chunked header the case gives,
 * as one chunk and the last chunk (only the last one for an empty body).
 */
function framed(body: string, chunked: boolean): string {
  if (!chunked) return body;
  return body === "" ? "0\r\n\r\n" : `${Buffer.byteLength(body).toString(16)}\r\n${body}\r\n0\r\n\r\n`;
}

function send(
  request: SentRequest,
  options: SendOptions,
  client: Http1Client,
  state: TransportState,
): Promise<ReceivedResponse> {
  return new Promise((resolve, reject) => {
    const origin = originOf(request.url, state.origins);
    if (origin.protocol !== "http:" && origin.protocol !== "https:")
      throw nodeError(
        "ERR_INVALID_PROTOCOL",
        `Protocol "${origin.protocol}" not supported. Expected "http:"`,
      );
    const { list, close, chunked } = headerList(request, origin);
    // The path exactly as signed: WHATWG URL parsing would remove "." / ".." segments (an invoice "." is valid).
    const empty = request.body === "";
    const head = requestHead(request.method, requestTarget(request.url), list, empty);
    let answered = false;
    let untrack = () => {};
    const timer = setTimeout(
      () =>
        cancel(
          answered
            ? new TransportFailure(
                "EBODYTIMEOUT",
                `the response body did not end within ${options.timeoutMs} ms`,
              )
            : new TransportFailure("ETIMEDOUT", `no response within ${options.timeoutMs} ms`),
        ),
      options.timeoutMs,
    );
    // Without a body, node writes the head (and a last chunk) as latin-1: http1 does so for an empty body.
    const cancel = client.start(origin, {
      head: empty ? head + framed("", chunked) : head,
      body: empty ? "" : framed(request.body, chunked),
      bodiless: request.method.toUpperCase() === "HEAD",
      close,
      headers: () => {
        answered = true;
      },
      done: (parsed) => {
        clearTimeout(timer);
        untrack();
        const body = parsed.body.toString("utf8");
        const response: ReceivedResponse = {
          status: parsed.status,
          headers: rawHeaders(parsed.rawHeaders),
          body,
        };
        const json = parseJson(body);
        if (json !== undefined) response.json = json;
        resolve(response);
      },
      fail: (error) => {
        clearTimeout(timer);
        untrack();
        reject(
          error instanceof TransportFailure
            ? error
            : new TransportFailure((error as { code?: string }).code ?? error.name, error.message),
        );
      },
    });
    if (options.signal) untrack = track(state, options.signal, cancel);
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
