/**
 * The default transport's per-instance state: parsed origins (one WHATWG URL parse per base URL instead of
 * one per request) and the requests in flight per abort signal (one abort listener per signal instead of
 * one per request; aborting destroys each with the error node:http itself raises).
 */
import type http from "node:http";
import type https from "node:https";

export interface Origin {
  secure: boolean;
  protocol: string;
  hostname: string;
  port: string | number;
  /** The Host header node:http would send for this origin (IPv6 in brackets, the port unless default). */
  host: string;
}

/**
 * Per transport: the agents, parsed origins by their text (one WHATWG parse per base URL, not per request)
 * and the in-flight requests per abort signal (one abort listener per signal, not one per request).
 */
export interface TransportState {
  agents: { "http:": http.Agent; "https:": https.Agent };
  origins: Map<string, Origin>;
  inFlight: WeakMap<AbortSignal, Set<http.ClientRequest>>;
}

/** The scheme, host and port of an absolute URL (the part before its request target), parsed once. */
export function originOf(url: string, origins: Map<string, Origin>): Origin {
  const afterScheme = url.indexOf("//") + 2;
  const at = url.slice(afterScheme).search(/[/?#]/);
  const text = at < 0 ? url : url.slice(0, afterScheme + at);
  let origin = origins.get(text);
  if (!origin) {
    const parsed = new URL(url);
    const secure = parsed.protocol === "https:";
    const hostname = parsed.hostname.replace(/^\[(.*)\]$/, "$1");
    const port = parsed.port || (secure ? 443 : 80);
    const named = hostname.includes(":") ? `[${hostname}]` : hostname;
    origin = {
      secure,
      protocol: parsed.protocol,
      hostname,
      port,
      host: Number(port) === (secure ? 443 : 80) ? named : `${named}:${port}`,
    };
    if (origins.size < 64) origins.set(text, origin);
  }
  return origin;
}

/** Registers `req` under `signal`: one listener per signal destroys every request still in flight. */
export function track(state: TransportState, signal: AbortSignal, req: http.ClientRequest): () => void {
  let pending = state.inFlight.get(signal);
  if (!pending) {
    const set = new Set<http.ClientRequest>();
    pending = set;
    state.inFlight.set(signal, set);
    signal.addEventListener(
      "abort",
      () => {
        for (const r of set) r.destroy(abortError(signal));
        set.clear();
      },
      { once: true },
    );
  }
  if (signal.aborted) {
    req.destroy(abortError(signal));
    return () => {};
  }
  const set = pending;
  set.add(req);
  return () => set.delete(req);
}

/** The error node:http raises for a request whose signal aborts. */
function abortError(signal: AbortSignal): Error {
  return Object.assign(new Error("The operation was aborted", { cause: signal.reason }), {
    name: "AbortError",
    code: "ABORT_ERR",
  });
}
