/**
 * The transport: sends a request exactly as given (method, URL, headers, body bytes) and returns the
 * response as received. Injectable (RunOptions.transport); the default is HTTP/1.1 over node:net/tls with
 * keep-alive (engine/http1.ts).
 */
import { requestTarget } from "../checks/response.js";
import type { ReceivedResponse, SentRequest } from "../model/case.js";
import { MAX_RESPONSE_BODY_BYTES } from "./failure-cause.js";
import { Http1Client, nodeError, wireRequest } from "./http1.js";
import { originOf, type TransportState, track } from "./transport-state.js";

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
    // The path exactly as signed: WHATWG URL parsing would remove "." / ".." segments (an invoice "." is valid).
    const wire = wireRequest(
      request.method,
      requestTarget(request.url),
      request.headers,
      request.body,
      origin.host,
    );
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
    const cancel = client.start(origin, {
      ...wire,
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
